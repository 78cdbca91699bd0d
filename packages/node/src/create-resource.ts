import {
  defaultResource,
  detectResources,
  resourceAttributesEnvDetector,
  resourceFromAttributes,
  serviceNameEnvDetector,
  type Resource,
} from '@opentelemetry/resources';
import { ATTR_SERVICE_NAME } from '@opentelemetry/semantic-conventions';
import type { Env, NodeTracingOptions } from './types';

/**
 * Runs the resources package's environment detectors on `env`: `OTEL_RESOURCE_ATTRIBUTES`,
 * then `OTEL_SERVICE_NAME` over its `service.name`. The detectors read `process.env` only,
 * so a different record is swapped in for this one synchronous call.
 */
function detectFromEnv(env: Env): Resource {
  const detect = () =>
    detectResources({ detectors: [resourceAttributesEnvDetector, serviceNameEnvDetector] });
  if (env === process.env) return detect();
  const saved = process.env;
  process.env = { ...env };
  try {
    return detect();
  } finally {
    process.env = saved;
  }
}

/**
 * The SDK's default resource (`telemetry.sdk.*`, `service.name=unknown_service:node`),
 * then the environment's, then `resourceAttributes`, then `serviceName`: later wins.
 */
export function createResource(options: NodeTracingOptions, env: Env): Resource {
  let resource = defaultResource().merge(detectFromEnv(env));
  if (options.resourceAttributes !== undefined) {
    resource = resource.merge(resourceFromAttributes(options.resourceAttributes));
  }
  if (options.serviceName !== undefined) {
    resource = resource.merge(resourceFromAttributes({ [ATTR_SERVICE_NAME]: options.serviceName }));
  }
  return resource;
}
