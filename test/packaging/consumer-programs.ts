/**
 * The programs a consumer writes against an installed model package, for test/packaging/. One
 * set of files serves any model package: `target.mjs` names the package's module and the three
 * functions of one global element, and everything else imports them from there.
 *
 *   lines.mjs    what every program prints: per document, valid or each diagnostic with its code,
 *                line, column and path, and whether a round trip gave the same text
 *   app.mjs      plain JavaScript under Node: prints lines.mjs's lines
 *   app.cjs      the same functions through require() (Node 20's require of an ES module)
 *   browser.mjs  the entry esbuild bundles for the browser: prints the lines with console.log
 *   typed.ts     TypeScript the consumer's tsc checks: narrowing on `ok`, and a wrong use that
 *                must not compile (an unused @ts-expect-error is itself an error)
 */
import path from 'node:path';
import type { ConsumerProject } from '../../scripts/workspace-packages.js';

/** One global element of a model package, and documents to give its functions. */
export interface ModelTarget {
  /** The import specifier of the namespace module, e.g. `@evfw/model/cpm-evfw`. */
  readonly module: string;
  /** The element's functions' suffix: `CpmEvfw` for parseCpmEvfw, validateCpmEvfw, serializeCpmEvfw. */
  readonly element: string;
  /** The TypeScript type of the element's value (exported by the module), for typed.ts. */
  readonly valueType: string;
  /** name -> document text: some valid, some not. */
  readonly documents: Readonly<Record<string, string>>;
  /** More TypeScript for typed.ts, after its imports: what this model's own types allow and refuse. */
  readonly typedExtra?: string;
}

const LINES = `import { documents } from './documents.mjs';
import { parse, serialize, validate } from './target.mjs';

/** One line per document that is valid, one per diagnostic of each that is not. */
export function reportLines() {
  const lines = [];
  for (const [name, text] of Object.entries(documents)) {
    const result = parse(text);
    const checked = validate(text);
    if (checked.length !== result.diagnostics.length) lines.push(name + ': parse and validate disagree');
    if (result.ok) {
      const written = serialize(result.value);
      const again = parse(written);
      lines.push(name + ': valid; round trip ' + (again.ok && serialize(again.value) === written ? 'same' : 'differs'));
    }
    for (const d of result.diagnostics) lines.push(name + ': ' + d.severity + ' ' + d.code + ' at ' + d.line + ':' + d.column + ' ' + d.path);
  }
  return lines;
}
`;

const APP = `import { reportLines } from './lines.mjs';

for (const line of reportLines()) console.log(line);
`;

const BROWSER = `import { reportLines } from './lines.mjs';

for (const line of reportLines()) console.log(line);
`;

/** Writes the programs for `target` into the project, in the folder `dir` of it (default: its root). */
export function writeConsumerPrograms(project: ConsumerProject, target: ModelTarget, dir = '.'): void {
  const { module, element, valueType } = target;
  const write = (file: string, text: string) => project.write(path.join(dir, file), text);
  write('documents.mjs', `export const documents = ${JSON.stringify(target.documents, null, 2)};\n`);
  write('target.mjs', `export { parse${element} as parse, validate${element} as validate, serialize${element} as serialize } from ${JSON.stringify(module)};\n`);
  write('lines.mjs', LINES);
  write('app.mjs', APP);
  write('browser.mjs', BROWSER);
  write(
    'app.cjs',
    [
      `const model = require(${JSON.stringify(module)});`,
      `const documents = Object.values(require('./documents.mjs').documents);`,
      `const counts = documents.map((text) => model.validate${element}(text).length);`,
      `console.log(typeof model.parse${element}, typeof model.serialize${element}, counts.join(','));`,
      '',
    ].join('\n'),
  );
  write(
    'typed.ts',
    [
      `import { parse${element}, serialize${element}, type ${valueType} } from ${JSON.stringify(module)};`,
      `import { documents } from './documents.mjs';`,
      '',
      `for (const text of Object.values(documents)) {`,
      `  const result = parse${element}(text);`,
      `  if (result.ok) {`,
      `    const value: ${valueType} = result.value;`,
      `    const text: string = serialize${element}(value);`,
      `    console.log(text.length);`,
      `  } else {`,
      `    const first = result.diagnostics[0];`,
      `    if (first) console.log(first.code, first.line, first.column, first.path);`,
      `    // @ts-expect-error a failed parse has no value`,
      `    console.log(result.value);`,
      `  }`,
      `}`,
      target.typedExtra ?? '',
      '',
    ].join('\n'),
  );
  write('documents.d.mts', 'export declare const documents: Readonly<Record<string, string>>;\n');
}
