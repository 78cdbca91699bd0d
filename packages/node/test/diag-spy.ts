import { diag, DiagLogLevel } from '@opentelemetry/api';

/** Collects what otelware reports through `diag` (warnings and errors), reset before each test. */
export function useDiagSpy(): { warnings: string[]; errors: string[] } {
  const seen = { warnings: [] as string[], errors: [] as string[] };
  beforeEach(() => {
    seen.warnings.length = 0;
    seen.errors.length = 0;
    const ignore = () => undefined;
    diag.setLogger(
      {
        error: (message) => seen.errors.push(message),
        warn: (message) => seen.warnings.push(message),
        info: ignore,
        debug: ignore,
        verbose: ignore,
      },
      { logLevel: DiagLogLevel.WARN, suppressOverrideMessage: true },
    );
  });
  afterEach(() => diag.disable());
  return seen;
}
