'use strict';
// Which OpenTelemetry JS SDK line a test run proves, and where its packages are installed.
// Line 3 (api 1.10) is the workspace's own devDependencies; line 2 (api 1.9) lives in
// platforms/sdk2. Jest maps the names below to one line's copies, and child processes
// (ESM fixtures, the benchmark's servers) load them through `sdkLineRequire()`.
const path = require('node:path');
const { createRequire } = require('node:module');

/** The packages that come in one copy per line: the API and the SDK pieces tests use. */
const SDK_PACKAGES = [
  'api',
  'context-async-hooks',
  'core',
  'resources',
  'sdk-metrics',
  'sdk-trace',
];

/** `OTELWARE_SDK` (2 or 3); unset, the newest line this Node.js runs (SDK 3 needs 22.15). */
function sdkLine(env = process.env) {
  if (env.OTELWARE_SDK === '2' || env.OTELWARE_SDK === '3') return Number(env.OTELWARE_SDK);
  if (env.OTELWARE_SDK) throw new TypeError(`OTELWARE_SDK must be 2 or 3, not ${env.OTELWARE_SDK}`);
  const [major, minor] = process.versions.node.split('.').map(Number);
  return major > 22 || (major === 22 && minor >= 15) ? 3 : 2;
}

/** The folder whose node_modules hold the line's packages. */
function sdkLineDir(line, root = path.resolve(__dirname, '..')) {
  return line === 2 ? path.join(root, 'platforms', 'sdk2') : root;
}

/** Jest moduleNameMapper entries sending every import of the line's packages to one copy. */
function sdkLineModules(line, root) {
  const pattern = `^@opentelemetry/(${SDK_PACKAGES.join('|')})$`;
  return { [pattern]: `${sdkLineDir(line, root)}/node_modules/@opentelemetry/$1` };
}

/** A `require` that resolves the SDK line of this run (for code outside Jest). */
function sdkLineRequire(line = sdkLine()) {
  return createRequire(path.join(sdkLineDir(line), 'package.json'));
}

module.exports = { SDK_PACKAGES, sdkLine, sdkLineDir, sdkLineModules, sdkLineRequire };
