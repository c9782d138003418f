/**
 * Mutants: from a valid document, an invalid one with exactly one fault of a named kind, and
 * the diagnostic code the validator must report first for it. The document is turned into the
 * XmlElement tree the serializer writes, the fault kind finds where in it it can be made, one
 * of those sites is changed, and the tree is written out. A kind that has no site in a
 * document (no enumerated attribute to spoil, no unique field to repeat) gives undefined.
 *
 * The schema's fault kinds (FAULTS) apply in every profile. The rule fault kinds (RULE_FAULTS)
 * break a prose rule instead, so they apply only in a profile that applies such a rule: their
 * mutants are valid for the XSD, and the code is the rule's (`evfw.rule.<id>`).
 */
import type { DiagnosticCode } from '../diagnostics.js';
import { ModelError } from '../document.js';
import { ModelWriter } from '../model/to-xml.js';
import type { Profile, RuleCode } from '../rules/rule-descriptor.js';
import type { SchemaRegistry } from '../schema/registry.js';
import type { XmlElement } from '../xml-node.js';
import { writeXml } from '../xml/write-xml.js';
import { attributeBadLexicalForm, attributeFacetViolated, attributeOutsideEnumeration, missingRequiredAttribute, unknownAttribute } from './faults/attribute-faults.js';
import { cardinalityExceeded, elementOutOfOrder, missingRequiredElement, unexpectedText, unknownElement, unknownRoot } from './faults/content-faults.js';
import type { Fault, MutationContext, RuleFault, Site } from './faults/fault.js';
import { duplicateId, duplicateUniqueValue } from './faults/identity-faults.js';
import { RULE_FAULTS } from './faults/rule-faults.js';
import { elementInSimpleContent, valueBadLexicalForm, valueFacetViolated, valueOutsideEnumeration } from './faults/value-faults.js';
import { identityFields } from './identity-fields.js';
import { appliedRules } from './rule-requirements.js';
import { allNodes, typedTree, type TypedNode } from './typed-tree.js';

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

/** The schema's fault kinds: they apply in every profile. */
export type SchemaFaultKind = (typeof FAULTS)[number]['kind'];

/** Kinds that break a prose rule of the profile, one per kind of rule check. */
export type RuleFaultKind = (typeof RULE_FAULTS)[number]['kind'];

export type FaultKind = SchemaFaultKind | RuleFaultKind;

/** The schema's fault kinds, in the order fixture files cycle through them. */
export const FAULT_KINDS: readonly SchemaFaultKind[] = FAULTS.map((f) => f.kind);

export const RULE_FAULT_KINDS: readonly RuleFaultKind[] = RULE_FAULTS.map((f) => f.kind);

/** Every fault kind, the schema's then the rules'. */
export const ALL_FAULT_KINDS: readonly FaultKind[] = [...FAULT_KINDS, ...RULE_FAULT_KINDS];

/**
 * The fault kinds a profile offers for a registry: the schema's always, and a rule kind when the
 * profile applies a rule of that check kind with severity error (a mutant is known by its first
 * error, so warnings get none).
 */
export function faultKindsFor(registry: SchemaRegistry, profile: Profile = 'xsd'): FaultKind[] {
  const checks = new Set(appliedRules(registry, profile).filter((r) => r.rule.severity === 'error').map((r) => r.rule.check.kind));
  return [...FAULT_KINDS, ...RULE_FAULTS.filter((f) => checks.has(f.check)).map((f) => f.kind)];
}

export interface Mutant {
  readonly kind: FaultKind;
  /** The code our validator reports first for this document, in the profile it was made for. */
  readonly code: DiagnosticCode | RuleCode;
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
  /**
   * The profile the mutant is for: its rules must not report on the document, and the rule
   * fault kinds break one of them. Default `xsd`, as parseDocument's.
   */
  readonly profile?: Profile;
}

export type SiteOptions = Pick<MutateOptions, 'profile'>;

/** The places in a document where `kind` can be made; empty when it does not apply. */
export function mutationSites(registry: SchemaRegistry, rootKey: string, value: unknown, kind: FaultKind, options: SiteOptions = {}): Site[] {
  return faultOf(kind).sites(context(registry, rootKey, value, options.profile));
}

/** Of `kinds`, those that have a place in the document: one walk of the document for all of them. */
export function placeableKinds<K extends FaultKind>(registry: SchemaRegistry, rootKey: string, value: unknown, kinds: readonly K[], options: SiteOptions = {}): K[] {
  const c = context(registry, rootKey, value, options.profile);
  return kinds.filter((kind) => faultOf(kind).sites(c).length > 0);
}

/** The document `value` (whose root is `rootKey`) with one fault of `kind`, or undefined when none can be made. */
export function mutate(registry: SchemaRegistry, rootKey: string, value: unknown, kind: FaultKind, options: MutateOptions = {}): Mutant | undefined {
  return mutantOf(context(registry, rootKey, value, options.profile), faultOf(kind), options);
}

/** One mutant of each kind that applies to the document in the profile, in the order of FAULTS, then RULE_FAULTS. */
export function mutants(registry: SchemaRegistry, rootKey: string, value: unknown, options: MutateOptions = {}): Mutant[] {
  const c = context(registry, rootKey, value, options.profile);
  return ALL_FAULTS.map((fault) => mutantOf(c, fault, options)).filter((m): m is Mutant => m !== undefined);
}

type AnyFault = Fault<FaultKind> | RuleFault<FaultKind>;

const ALL_FAULTS: readonly AnyFault[] = [...FAULTS, ...RULE_FAULTS];

function mutantOf(c: MutationContext, fault: AnyFault, options: MutateOptions): Mutant | undefined {
  const sites: readonly (Site & { code?: RuleCode })[] = fault.sites(c);
  if (sites.length === 0) return undefined;
  const index = options.choose ? options.choose(sites.length) : 0;
  const site = sites[Math.min(Math.max(0, Math.floor(index)), sites.length - 1)]!;
  const root = site.apply();
  const text = writeXml(root, {
    indent: options.indent ?? 0,
    prefixes: (ns) => c.registry.preferredPrefix(ns),
    verbatim: writtenAsIs(c, root),
  });
  const code = site.code ?? ('code' in fault ? fault.code : undefined);
  if (code === undefined) throw new Error(`evfw: a "${fault.kind}" site names no code; this is a bug in evfw`);
  return { kind: fault.kind, code, description: site.description, path: site.path, root, text };
}

/**
 * Which elements of a mutant are written without added whitespace: foreign content, and every
 * element whose declared content is not element-only. Indenting is only harmless where the
 * content model takes nothing but elements: a child element put into an empty or simple-valued
 * element (unknown-element, element-in-simple-content) must not bring whitespace text with it,
 * or the validator first reports that text (evfw.content.text) instead of the fault.
 */
function writtenAsIs(c: MutationContext, root: XmlElement): (e: XmlElement) => boolean {
  const declared = new Map<XmlElement, TypedNode>(allNodes(typedTree(c.registry, c.tree.decl, root)).map((n) => [n.element, n]));
  return (e) => {
    if (!c.registry.knowsNamespace(e.namespace)) return true;
    const node = declared.get(e);
    if (!node) return false;
    return node.decl.type.kind === 'simple' || (node.type !== undefined && node.type.content.kind !== 'elements');
  };
}

function faultOf(kind: FaultKind): AnyFault {
  const fault = ALL_FAULTS.find((f) => f.kind === kind);
  if (!fault) throw new Error(`evfw: unknown fault kind "${kind}"; known: ${ALL_FAULT_KINDS.join(', ')}`);
  return fault;
}

function context(registry: SchemaRegistry, rootKey: string, value: unknown, profile: Profile = 'xsd'): MutationContext {
  const decl = registry.element(rootKey);
  if (!decl) throw new Error(`evfw: no global element ${rootKey}`);
  const writer = new ModelWriter(registry);
  const root = writer.element(decl, value, decl.name);
  if (writer.problems.length > 0) throw new ModelError(writer.problems);
  const tree = typedTree(registry, decl, root);
  return { registry, root, tree, nodes: allNodes(tree), fields: identityFields(registry), rules: appliedRules(registry, profile) };
}
