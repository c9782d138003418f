/**
 * Issue 17, item 5: deep and large schemas through the full `generate` (every emitter, to
 * memory). A 10,000-deep derivation chain and 100,000 global element declarations must generate
 * or be refused with a coded error within 30 s and 1 GB; today each is refused by a cap of
 * generator/src/ir/schema-limits.ts, and the cases under the caps show what generating costs
 * where it is allowed. The schema texts are the tests' (test/support/deep-schemas.ts).
 */
import { mkdtempSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { DEFAULT_SCHEMA_LIMITS, GeneratorError, generate } from '@evfw/generator';
import {
  complexExtensionChain,
  complexRestrictionChain,
  manyGlobalElements,
  simpleRestrictionChain,
  type DeepSchema,
} from '../../test/support/deep-schemas.js';
import type { HostileCase, HostileRun } from './hostile-case.js';

/** Writes the schema (untimed) and returns the run: `generate` to memory, its outcome in a word. */
function generating(schema: DeepSchema): HostileRun {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'evfw-bench-deep-'));
  const file = path.join(dir, 't.xsd');
  writeFileSync(file, schema.xsd);
  return {
    run() {
      try {
        const out = generate([file], { rootDir: dir });
        return `generated ${out.size} files`;
      } catch (error) {
        if (error instanceof GeneratorError) return `refused ${error.code}`;
        throw error;
      }
    },
  };
}

const BUDGET = { budgetMs: 30_000, budgetMb: 1_024 } as const;
const UNDER_DEPTH = DEFAULT_SCHEMA_LIMITS.maxDerivationDepth - 8;

export const CASES: readonly HostileCase[] = [
  {
    id: 'deep-simple-restriction-10000',
    label: 'a chain of 10,000 xs:simpleType restrictions through generate',
    ...BUDGET,
    prepare: () => generating(simpleRestrictionChain(10_000)),
  },
  {
    id: 'deep-complex-extension-10000',
    label: 'a chain of 10,000 xs:complexType extensions, one element each, through generate',
    ...BUDGET,
    prepare: () => generating(complexExtensionChain(10_000)),
  },
  {
    id: 'deep-complex-restriction-10000',
    label: 'a chain of 10,000 xs:complexType restrictions through generate',
    ...BUDGET,
    prepare: () => generating(complexRestrictionChain(10_000)),
  },
  {
    id: 'large-global-elements-100000',
    label: '100,000 global element declarations through generate',
    ...BUDGET,
    prepare: () => generating(manyGlobalElements(100_000)),
  },
  {
    id: 'deep-simple-restriction-under-cap',
    label: `a chain of ${UNDER_DEPTH} xs:simpleType restrictions (under the cap) through generate`,
    ...BUDGET,
    prepare: () => generating(simpleRestrictionChain(UNDER_DEPTH)),
  },
  {
    id: 'deep-complex-extension-under-cap',
    label: 'a chain of 170 xs:complexType extensions (under the flattened-size cap) through generate',
    ...BUDGET,
    prepare: () => generating(complexExtensionChain(170)),
  },
  {
    id: 'large-global-elements-under-cap',
    label: `${DEFAULT_SCHEMA_LIMITS.maxComponents.toLocaleString('en')} global element declarations (the cap) through generate`,
    ...BUDGET,
    prepare: () => generating(manyGlobalElements(DEFAULT_SCHEMA_LIMITS.maxComponents)),
  },
];
