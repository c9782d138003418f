/**
 * Faults against the prose rules of a profile (schemas/<module>.rules.json): the document stays
 * valid for the XSD, and exactly one rule, of severity error, reports on it. One fault kind per
 * kind of rule check; each site names the code of the rule it breaks (`evfw.rule.<id>`):
 *
 * - rule-one-of-identifications: every alternative of an element's identification loses one
 *   member (an optional attribute or child removed, or its value emptied);
 * - rule-required-child: the child a rule requires is removed, or its value emptied;
 * - rule-pattern: a value a rule shapes is given one of its type that the rule's regex refuses;
 * - rule-uri: a value a uri rule checks is given a URI of another scheme.
 *
 * Each change is checked here: it must keep the XSD's verdict (the type accepts the value, the
 * content model the children) and no other error rule may report on the element or its parent.
 * Rule warnings are left alone: a mutant is known by its first error.
 */
import { checkSimpleValue, compileXsdPattern, XsdRegexError, type SimpleTypeDescriptor } from '../../datatypes/index.js';
import { ruleCode, type RuleDescriptor } from '../../rules/rule-descriptor.js';
import { isUriOf } from '../../rules/uri-syntax.js';
import { componentKey } from '../../schema/descriptor.js';
import type { XmlElement } from '../../xml-node.js';
import { isXmlText } from '../type-facts.js';
import { contentVerdict, replaceAt, type TypedNode } from '../typed-tree.js';
import { attributeOf, attributePath, removeAttribute, setAttribute, textOf, withChildren, withText, type MutationContext, type RuleFault, type RuleSite } from './fault.js';
import { holdsUniqueValues } from './unique-slots.js';
import { valueType } from './value-faults.js';

/** One way to break a rule at a node: the element as changed, and what was done. */
interface Change {
  readonly element: XmlElement;
  readonly description: string;
  readonly path: string;
}

/** The nodes a rule of check kind `kind` and severity error checks, with that rule. */
function checked(c: MutationContext, kind: RuleDescriptor['check']['kind']): { node: TypedNode; rule: RuleDescriptor }[] {
  const rules = c.rules.filter((r) => r.rule.check.kind === kind && r.rule.severity === 'error');
  if (rules.length === 0) return [];
  return c.nodes.flatMap((node) =>
    rules.filter((r) => r.namespace === node.decl.namespace && r.rule.check.element === node.decl.name).map((r) => ({ node, rule: r.rule })),
  );
}

/** The site of a change, when no error rule but `rule` reports on the changed element or its parent. */
function siteOf(c: MutationContext, node: TypedNode, rule: RuleDescriptor, change: Change): RuleSite[] {
  if (!reports(rule, change.element, false)) return [];
  // The target rule refuses the element, so an empty value a pattern rule checks there goes unreported.
  if (otherErrorReports(c, rule, node.decl.namespace, change.element, true)) return [];
  const parent = node.parent;
  if (parent) {
    const index = node.location.at(-1)!;
    const children = [...parent.element.children];
    children[index] = change.element;
    if (otherErrorReports(c, rule, parent.decl.namespace, withChildren(parent.element, children), false)) return [];
  }
  return [{ code: ruleCode(rule), path: change.path, description: change.description, apply: () => replaceAt(c.root, node.location, () => change.element) }];
}

function otherErrorReports(c: MutationContext, rule: RuleDescriptor, namespace: string, element: XmlElement, refused: boolean): boolean {
  return c.rules.some((r) => r.rule !== rule && r.rule.severity === 'error' && r.namespace === namespace && r.rule.check.element === element.name && reports(r.rule, element, refused));
}

// ---- Ways to take a value away, keeping the XSD's verdict ------------------------------------

/** Ways to leave out or empty an attribute: removed when optional, emptied when its type allows "". */
function attributeRemovals(c: MutationContext, node: TypedNode, name: string): { element: XmlElement; what: string }[] {
  const use = node.type?.attributes.find((a) => a.namespace === '' && a.name === name);
  if (!use || !attributeOf(node.element, '', name) || use.fixed !== undefined) return [];
  if (c.fields.attribute(node.type!.key, '', name).length > 0) return [];
  const out: { element: XmlElement; what: string }[] = [];
  if (!use.required && !c.fields.keyAttribute(node.type!.key, '', name)) out.push({ element: removeAttribute(node.element, '', name), what: `attribute "${name}" is left out` });
  if (emptyAllowed(use.type)) out.push({ element: setAttribute(node.element, '', name, ''), what: `attribute "${name}" is emptied` });
  return out;
}

/** Ways to leave out or empty the first child of that name: emptied when its type allows "", removed when the content model allows. */
function childRemovals(c: MutationContext, node: TypedNode, name: string): { element: XmlElement; what: string }[] {
  const index = node.element.children.findIndex((x) => x.kind === 'element' && x.namespace === node.decl.namespace && x.name === name);
  if (index < 0 || node.type?.content.kind !== 'elements') return [];
  const child = node.children.find((n) => n.element === node.element.children[index]);
  const out: { element: XmlElement; what: string }[] = [];
  const type = child && valueType(child);
  const pooled = child !== undefined && c.fields.element(componentKey(child.decl.namespace, child.decl.name)).length > 0;
  if (child && type && !pooled && child.decl.fixed === undefined && child.decl.default === undefined && emptyAllowed(type) && textOf(child.element) !== '') {
    const children = [...node.element.children];
    children[index] = withText(child.element, '');
    out.push({ element: withChildren(node.element, children), what: `<${name}> is emptied` });
  }
  const without = node.element.children.filter((_, j) => j !== index);
  const verdict = contentVerdict(c.registry, node.type.content.particle, without);
  if ((!child || !holdsUniqueValues(c, child)) && 'complete' in verdict && verdict.complete) {
    out.push({ element: withChildren(node.element, without), what: `<${name}> is left out` });
  }
  return out;
}

function emptyAllowed(type: SimpleTypeDescriptor): boolean {
  return checkSimpleValue(type, '').ok;
}

// ---- The four kinds -------------------------------------------------------------------------------

export const ruleOneOfIdentifications: RuleFault<'rule-one-of-identifications'> = {
  kind: 'rule-one-of-identifications',
  check: 'one-of-identifications',
  summary: 'an element a rule requires to be identified loses one member of every alternative that identified it (a prose rule of the profile)',
  sites: (c) =>
    checked(c, 'one-of-identifications').flatMap(({ node, rule }) => {
      if (rule.check.kind !== 'one-of-identifications') return [];
      // For each alternative that holds, one member to take away; tried in turn until one set of choices works.
      let candidates: { node: TypedNode; whats: string[] }[] = [{ node, whats: [] }];
      for (const alternative of rule.check.alternatives) {
        const next: { node: TypedNode; whats: string[] }[] = [];
        for (const candidate of candidates) {
          if (!holds(alternative, candidate.node.element)) {
            next.push(candidate);
            continue;
          }
          const ways = [
            ...(alternative.attributes ?? []).flatMap((a) => attributeRemovals(c, candidate.node, a)),
            ...(alternative.children ?? []).flatMap((n) => childRemovals(c, candidate.node, n)),
          ];
          for (const way of ways) next.push({ node: { ...candidate.node, element: way.element }, whats: [...candidate.whats, way.what] });
        }
        // A bound on the combinations tried: a handful of alternatives, a handful of ways each.
        candidates = next.slice(0, 16);
      }
      for (const candidate of candidates) {
        if (candidate.whats.length === 0) continue;
        const site = siteOf(c, node, rule, {
          element: candidate.node.element,
          path: node.path,
          description: `<${node.decl.name}> no longer identifies itself as rule "${rule.id}" asks: ${candidate.whats.join(', ')}`,
        });
        if (site.length > 0) return site;
      }
      return [];
    }),
};

export const ruleRequiredChild: RuleFault<'rule-required-child'> = {
  kind: 'rule-required-child',
  check: 'required-child',
  summary: 'the child a rule requires is left out or emptied (a prose rule of the profile)',
  sites: (c) =>
    checked(c, 'required-child').flatMap(({ node, rule }) => {
      if (rule.check.kind !== 'required-child') return [];
      for (const way of childRemovals(c, node, rule.check.child)) {
        const site = siteOf(c, node, rule, { element: way.element, path: node.path, description: `in <${node.decl.name}>, ${way.what}, which rule "${rule.id}" requires` });
        if (site.length > 0) return site;
      }
      return [];
    }),
};

/** Values types often accept and rules often refuse: spaces, separators, signs, leading zeros, non-ASCII. */
const PATTERN_BREAKERS = ['x y', 'a@b', 'x:y', '(x)', 'x/y', 'a,b', '[x]', 'a;b', 'a=b', 'x', '0', '00', '01', '-1', '4294967296', 'é', 'x?'];

export const rulePattern: RuleFault<'rule-pattern'> = {
  kind: 'rule-pattern',
  check: 'pattern',
  summary: 'a value a rule shapes is given one its type accepts and the rule\'s pattern refuses (a prose rule of the profile)',
  sites: (c) =>
    checked(c, 'pattern').flatMap(({ node, rule }) => {
      if (rule.check.kind !== 'pattern') return [];
      const attribute = rule.check.attribute;
      if (attribute !== undefined) {
        const use = node.type?.attributes.find((a) => a.namespace === '' && a.name === attribute);
        const current = attributeOf(node.element, '', attribute);
        if (!use || !current || use.fixed !== undefined || c.fields.attribute(node.type!.key, '', attribute).length > 0) return [];
        for (const value of breakers(current.value)) {
          if (!typeAccepts(use.type, value)) continue;
          const site = siteOf(c, node, rule, {
            element: setAttribute(node.element, '', attribute, value),
            path: attributePath(node, c.registry, use),
            description: `attribute "${attribute}" of <${node.decl.name}> is given ${JSON.stringify(value)}, which rule "${rule.id}" refuses`,
          });
          if (site.length > 0) return site;
        }
        return [];
      }
      return valueSites(c, node, rule, breakers(textOf(node.element)), 'which the rule\'s pattern refuses');
    }),
};

/** URIs of other schemes, and texts that are no URI of any: anyURI accepts them all. */
const URI_BREAKERS = ['http://example.com/', 'mailto:bob@example.org', 'urn:example:x', 'tel:abc', 'sip:', 'x'];

export const ruleUri: RuleFault<'rule-uri'> = {
  kind: 'rule-uri',
  check: 'uri',
  summary: 'a value a rule requires to be a tel: or sip: URI is given another URI (a prose rule of the profile)',
  sites: (c) => checked(c, 'uri').flatMap(({ node, rule }) => valueSites(c, node, rule, URI_BREAKERS, 'which is not a URI of the schemes the rule allows')),
};

/** An element's own value replaced by the first candidate its type accepts and the rule refuses. */
function valueSites(c: MutationContext, node: TypedNode, rule: RuleDescriptor, candidates: readonly string[], what: string): RuleSite[] {
  const type = valueType(node);
  if (!type || node.decl.fixed !== undefined || c.fields.element(componentKey(node.decl.namespace, node.decl.name)).length > 0) return [];
  for (const value of candidates) {
    if (!typeAccepts(type, value)) continue;
    const site = siteOf(c, node, rule, {
      element: withText(node.element, value),
      path: node.path,
      description: `<${node.decl.name}> is given the value ${JSON.stringify(value)}, ${what} (rule "${rule.id}")`,
    });
    if (site.length > 0) return site;
  }
  return [];
}

function breakers(current: string): string[] {
  return [...(current === '' ? [] : [`${current}@`, `${current} x`, `0${current}`]), ...PATTERN_BREAKERS];
}

/** The type accepts the value exactly as written (no whitespace the type would take away). */
function typeAccepts(type: SimpleTypeDescriptor, value: string): boolean {
  if (!isXmlText(value)) return false;
  const result = checkSimpleValue(type, value);
  return result.ok && result.normalized === value;
}

// ---- The rules, read off an XmlElement as rules/run-rules.ts reads the source tree ----------------

/**
 * Whether `rule` reports on `element` (which holds its attributes and children with their text).
 * `refused`: another rule refuses the element or an enclosing one, and then a pattern rule does
 * not report an empty or blank value (one empty value, one diagnostic).
 */
export function reports(rule: RuleDescriptor, element: XmlElement, refused: boolean): boolean {
  const c = rule.check;
  switch (c.kind) {
    case 'one-of-identifications':
      return !c.alternatives.some((alternative) => holds(alternative, element));
    case 'pattern': {
      const raw = c.attribute === undefined ? textOf(element) : attributeOf(element, '', c.attribute)?.value;
      if (raw === undefined || (refused && collapse(raw) === '')) return false;
      return !wholeMatch(c.regex, c.attribute === undefined ? collapse(raw) : raw);
    }
    case 'uri': {
      const value = collapse(textOf(element));
      return value !== '' && !isUriOf(value, c.schemes);
    }
    case 'required-child':
      return !populated(childText(element, c.child));
  }
}

function holds(alternative: { readonly attributes?: readonly string[]; readonly children?: readonly string[] }, element: XmlElement): boolean {
  return (alternative.attributes ?? []).every((n) => populated(attributeOf(element, '', n)?.value)) && (alternative.children ?? []).every((n) => populated(childText(element, n)));
}

function childText(element: XmlElement, name: string): string | undefined {
  const child = element.children.find((x): x is XmlElement => x.kind === 'element' && x.namespace === element.namespace && x.name === name);
  return child && textOf(child);
}

function collapse(value: string): string {
  return value.replace(/[\t\n\r ]+/g, ' ').trim();
}

function populated(value: string | undefined): boolean {
  return value !== undefined && collapse(value) !== '';
}

const matchers = new Map<string, { test(value: string): boolean } | undefined>();

function wholeMatch(regex: string, value: string): boolean {
  if (!matchers.has(regex)) {
    const compiled = compileXsdPattern(regex);
    matchers.set(regex, compiled instanceof XsdRegexError ? undefined : compiled);
  }
  return matchers.get(regex)?.test(value) === true;
}

export const RULE_FAULTS = [ruleOneOfIdentifications, ruleRequiredChild, rulePattern, ruleUri] as const satisfies readonly RuleFault[];
