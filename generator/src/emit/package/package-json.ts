/**
 * The generated package's package.json and tsconfig.json: the same exports shape as the
 * hand-written packages of the workspace, so the package builds, packs and installs like them.
 *
 * In `ts` mode each entry point has three conditions, in this order: `@evfw/source` (the
 * TypeScript source, for a workspace that runs its sources through tsx or a bundler), then
 * `types` and `default` into dist/, which `npm run build` writes (and `npm pack` runs). In `js`
 * mode the generator has written dist/ itself, so only `types` and `default` remain, and no
 * build.
 */
import type { EmitMode } from '../emitter.js';
import { GENERATOR_NAME, GENERATOR_VERSION } from '../generated-file.js';

/** The TypeScript the package builds with: the workspace's own range. */
const TYPESCRIPT_RANGE = '~5.9.3';

export interface PackageJsonInput {
  readonly packageName: string;
  readonly runtimePackage: string;
  readonly emit: EmitMode;
  readonly sources: readonly string[];
  /** Every entry point, in the order package.json lists them. */
  readonly entries: readonly PackageEntry[];
  /** Whether schemas/ and docs/ were written: `files` lists only folders that exist. */
  readonly hasSchemas: boolean;
  readonly hasDocs: boolean;
  /** Builders or arbitraries were emitted: they need fast-check, an optional peer. */
  readonly testing: boolean;
}

/**
 * An entry point (`.`, `./imdn`, `./imdn/build`...) and its module, the file stem under src/ and
 * dist/ (`imdn.build`); or a file exported as it is (`schemas/imdn.schema.json`).
 */
export type PackageEntry = { readonly entry: string; readonly module: string } | { readonly entry: string; readonly file: string };

type Conditions = Readonly<Record<string, string>>;

export function packageJson(input: PackageJsonInput): Record<string, unknown> {
  const ts = input.emit === 'ts';
  const exports: Record<string, Conditions | string> = {};
  for (const e of input.entries) {
    if ('file' in e) {
      exports[e.entry] = `./${e.file}`;
      continue;
    }
    exports[e.entry] = {
      ...(ts ? { '@evfw/source': `./src/${e.module}.ts` } : {}),
      types: `./dist/${e.module}.d.ts`,
      default: `./dist/${e.module}.js`,
    };
  }
  exports['./package.json'] = './package.json';

  // The build-info file of `npm run build` (packageTsconfig) is build state, not something to ship.
  const files = ['dist', ...(ts ? ['!dist/.tsbuildinfo', 'src'] : []), ...(input.hasSchemas ? ['schemas'] : []), ...(input.hasDocs ? ['docs'] : []), 'DIAGNOSTICS.md'];
  return {
    name: input.packageName,
    version: GENERATOR_VERSION,
    description: `Typed models generated from ${input.sources.join(', ')}`,
    license: 'Apache-2.0',
    type: 'module',
    engines: { node: '>=20' },
    sideEffects: false,
    files,
    exports,
    ...(ts ? { scripts: { build: 'tsc -p tsconfig.json', prepack: 'npm run build' } } : {}),
    dependencies: { [input.runtimePackage]: `^${GENERATOR_VERSION}` },
    ...(ts ? { devDependencies: { typescript: TYPESCRIPT_RANGE } } : {}),
    ...(input.testing ? { peerDependencies: { 'fast-check': '^4.0.0' }, peerDependenciesMeta: { 'fast-check': { optional: true } } } : {}),
    evfw: { generatedBy: `${GENERATOR_NAME} ${GENERATOR_VERSION}`, sources: input.sources, note: 'Generated: edit the schemas and run `npm run generate`.' },
  };
}

/**
 * Self-contained (no `extends`: the package may be built anywhere). isolatedDeclarations holds
 * the emitters to explicit types on every export, which is also what lets `--emit js` write each
 * declaration file from its source alone (transpile-package.ts). `composite` lets a workspace's
 * `tsc -b` reference the package (ours does: tsconfig.build.json); its build-info file sits in
 * dist/, so that deleting dist/ always means a full rebuild.
 */
export function packageTsconfig(): Record<string, unknown> {
  return {
    compilerOptions: {
      target: 'ES2022',
      module: 'NodeNext',
      moduleResolution: 'NodeNext',
      strict: true,
      exactOptionalPropertyTypes: true,
      noUncheckedIndexedAccess: true,
      skipLibCheck: true,
      declaration: true,
      declarationMap: true,
      sourceMap: true,
      isolatedDeclarations: true,
      composite: true,
      rootDir: 'src',
      outDir: 'dist',
      tsBuildInfoFile: 'dist/.tsbuildinfo',
    },
    include: ['src'],
  };
}
