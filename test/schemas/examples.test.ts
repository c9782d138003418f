/**
 * The schemas say what they mean: libxml2, the reference validator, accepts every document
 * under schemas/examples/valid and rejects every one under schemas/examples/invalid, each for
 * the fault it is named after; and evfw's own validator names the same fault with its code.
 * (test/differential/ compares the two validators' verdicts on every document.)
 */
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { registry } from '../../generated/src/registry.js';
import { formatDiagnostic, parseDocument } from '../../runtime/src/index.js';
import { Libxml2Oracle } from '../support/libxml2-oracle.js';
import { EXPECTED_FAULT } from './expected-faults.js';
import { SCHEMAS_DIR } from '../support/paths.js';

const oracle = new Libxml2Oracle();
afterAll(() => oracle.dispose());

const examples = (kind: 'valid' | 'invalid') =>
  readdirSync(path.join(SCHEMAS_DIR, 'examples', kind), { recursive: true, encoding: 'utf8' })
    .filter((f) => f.endsWith('.xml'))
    .sort()
    .map((f) => [path.join('examples', kind, f), path.join(SCHEMAS_DIR, 'examples', kind, f)]);



describe('schemas/examples', () => {
  it('has valid and invalid samples', () => {
    expect(examples('valid').length).toBeGreaterThanOrEqual(46);
    expect(examples('invalid').length).toBeGreaterThanOrEqual(66);
  });

  it.each(examples('valid'))('%s is valid', (_name, file) => {
    expect(oracle.verdict(readFileSync(file!, 'utf8'))).toBeUndefined();
  });

  it.each(examples('invalid'))('%s is invalid for the reason it is named after', (name, file) => {
    const fault = EXPECTED_FAULT[path.relative(path.join('examples', 'invalid'), name!).split(path.sep).join('/')];
    expect(fault, `${name} has no entry in EXPECTED_FAULT: say which fault it isolates`).toBeDefined();
    expect(oracle.verdict(readFileSync(file!, 'utf8'))).toContain(fault!.libxml2);
    const result = parseDocument(registry, undefined, new Uint8Array(readFileSync(file!)));
    const errors = result.diagnostics.filter((d) => d.severity === 'error');
    expect(errors.map((d) => d.code), errors.map((d) => formatDiagnostic(d)).join('\n')).toContain(fault!.code);
    expect(errors[0]?.code, `first error: ${errors[0] ? formatDiagnostic(errors[0]) : 'none'}`).toBe(fault!.code);
  });
});
