/**
 * What makes a document a witness: the version it was drawn from accepts it, the other refuses
 * it, and the other's first error sits where the change shows. Both ways of finding one (drawn
 * documents, and mutants of documents both versions accept) end here.
 */
import { parseDocument, serializeDocument, type Diagnostic, type SchemaRegistry } from '@evfw/runtime';
import type { SchemaChange, Witness } from '../schema-change.js';
import { attributable } from './witness-attribution.js';

export interface Version {
  readonly name: 'before' | 'after';
  readonly registry: SchemaRegistry;
}

export interface Search {
  readonly change: SchemaChange;
  /** Documents are drawn valid under this version... */
  readonly from: Version;
  /** ...and proved when this one refuses them where the change shows. */
  readonly against: Version;
  readonly seed: number;
  /** Documents to draw at most. */
  readonly budget: number;
}

/**
 * `document` as a witness, or undefined when it is none. `refusals` are the other version's
 * diagnostics when the caller has them already. Any global element may start a document of
 * either version, as it may for libxml2.
 */
export function proveWitness(search: Search, root: string, document: string, refusals?: readonly Diagnostic[]): Witness | undefined {
  const { change, from, against } = search;
  const refusal = firstError(refusals ?? parseDocument(against.registry, undefined, document).diagnostics);
  if (!refusal || !attributable(refusal, change.kind, change.paths, document)) return undefined;
  if (firstError(parseDocument(from.registry, undefined, document).diagnostics)) return undefined;
  const { code, message, line, column, path } = refusal;
  return { root, document, validUnder: from.name, rejection: { code, message, line, column, path } };
}

/**
 * An edited witness (repeated, grafted) written again as the serializer writes documents, so
 * that every witness reads alike; kept as it was if the new text no longer proves the change.
 */
export function laidOut(search: Search, witness: Witness, indent: number): Witness {
  const parsed = parseDocument(search.from.registry, witness.root, witness.document);
  if (!parsed.ok) return witness;
  const document = serializeDocument(search.from.registry, witness.root, parsed.value, { indent });
  return proveWitness(search, witness.root, document) ?? witness;
}

export function firstError(diagnostics: readonly Diagnostic[]): Diagnostic | undefined {
  return diagnostics.find((d) => d.severity === 'error');
}
