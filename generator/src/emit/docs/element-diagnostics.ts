/**
 * The diagnostic codes that can be reported for an element, derived from what its declaration
 * and type have: a required attribute can be missing (evfw.attribute.required), an enumeration
 * can be missed (evfw.value.enum), a content model can be broken (evfw.content.*), and so on.
 * Codes every element can get whatever its schema says (well-formedness, limits, xsi:type,
 * evfw.internal) are left out: they would bury the ones that tell an editor something.
 *
 * The list is in the order of DIAGNOSTIC_CODES, then the prose rules; tests check every code
 * is one the runtime defines.
 */
import { DIAGNOSTIC_CODES } from '@evfw/runtime/diagnostics';
import { ATTRIBUTE_DEVIATIONS, type RuleDescriptor } from '@evfw/runtime/schema';
import { XSD_NAMESPACE, type ComplexType, type ElementDecl, type LocalAttributeUse } from '../../ir/ir.js';
import type { DocsContext } from './docs-context.js';
import type { DocsRule } from './docs-model.js';
import { hasEnumerations, hasLexicalForm, hasValueFacets, idKind, simpleFacts, type SimpleFacts } from './type-words.js';

type Code = keyof typeof DIAGNOSTIC_CODES;


export function elementDiagnostics(ctx: DocsContext, decl: ElementDecl, type: ComplexType | undefined, valueFacts: SimpleFacts | undefined): string[] {
  const codes = new Set<Code>();
  const isAnyType = decl.type === undefined || (decl.type.kind === 'type-ref' && decl.type.ref.namespace === XSD_NAMESPACE && decl.type.ref.name === 'anyType');
  if (!isAnyType) {
    if (type) {
      const content = type.content;
      if (content.kind === 'elements') {
        codes.add('evfw.content.unexpected');
        if (!emptiable(content.particle)) codes.add('evfw.content.missing');
        if (!content.mixed) codes.add('evfw.content.text');
        if (hasStrictWildcard(content.particle)) codes.add('evfw.content.strict-unknown');
      } else if (content.kind === 'empty') {
        codes.add('evfw.content.unexpected');
        codes.add('evfw.content.text');
      } else {
        codes.add('evfw.content.element-in-simple');
      }
      attributeCodes(ctx, type, codes);
    } else {
      codes.add('evfw.content.element-in-simple');
      codes.add('evfw.attribute.unknown');
    }
    if (valueFacts) valueCodes(valueFacts, codes, 'value');
    if (decl.fixed !== undefined) codes.add('evfw.value.fixed');
  }
  for (const constraint of decl.identityConstraints) {
    if (constraint.kind === 'keyref') codes.add('evfw.identity.keyref');
    else codes.add('evfw.identity.duplicate');
    if (constraint.kind === 'key') codes.add('evfw.identity.key-missing');
  }
  if (decl.nillable) codes.add('evfw.xsi.nil');
  // The runtime recognises known misspellings of real documents by name (Appendix M's `flag`, D-44).
  if (ATTRIBUTE_DEVIATIONS.some((d) => d.namespace === decl.name.namespace && d.element === decl.name.name)) codes.add('evfw.attribute.flag-deviation');
  return (Object.keys(DIAGNOSTIC_CODES) as Code[]).filter((code) => codes.has(code));
}

function attributeCodes(ctx: DocsContext, type: ComplexType, codes: Set<Code>): void {
  const uses = type.attributes.filter((a): a is LocalAttributeUse => a.kind === 'attribute' && a.use !== 'prohibited');
  const anyNamespace = type.anyAttribute?.namespaces.kind === 'any';
  if (!anyNamespace) codes.add('evfw.attribute.unknown');
  if (uses.some((a) => a.use === 'required')) codes.add('evfw.attribute.required');
  for (const use of uses) {
    const facts = simpleFacts(ctx, use.attribute.type);
    if (facts) valueCodes(facts, codes, 'attribute');
    if (use.attribute.fixed !== undefined) codes.add('evfw.attribute.fixed');
  }
}

function valueCodes(facts: SimpleFacts, codes: Set<Code>, where: 'value' | 'attribute'): void {
  if (hasEnumerations(facts)) codes.add(`evfw.${where}.enum`);
  if (hasLexicalForm(facts)) codes.add(`evfw.${where}.datatype`);
  if (hasValueFacets(facts)) codes.add(`evfw.${where}.facet`);
  const id = idKind(facts);
  if (id === 'ID') codes.add('evfw.id.duplicate');
  if (id === 'IDREF') codes.add('evfw.id.unresolved');
}

type Particle = Extract<ComplexType['content'], { kind: 'elements' }>['particle'];

function emptiable(p: Particle): boolean {
  if (p.min === 0) return true;
  switch (p.kind) {
    case 'sequence':
    case 'all':
      return p.particles.every(emptiable);
    case 'choice':
      return p.particles.length === 0 || p.particles.some(emptiable);
    default:
      return false;
  }
}

function hasStrictWildcard(p: Particle): boolean {
  if (p.kind === 'any') return p.wildcard.processContents === 'strict';
  if (p.kind === 'sequence' || p.kind === 'choice' || p.kind === 'all') return p.particles.some(hasStrictWildcard);
  return false;
}

/** The prose rules whose check names this element (rules name elements by local name). */
export function elementRules(rules: readonly RuleDescriptor[] | undefined, localName: string): DocsRule[] {
  return (rules ?? []).filter((rule) => rule.check.element === localName).map(docsRule);
}

export function docsRule(rule: RuleDescriptor): DocsRule {
  return { code: `evfw.rule.${rule.id}`, section: rule.section, severity: rule.severity, profile: rule.profile, description: rule.description };
}
