/**
 * Mutants: from a valid document, an invalid one with exactly one fault of a named kind, and
 * the diagnostic code the validator must report first for it. The document is turned into the
 * XmlElement tree the serializer writes, the fault kind finds where in it it can be made, one
 * of those sites is changed, and the tree is written out. A kind that has no site in a
 * document (no enumerated attribute to spoil, no unique field to repeat) gives undefined.
 */
import type { DiagnosticCode } from '../diagnostics.js';
import { ModelError } from '../document.js';
import { ModelWriter } from '../model/to-xml.js';
import type { SchemaRegistry } from '../schema/registry.js';
import type { XmlElement } from '../xml-node.js';
import { writeXml } from '../xml/write-xml.js';
import { attributeBadLexicalForm, attributeFacetViolated, attributeOutsideEnumeration, missingRequiredAttribute, unknownAttribute } from './faults/attribute-faults.js';
import { cardinalityExceeded, elementOutOfOrder, missingRequiredElement, unexpectedText, unknownElement, unknownRoot } from './faults/content-faults.js';
import type { Fault, MutationContext, Site } from './faults/fault.js';
import { duplicateId, duplicateUniqueValue } from './faults/identity-faults.js';
import { elementInSimpleContent, valueBadLexicalForm, valueFacetViolated, valueOutsideEnumeration } from './faults/value-faults.js';
import { identityFields } from './identity-fields.js';
import { allNodes, typedTree } from './typed-tree.js';

/** Every fault kind, in the order fixture files cycle through them. */
export const FAULTS = [
  missingRequiredAttribute,
  unknownAttribute,
  attributeOutsideEnumeration,
  attributeBadLexicalForm,
  attributeFacetViolated,
  valueOutsideEnumeration,
  valueBadLexicalForm,
  valueFacetViolated,
  missingRequiredElement,
  elementOutOfOrder,
  cardinalityExceeded,
  unknownElement,
  unexpectedText,
  elementInSimpleContent,
  duplicateUniqueValue,
  duplicateId,
  unknownRoot,
] as const satisfies readonly Fault[];

export type FaultKind = (typeof FAULTS)[number]['kind'];

export const FAULT_KINDS: readonly FaultKind[] = FAULTS.map((f) => f.kind);

export interface Mutant {
  readonly kind: FaultKind;
  /** The code our validator reports first for this document. */
  readonly code: DiagnosticCode;
  /** What was changed, in a sentence. */
  readonly description: string;
  /** Where, as diagnostics write paths. */
  readonly path: string;
  readonly root: XmlElement;
  /** The document, as XML text. */
  readonly text: string;
}

export interface MutateOptions {
  /** Picks one of `count` sites (default: the first). Give it a random source for variety. */
  readonly choose?: (count: number) => number;
  /** Indent the written document; default compact. */
  readonly indent?: number;
}

/** The places in a document where `kind` can be made; empty when it does not apply. */
export function mutationSites(registry: SchemaRegistry, rootKey: string, value: unknown, kind: FaultKind): Site[] {
  return faultOf(kind).sites(context(registry, rootKey, value));
}

/** The document `value` (whose root is `rootKey`) with one fault of `kind`, or undefined when none can be made. */
export function mutate(registry: SchemaRegistry, rootKey: string, value: unknown, kind: FaultKind, options: MutateOptions = {}): Mutant | undefined {
  return mutantOf(context(registry, rootKey, value), faultOf(kind), options);
}

/** One mutant of each kind that applies to the document, in the order of FAULTS. */
export function mutants(registry: SchemaRegistry, rootKey: string, value: unknown, options: MutateOptions = {}): Mutant[] {
  const c = context(registry, rootKey, value);
  return FAULTS.map((fault) => mutantOf(c, fault, options)).filter((m): m is Mutant => m !== undefined);
}

function mutantOf(c: MutationContext, fault: Fault<FaultKind>, options: MutateOptions): Mutant | undefined {
  const sites = fault.sites(c);
  if (sites.length === 0) return undefined;
  const index = options.choose ? options.choose(sites.length) : 0;
  const site = sites[Math.min(Math.max(0, Math.floor(index)), sites.length - 1)]!;
  const root = site.apply();
  const text = writeXml(root, {
    indent: options.indent ?? 0,
    prefixes: (ns) => c.registry.preferredPrefix(ns),
    // Whitespace is added only inside elements of known namespaces, never into foreign content.
    verbatim: (e) => !c.registry.knowsNamespace(e.namespace),
  });
  return { kind: fault.kind, code: fault.code, description: site.description, path: site.path, root, text };
}

function faultOf(kind: FaultKind): Fault<FaultKind> {
  const fault = FAULTS.find((f) => f.kind === kind);
  if (!fault) throw new Error(`evfw: unknown fault kind "${kind}"; known: ${FAULT_KINDS.join(', ')}`);
  return fault;
}

function context(registry: SchemaRegistry, rootKey: string, value: unknown): MutationContext {
  const decl = registry.element(rootKey);
  if (!decl) throw new Error(`evfw: no global element ${rootKey}`);
  const writer = new ModelWriter(registry);
  const root = writer.element(decl, value, decl.name);
  if (writer.problems.length > 0) throw new ModelError(writer.problems);
  const tree = typedTree(registry, decl, root);
  return { registry, root, tree, nodes: allNodes(tree), fields: identityFields(registry) };
}
