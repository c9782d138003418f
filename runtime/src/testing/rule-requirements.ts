/**
 * The prose rules of a profile (schemas/<module>.rules.json, compiled into the descriptors), seen
 * as what a generator must do to satisfy them, so that documents are valid in that profile by
 * construction rather than drawn and filtered:
 *
 * - one-of-identifications: one alternative is chosen and every attribute and child it lists is
 *   made present with a non-blank value;
 * - required-child: the child is always present, with a non-blank value;
 * - pattern: the value (an attribute's, or the element's text) is drawn from the rule's regex;
 * - uri: the element's text is a tel: or sip: URI of the syntax rules/uri-syntax.ts accepts.
 *
 * What a rule asks of one value is a ValueRequirement; ruleArbitrary and ruleSamples give values
 * of a simple type that meet one, each value checked against both the type and the rule.
 */
import fc from 'fast-check';
import { compileXsdPattern, XsdRegexError, type SimpleTypeDescriptor } from '../datatypes/index.js';
import { profileApplies, type Profile, type RuleDescriptor } from '../rules/rule-descriptor.js';
import { isUriOf, type UriScheme } from '../rules/uri-syntax.js';
import { componentKey } from '../schema/descriptor.js';
import type { SchemaRegistry } from '../schema/registry.js';
import { generationRegExp } from './pattern-generation.js';
import { lexicalArbitrary } from './simple-arbitrary.js';
import { sampleLexicals } from './simple-samples.js';
import { validLexical } from './type-facts.js';

/** What the rules ask of one value. An empty requirement asks nothing. */
export interface ValueRequirement {
  /** Present with something other than whitespace. */
  readonly nonBlank?: boolean;
  /** Regexes (XSD syntax) the whole value must match. */
  readonly patterns?: readonly string[];
  /** The value must be a URI of one of these schemes. */
  readonly uri?: readonly UriScheme[];
}

/** What the rules ask of one element: its own value, its attributes and its children. */
export interface ElementRules {
  /** Requirements on the element's own value (simple type or simple content). */
  readonly value: ValueRequirement | undefined;
  /** Requirements on attributes (no namespace, by local name), whether or not they are present. */
  readonly attributes: ReadonlyMap<string, ValueRequirement>;
  /** Children (local names in the element's namespace) that must be present, non-blank. */
  readonly children: ReadonlySet<string>;
  /**
   * The one-of-identifications rules: for each, its alternatives. The generator picks one
   * alternative per rule and makes its attributes and children present and non-blank.
   */
  readonly alternatives: readonly (readonly Alternative[])[];
}

export interface Alternative {
  readonly attributes: readonly string[];
  readonly children: readonly string[];
}

/** The rules of a profile, by `{namespace}name` of the element they check. */
export type ProfileRules = ReadonlyMap<string, ElementRules>;

const NO_RULES: ProfileRules = new Map();
const cache = new WeakMap<SchemaRegistry, Map<Profile, ProfileRules>>();

/** The profile's rules of every namespace of the registry, as generator requirements. */
export function profileRules(registry: SchemaRegistry, profile: Profile): ProfileRules {
  if (profile === 'xsd') return NO_RULES;
  let byProfile = cache.get(registry);
  if (!byProfile) cache.set(registry, (byProfile = new Map()));
  let rules = byProfile.get(profile);
  if (!rules) byProfile.set(profile, (rules = compile(registry, profile)));
  return rules;
}

/** The rules of one profile that apply, with the namespace of the element each checks. */
export function appliedRules(registry: SchemaRegistry, profile: Profile): { namespace: string; rule: RuleDescriptor }[] {
  if (profile === 'xsd') return [];
  return registry.ruleSets().flatMap((set) => set.rules.filter((rule) => profileApplies(profile, rule)).map((rule) => ({ namespace: set.namespace, rule })));
}

interface Building {
  value: ValueRequirement | undefined;
  attributes: Map<string, ValueRequirement>;
  children: Set<string>;
  alternatives: Alternative[][];
}

function compile(registry: SchemaRegistry, profile: Profile): ProfileRules {
  const out = new Map<string, Building>();
  for (const { namespace, rule } of appliedRules(registry, profile)) {
    const c = rule.check;
    const key = componentKey(namespace, c.element);
    let element = out.get(key);
    if (!element) out.set(key, (element = { value: undefined, attributes: new Map(), children: new Set(), alternatives: [] }));
    switch (c.kind) {
      case 'one-of-identifications':
        element.alternatives.push(c.alternatives.map((a) => ({ attributes: a.attributes ?? [], children: a.children ?? [] })));
        break;
      case 'required-child':
        element.children.add(c.child);
        break;
      case 'pattern':
        if (c.attribute === undefined) element.value = merge(element.value, { patterns: [c.regex] });
        else element.attributes.set(c.attribute, merge(element.attributes.get(c.attribute), { patterns: [c.regex] })!);
        break;
      case 'uri':
        element.value = merge(element.value, { uri: c.schemes });
        break;
    }
  }
  return out;
}

/** Both requirements at once. */
export function merge(a: ValueRequirement | undefined, b: ValueRequirement | undefined): ValueRequirement | undefined {
  if (!a) return b;
  if (!b) return a;
  const patterns = [...(a.patterns ?? []), ...(b.patterns ?? [])];
  const uri = a.uri && b.uri ? a.uri.filter((s) => b.uri!.includes(s)) : (a.uri ?? b.uri);
  return { nonBlank: a.nonBlank === true || b.nonBlank === true, ...(patterns.length > 0 ? { patterns } : {}), ...(uri ? { uri } : {}) };
}

export const NON_BLANK: ValueRequirement = { nonBlank: true };

/** Whether a requirement asks anything at all. */
export function asksAnything(r: ValueRequirement | undefined): r is ValueRequirement {
  return r !== undefined && (r.nonBlank === true || (r.patterns?.length ?? 0) > 0 || r.uri !== undefined);
}

/**
 * Whether `lexical` meets the requirement as the rules read it (rules/run-rules.ts): a value
 * with a pattern or URI requirement must also be non-empty and have no whitespace to collapse,
 * so it reads the same as an attribute and as element text.
 */
export function meets(lexical: string, r: ValueRequirement): boolean {
  const collapsed = lexical.replace(/[\t\n\r ]+/g, ' ').trim();
  if (r.nonBlank && collapsed === '') return false;
  const shaped = (r.patterns?.length ?? 0) > 0 || r.uri !== undefined;
  if (!shaped) return true;
  if (collapsed === '' || collapsed !== lexical) return false;
  if (r.uri && !isUriOf(lexical, r.uri)) return false;
  return (r.patterns ?? []).every((p) => wholeMatch(p, lexical));
}

const compiled = new Map<string, { test(value: string): boolean } | undefined>();

function wholeMatch(regex: string, value: string): boolean {
  let matcher = compiled.get(regex);
  if (!compiled.has(regex)) {
    const result = compileXsdPattern(regex);
    matcher = result instanceof XsdRegexError ? undefined : result;
    compiled.set(regex, matcher);
  }
  return matcher !== undefined && matcher.test(value);
}

// ---- Values that meet a requirement ------------------------------------------------------------

/** A normalized valid lexical form of `type` that meets `r`, or undefined. */
function accepted(type: SimpleTypeDescriptor, r: ValueRequirement, candidate: string): string | undefined {
  const valid = validLexical(type, candidate);
  return valid !== undefined && meets(valid, r) ? valid : undefined;
}

/** Where values meeting `r` come from: the rule's URI syntax, else its regex, else the type's own values. */
function source(type: SimpleTypeDescriptor, r: ValueRequirement): fc.Arbitrary<string> | undefined {
  if (r.uri) return uriArbitrary(r.uri);
  const first = r.patterns?.[0];
  if (first !== undefined) {
    const regExp = generationRegExp(first);
    if (!regExp) return undefined;
    try {
      return fc.stringMatching(regExp);
    } catch {
      return undefined;
    }
  }
  return lexicalArbitrary(type);
}

const samplesCache = new WeakMap<SimpleTypeDescriptor, Map<string, string[]>>();

/**
 * Values of `type` that meet `r`, the same on every run (drawn with a fixed seed), shortest
 * first; empty when none can be found. Defaults take the first; arbitraries fall back on them.
 */
export function ruleSamples(type: SimpleTypeDescriptor, r: ValueRequirement): string[] {
  let byRequirement = samplesCache.get(type);
  if (!byRequirement) samplesCache.set(type, (byRequirement = new Map()));
  const key = JSON.stringify(r);
  let out = byRequirement.get(key);
  if (!out) {
    const found = new Set<string>();
    for (const candidate of [...sampleLexicals(type), ...FIXED_URIS]) {
      const v = accepted(type, r, candidate);
      if (v !== undefined) found.add(v);
    }
    const from = source(type, r);
    if (from) for (const candidate of fc.sample(from, { seed: 1, numRuns: 100 })) {
      const v = accepted(type, r, candidate);
      if (v !== undefined) found.add(v);
    }
    out = [...found].sort((a, b) => a.length - b.length || (a < b ? -1 : a > b ? 1 : 0));
    byRequirement.set(key, out);
  }
  return out;
}

const arbitraryCache = new WeakMap<SimpleTypeDescriptor, Map<string, fc.Arbitrary<string> | null>>();

/**
 * Random values of `type` meeting `r`: drawn from the rule's regex or URI syntax (or the type's
 * own values, for a non-blank requirement); a draw that misses becomes one of ruleSamples, so
 * nothing is filtered and nothing loops. Undefined when no value meets both.
 */
export function ruleArbitrary(type: SimpleTypeDescriptor, r: ValueRequirement): fc.Arbitrary<string> | undefined {
  let byRequirement = arbitraryCache.get(type);
  if (!byRequirement) arbitraryCache.set(type, (byRequirement = new Map()));
  const key = JSON.stringify(r);
  let arbitrary = byRequirement.get(key);
  if (arbitrary === undefined) {
    const samples = ruleSamples(type, r);
    const from = source(type, r);
    arbitrary =
      samples.length === 0
        ? null
        : from
          ? fc.tuple(from, fc.nat({ max: samples.length - 1 })).map(([v, i]) => accepted(type, r, v) ?? samples[i]!)
          : fc.constantFrom(...samples);
    byRequirement.set(key, arbitrary);
  }
  return arbitrary ?? undefined;
}

// ---- URIs ----------------------------------------------------------------------------------------

/** One of each shape, so samples exist even where the random draws miss. */
const FIXED_URIS = ['tel:+15145554321', 'sip:alice@example.com', 'sips:bob@example.org:5061'];

const text = (chars: string, min: number, max: number) => fc.array(fc.constantFrom(...chars), { minLength: min, maxLength: max }).map((c) => c.join(''));
const LOWER = 'abcdefghijklmnopqrstuvwxyz';
const DIGITS = '0123456789';

/** A hostname of RFC 3261 25.1: domain labels, then a top label that starts with a letter. */
const hostname = fc
  .tuple(fc.array(text(LOWER + DIGITS, 1, 8), { maxLength: 2 }), text(LOWER, 1, 1), text(LOWER + DIGITS, 0, 5))
  .map(([labels, start, rest]) => [...labels, start + rest].join('.'));

/** A global TEL number (RFC 3966 3): "+", digits, with visual separators inside. */
const globalNumber = fc
  .tuple(text(DIGITS, 1, 3), fc.array(fc.tuple(fc.constantFrom('', '-', '.'), text(DIGITS, 1, 4)), { maxLength: 3 }))
  .map(([head, parts]) => `+${head}${parts.map(([sep, digits]) => sep + digits).join('')}`);

/** A local TEL number with the phone-context it needs. */
const localNumber = fc.tuple(text(`${DIGITS}*#`, 1, 8), hostname).map(([number, context]) => `${number};phone-context=${context}`);

const sipUser = text(`${LOWER}${DIGITS}.-_`, 1, 10);

function uriArbitrary(schemes: readonly UriScheme[]): fc.Arbitrary<string> {
  const shapes: fc.Arbitrary<string>[] = [];
  if (schemes.includes('tel')) shapes.push(fc.oneof(globalNumber, localNumber).map((n) => `tel:${n}`));
  for (const scheme of ['sip', 'sips'] as const) {
    if (!schemes.includes(scheme)) continue;
    shapes.push(
      fc
        .tuple(fc.option(sipUser, { nil: undefined }), hostname, fc.option(fc.integer({ min: 1, max: 65535 }), { nil: undefined }), fc.constantFrom('', ';transport=tcp', ';user=phone'))
        .map(([user, host, port, parameters]) => `${scheme}:${user === undefined ? '' : `${user}@`}${host}${port === undefined ? '' : `:${port}`}${parameters}`),
    );
  }
  return shapes.length > 0 ? fc.oneof(...shapes) : fc.constant('');
}
