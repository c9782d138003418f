/**
 * Runs a profile's prose rules over a document the XSD validator has read. A rule looks only at
 * elements the validator accepted: an element with an error at itself, inside it or at an
 * ancestor is skipped, so a rule never repeats or guesses about what the schema already refused.
 * Rules read the positioned source tree; the typed value the binder built is not touched.
 */
import { compileXsdPattern, XsdRegexError } from '../datatypes/index.js';
import { excerpt, type Diagnostic, type DiagnosticSink } from '../diagnostics.js';
import type { SourceElement, SourceNode } from '../xml/source-tree.js';
import { formatPath, type PathLevel } from '../xml/element-path.js';
import { profileApplies, ruleCode, type Profile, type RuleDescriptor } from './rule-descriptor.js';
import { isUriOf } from './uri-syntax.js';

/** The rules of one namespace. */
export interface NamespaceRules {
  readonly namespace: string;
  readonly rules: readonly RuleDescriptor[];
}

/** A profile's rules by the namespace, then the local name, of the element they check. */
export type RulesByElement = ReadonlyMap<string, ReadonlyMap<string, readonly RuleDescriptor[]>>;

export function rulesByElement(ruleSets: readonly NamespaceRules[], profile: Profile): RulesByElement {
  const byNamespace = new Map<string, Map<string, RuleDescriptor[]>>();
  for (const set of ruleSets) {
    for (const rule of set.rules) {
      if (!profileApplies(profile, rule)) continue;
      const byElement = byNamespace.get(set.namespace) ?? new Map<string, RuleDescriptor[]>();
      byNamespace.set(set.namespace, byElement);
      byElement.set(rule.check.element, [...(byElement.get(rule.check.element) ?? []), rule]);
    }
  }
  return byNamespace;
}

/**
 * Whether any of `rules` would report on `element`, which must hold its attributes, and its
 * children with their text (their own children do not matter). The fast validator asks this of
 * each element a rule checks, and leaves the report, with its position, to runRules.
 */
export function ruleFires(rules: readonly RuleDescriptor[], element: SourceElement): boolean {
  return rules.some((rule) => check(rule, element, '').length > 0);
}

/** Whether a rule would report on `root` or on any element inside it. */
export function anyRuleFires(rules: RulesByElement, root: SourceElement): boolean {
  const here = rules.get(root.namespace)?.get(root.name);
  return (here !== undefined && ruleFires(here, root)) || childElements(root).some((child) => anyRuleFires(rules, child));
}

export function runRules(root: SourceElement, ruleSets: readonly NamespaceRules[], profile: Profile, sink: DiagnosticSink): void {
  const byNamespace = rulesByElement(ruleSets, profile);
  if (byNamespace.size === 0) return;
  const errorPaths = sink.items.filter((d) => d.severity === 'error').map((d) => d.path);
  const accepted = (path: string): boolean =>
    !errorPaths.some((p) => p === path || p.startsWith(`${path}/`) || (p !== '' && !p.includes('@') && path.startsWith(`${p}/`)));

  // `refused`: a rule reported an error at an enclosing element.
  const visit = (element: SourceElement, levels: PathLevel[], refused: boolean): void => {
    const path = formatPath(levels);
    const rules = byNamespace.get(element.namespace)?.get(element.name);
    let refusedHere = refused;
    if (rules && accepted(path)) {
      const reports = rules.map((rule) => ({ rule, empty: checksEmptyValue(rule, element), diagnostics: check(rule, element, path) }));
      // An empty value is one fault. The rules that refuse an element for an empty part
      // (object-identifiable, invite-message-id) say "not empty" themselves: when one of them, or
      // any other rule, refused this element or an enclosing one, a pattern rule does not report
      // the same empty value again. Otherwise the pattern rule is the one that reports it.
      refusedHere = refused || reports.some((r) => !r.empty && r.diagnostics.some((d) => d.severity === 'error'));
      for (const { empty, diagnostics } of reports) {
        if (empty && refusedHere) continue;
        for (const d of diagnostics) sink.add(d);
      }
    }
    const counts = new Map<string, number>();
    for (const child of childElements(element)) {
      const position = (counts.get(child.name) ?? 0) + 1;
      counts.set(child.name, position);
      visit(child, [...levels, { local: child.name, position }], refusedHere);
    }
  };
  visit(root, [{ local: root.name, position: 0 }], false);
}

function check(rule: RuleDescriptor, element: SourceElement, path: string): Diagnostic[] {
  const c = rule.check;
  const report = (at: { line: number; column: number }, atPath: string, value = ''): Diagnostic[] => [
    {
      code: ruleCode(rule),
      severity: rule.severity,
      message: rule.message.replaceAll('{element}', `<${excerpt(element.name, 64)}>`).replaceAll('{value}', excerpt(value)),
      line: at.line,
      column: at.column,
      path: atPath,
      ...(rule.hint ? { hint: rule.hint } : {}),
    },
  ];
  switch (c.kind) {
    case 'one-of-identifications': {
      const identified = c.alternatives.some(
        (alt) =>
          (alt.attributes ?? []).every((name) => populated(attributeValue(element, name))) &&
          (alt.children ?? []).every((name) => populated(childText(element, name))),
      );
      return identified ? [] : report(element, path);
    }
    case 'pattern': {
      // An absent attribute is not checked; an empty or blank value is, as the rule's pattern
      // says (a CPIM Token is 1*TOKENCHAR, so "" is not one).
      const attribute = c.attribute === undefined ? undefined : element.attributes.find((a) => a.namespace === '' && a.name === c.attribute);
      const value = c.attribute === undefined ? collapse(textOf(element)) : attribute?.value;
      if (value === undefined) return [];
      if (wholeMatch(c.regex).test(value)) return [];
      return attribute ? report(attribute, `${path}/@${attribute.name}`, value) : report(element, path, value);
    }
    case 'uri': {
      const value = collapse(textOf(element));
      return value === '' || isUriOf(value, c.schemes) ? [] : report(element, path, value);
    }
    case 'required-child':
      return populated(childText(element, c.child)) ? [] : report(element, path);
  }
}

/** Whether `rule` is a pattern rule and the value it checks on `element` is there but empty or blank. */
function checksEmptyValue(rule: RuleDescriptor, element: SourceElement): boolean {
  const c = rule.check;
  if (c.kind !== 'pattern') return false;
  const value = c.attribute === undefined ? textOf(element) : attributeValue(element, c.attribute);
  return value !== undefined && collapse(value) === '';
}

/**
 * A rule's pattern (XSD syntax), matched against the whole value in time linear in it. One the
 * engine cannot use matches nothing: the generator refused such a rules file already.
 */
function wholeMatch(regex: string): { test(value: string): boolean } {
  const compiled = compileXsdPattern(regex);
  return compiled instanceof XsdRegexError ? { test: () => false } : compiled;
}

function childElements(element: SourceElement): SourceElement[] {
  return element.children.filter((n: SourceNode): n is SourceElement => n.kind === 'element');
}

function attributeValue(element: SourceElement, name: string): string | undefined {
  return element.attributes.find((a) => a.namespace === '' && a.name === name)?.value;
}

/** The text of the first child of that name in the element's own namespace. */
function childText(element: SourceElement, name: string): string | undefined {
  const child = childElements(element).find((c) => c.namespace === element.namespace && c.name === name);
  return child === undefined ? undefined : textOf(child);
}

function textOf(element: SourceElement): string {
  return element.children.map((n) => (n.kind === 'text' ? n.text : '')).join('');
}

function collapse(value: string): string {
  return value.replace(/[\t\n\r ]+/g, ' ').trim();
}

function populated(value: string | undefined): boolean {
  return value !== undefined && collapse(value) !== '';
}
