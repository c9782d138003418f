/**
 * Where `evfw diff` asks for witnesses: documents valid under one version and refused by the
 * other, proving a change's classification (find-witnesses.ts, written apart from the
 * comparison). Until the search is wired in, the command runs without it and says nothing
 * about witnesses.
 */
import type { SchemaChange, SchemaSet, Witness } from './diff-api.js';

/** Per change, in the order of the changes: the shape find-witnesses.ts returns, less the change. */
export interface WitnessOutcome {
  /** One per side proved: valid under `before` proves producers break, under `after` that consumers are affected. */
  readonly witnesses: readonly Witness[];
  /** Why a side reached has no witness; absent when every side has one. */
  readonly none?: string;
}

export interface WitnessRequest {
  readonly before: SchemaSet;
  readonly after: SchemaSet;
  readonly changes: readonly SchemaChange[];
}

export type WitnessSearch = (request: WitnessRequest) => readonly WitnessOutcome[] | Promise<readonly WitnessOutcome[]>;

/** The search, loaded only when witnesses are asked for; undefined while it is not wired in. */
export async function loadWitnessSearch(): Promise<WitnessSearch | undefined> {
  // Wiring find-witnesses.ts: replace the `return undefined` below with
  //   const { findWitnesses } = await import('./find-witnesses.js');
  //   return (request) => findWitnesses(request.before, request.after, request.changes);
  return undefined;
}

/** `producers` for a document valid under the old version, `consumers` for one valid under the new. */
export function witnessSide(witness: Witness): 'producers' | 'consumers' {
  return witness.validUnder === 'before' ? 'producers' : 'consumers';
}
