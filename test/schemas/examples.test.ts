/**
 * The schemas say what they mean: libxml2, the reference validator, accepts every document
 * under schemas/examples/valid and rejects every one under schemas/examples/invalid. (Our own
 * validator joins this comparison with the parser work; until then this proves the XSDs that
 * everything else is generated from.)
 */
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { Libxml2Oracle } from '../../scripts/libxml2-oracle.js';
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
    expect(examples('valid').length).toBeGreaterThanOrEqual(10);
    expect(examples('invalid').length).toBeGreaterThanOrEqual(20);
  });

  it.each(examples('valid'))('%s is valid', (_name, file) => {
    expect(oracle.verdict(readFileSync(file!, 'utf8'))).toBeUndefined();
  });

  it.each(examples('invalid'))('%s is invalid', (_name, file) => {
    expect(oracle.verdict(readFileSync(file!, 'utf8'))).toBeDefined();
  });
});
