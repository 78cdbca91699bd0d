import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';

/** What a package's manifest declares that differs from package to package. */
export interface PackageManifest {
  /** Its peer dependencies besides `@opentelemetry/api` (`^1.9.0`, every package's): exactly these. */
  readonly peers: Readonly<Record<string, string>>;
  /** The names of its dependencies, in the manifest's order. */
  readonly dependencies: readonly string[];
}

/**
 * The packaging rules of a package with one entry point (`.`): its `dist/` is built
 * before any test runs, its exports map gives ESM and CommonJS entries with types
 * that all exist, it has no side effects, and it declares exactly the peers and
 * dependencies of `manifest`. Call it inside the package's `describe`, with the
 * package's folder; what loading the built entries must do stays in the package's test.
 */
export function packagingSuite(packageDir: string, manifest: PackageManifest): void {
  beforeAll(() => {
    if (!existsSync(path.join(packageDir, 'dist', 'index.js'))) {
      throw new Error(
        `packages/${path.basename(packageDir)}/dist is missing: run \`pnpm build\` first (\`pnpm test\` does)`,
      );
    }
  });

  it('declares ESM and CommonJS entry points with types, its peers and its dependencies', () => {
    const declared = JSON.parse(readFileSync(path.join(packageDir, 'package.json'), 'utf8'));
    const { import: esm, require: cjs } = declared.exports['.'];
    for (const file of [esm.types, esm.default, cjs.types, cjs.default]) {
      expect(existsSync(path.join(packageDir, file))).toBe(true);
    }
    expect(declared.sideEffects).toBe(false);
    expect(declared.peerDependencies).toEqual({
      '@opentelemetry/api': '^1.9.0',
      ...manifest.peers,
    });
    expect(Object.keys(declared.dependencies)).toEqual(manifest.dependencies);
  });
}
