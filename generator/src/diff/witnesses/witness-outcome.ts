/**
 * What a report of the witness search reads (find-witnesses.ts; `evfw diff` prints it and writes
 * the documents to files): per change, the documents that prove each side, or why a side has none.
 */
import type { Witness } from '../schema-change.js';

/** Per change, in the order of the changes: what find-witnesses.ts returns, less the change. */
export interface WitnessOutcome {
  /** One per side proved: valid under `before` proves producers break, under `after` that consumers are affected. */
  readonly witnesses: readonly Witness[];
  /** Why a side reached has no witness; absent when every side has one. */
  readonly none?: string;
}

/** `producers` for a document valid under the old version, `consumers` for one valid under the new. */
export function witnessSide(witness: Witness): 'producers' | 'consumers' {
  return witness.validUnder === 'before' ? 'producers' : 'consumers';
}
