/**
 * The constraints XSD 1.0 part 1 puts on content models:
 * - cos-all-limited (3.8.6): an xs:all only as a whole content model, occurring at most once, of
 *   elements occurring at most once; and (cos-ct-extends 1.4) no extension that puts an all group
 *   after or before other content;
 * - cos-element-consistent (3.8.6): two element particles of one content model with one name have
 *   one type (the base's particles count, for an extension);
 * - derivation-ok-restriction clause 5 (3.4.6) with Particle Valid (Restriction) (3.9.6): the
 *   content of a type derived by restriction allows only what its base's does (particle-restriction.ts).
 *
 * Unique Particle Attribution is particle-attribution.ts's, called separately: whether a violation
 * refuses the schema is the caller's decision (D-46).
 */
import { GeneratorError } from '../errors.js';
import { qnameKey, type ComplexType, type ModelGroup, type Particle, type SchemaSet } from '../ir/ir.js';
import type { SchemaIndex } from '../ir/schema-index.js';
import { resolveType, sameType, type TypeNode } from './derivation-of.js';
import { addsNoContent, complexTypesOf, ContentTypes, elementType, SubstitutionGroups, termOf, type ElementTerm, type Term } from './particle-model.js';
import { describeTerm, emptiable, normalizeForRestriction, RestrictionCheck, type RestrictionFailure } from './particle-restriction.js';

export function checkParticles(set: SchemaSet, index: SchemaIndex): void {
  const types = complexTypesOf(set);
  const contents = new ContentTypes(index);
  const groups = new SubstitutionGroups(index);
  for (const schema of set.schemas) {
    for (const def of schema.groups) {
      checkAllPlacement(def.particle, true, `group "${def.name.name}"`, index);
      checkConsistent(termOf(def.particle, index), `group "${def.name.name}"`, index);
    }
  }
  for (const [type, label] of types) {
    if (type.content.kind === 'elements') checkAllPlacement(type.content.particle, true, label, index);
    checkExtensionOfAll(type, label, contents, index);
    const content = contents.of(type);
    if (content.kind === 'elements') checkConsistent(content.particle, label, index);
    checkRestriction(type, label, contents, groups, index);
  }
}

// ---- cos-all-limited ------------------------------------------------------------------------

/** The model group an `<xs:group ref>` stands for, or the group itself. */
function modelGroupOf(particle: Particle, index: SchemaIndex): ModelGroup | undefined {
  if (particle.kind === 'group-ref') return index.groups.get(qnameKey(particle.ref))?.particle;
  return particle.kind === 'sequence' || particle.kind === 'choice' || particle.kind === 'all' ? particle : undefined;
}

/**
 * An all group may be a content model's whole particle (directly, or as the group a whole-content
 * `<xs:group ref>` names), with minOccurs 0 or 1 and maxOccurs 1; its particles are elements of
 * maxOccurs 0 or 1. Named groups' own particles are checked once, from the group definition.
 */
function checkAllPlacement(top: Particle, whole: boolean, label: string, index: SchemaIndex): void {
  const pending: { particle: Particle; whole: boolean }[] = [{ particle: top, whole }];
  while (pending.length > 0) {
    const { particle, whole: isWhole } = pending.pop()!;
    // A particle of maxOccurs 0 is no particle at all (3.9.2); xs:all's own maxOccurs can only be 1.
    if (particle.max === 0 && particle.kind !== 'all') continue;
    const group = modelGroupOf(particle, index);
    if (!group) continue;
    const source = particle.kind === 'group-ref' ? particle.source : group.source;
    if (group.kind === 'all') {
      if (!isWhole) {
        throw new GeneratorError('xsd.cos-all-limited', `${label} has an xs:all group inside another model group: an all group can only be the whole content model`, source, 'make the xs:all the only particle of the complex type, or use xs:sequence or xs:choice');
      }
      if (particle.max !== 1 || particle.min > 1) {
        throw new GeneratorError('xsd.cos-all-limited', `${label} has an xs:all group with minOccurs="${particle.min}" maxOccurs="${particle.max}": an all group occurs at most once`, source, 'give the xs:all (or the xs:group that refers to it) minOccurs 0 or 1 and maxOccurs 1');
      }
      // A named group's all holds its own particles: checked once, from the definition.
      if (particle.kind === 'group-ref') continue;
      for (const child of group.particles) {
        if (child.kind !== 'element' && child.kind !== 'element-ref') {
          throw new GeneratorError('xsd.cos-all-limited', `${label} has an xs:all group holding ${child.kind === 'any' ? 'a wildcard' : `an xs:${child.kind === 'group-ref' ? 'group' : child.kind}`}: an all group holds only element declarations`, 'source' in child ? child.source : group.source, 'move the other particles out, or use xs:sequence or xs:choice');
        }
        if (child.max !== 0 && child.max !== 1) {
          const name = child.kind === 'element' ? child.element.name.name : child.ref.name;
          throw new GeneratorError('xsd.cos-all-limited', `${label} has element "${name}" with maxOccurs="${child.max}" in an xs:all group: elements of an all group occur at most once`, child.kind === 'element' ? child.element.source : child.source, 'give it maxOccurs 0 or 1, or use xs:sequence or xs:choice');
        }
      }
      continue;
    }
    if (particle.kind === 'group-ref') continue;
    for (const child of group.particles) pending.push({ particle: child, whole: false });
  }
}

/**
 * cos-ct-extends 1.4 with cos-all-limited: an extension's content is its base's followed by its
 * own, so an all group on either side would end up inside a sequence: refused unless the other
 * side has no content.
 */
function checkExtensionOfAll(type: ComplexType, label: string, contents: ContentTypes, index: SchemaIndex): void {
  if (type.derivation?.method !== 'extension' || addsNoContent(type, index) || type.content.kind !== 'elements') return;
  const base = resolveType(type.derivation.base, index);
  if (!base || base.kind !== 'complex') return;
  const baseContent = contents.of(base);
  if (baseContent.kind !== 'elements' || !hasParticles(baseContent.particle)) return;
  const own = modelGroupOf(type.content.particle, index);
  if (baseContent.particle.kind === 'all' || own?.kind === 'all') {
    throw new GeneratorError(
      'xsd.cos-ct-extends',
      `${label} extends "${type.derivation.base.name}" and one of them has an xs:all content model: an all group cannot be extended with more content, nor added to a base that has content`,
      type.source,
      'use xs:sequence in both, or derive from a type with empty content',
    );
  }
}

function hasParticles(term: Term): boolean {
  const pending: Term[] = [term];
  while (pending.length > 0) {
    const t = pending.pop()!;
    if (t.max === 0) continue;
    if (t.kind === 'element' || t.kind === 'any') return true;
    pending.push(...t.particles);
  }
  return false;
}

// ---- cos-element-consistent -----------------------------------------------------------------

/** Two element particles of one name in one content model must have the same named type (or be the same declaration). */
function checkConsistent(model: Term, label: string, index: SchemaIndex): void {
  const seen = new Map<string, { term: ElementTerm; type: TypeNode }>();
  const pending: Term[] = [model];
  while (pending.length > 0) {
    const term = pending.pop()!;
    if (term.kind === 'any') continue;
    if (term.kind !== 'element') {
      for (let i = term.particles.length - 1; i >= 0; i--) pending.push(term.particles[i]!);
      continue;
    }
    const key = qnameKey(term.decl.name);
    const type = elementType(term.decl, index);
    const first = seen.get(key);
    if (!first) {
      seen.set(key, { term, type });
      continue;
    }
    if (first.term.decl === term.decl) continue;
    const anonymous = (t: TypeNode) => t.kind !== 'builtin' && (t.name === undefined || t.anonymous);
    if (sameType(first.type, type) && !anonymous(type)) continue;
    throw new GeneratorError(
      'xsd.cos-element-consistent',
      `${label} declares element "${term.decl.name.name}" twice in one content model with different types (lines ${first.term.source.line} and ${term.source.line})`,
      term.source,
      'give every declaration of one name in a content model the same named type',
    );
  }
}

/**
 * Particle Valid (Restriction) of one model group against another: what src-redefine 6.2.2 asks of
 * a group redefined without a reference to itself (the new group restricts the original).
 */
export function groupRestrictionFailure(derived: ModelGroup, base: ModelGroup, index: SchemaIndex): RestrictionFailure | undefined {
  const groups = new SubstitutionGroups(index);
  const r = normalizeForRestriction(termOf(derived, index), groups);
  const b = normalizeForRestriction(termOf(base, index), groups);
  if (!r) return b && !emptiable(b) ? { rcase: 'Particle Emptiable', message: `the group allows nothing and the original's ${describeTerm(b)} requires some content` } : undefined;
  if (!b) return { rcase: 'Particle Valid (Restriction)', message: `the original group allows nothing and the new one has ${describeTerm(r)}` };
  return new RestrictionCheck(index).check(r, b);
}

// ---- derivation-ok-restriction, clause 5 ----------------------------------------------------

function checkRestriction(type: ComplexType, label: string, contents: ContentTypes, groups: SubstitutionGroups, index: SchemaIndex): void {
  if (type.derivation?.method !== 'restriction') return;
  const base = resolveType(type.derivation.base, index);
  if (!base || base.kind !== 'complex') return;
  const derived = contents.of(type);
  const inherited = contents.of(base);
  if (inherited.kind === 'simple' || derived.kind === 'simple') return;
  const baseName = type.derivation.base.name;
  const fail = (what: string) =>
    new GeneratorError(
      'xsd.derivation-ok-restriction',
      `${label} restricts "${baseName}" but its content is not a restriction of the base's: ${what}`,
      type.source,
      "a restriction may only narrow the base's content model: the base's particles in order, each occurring within the base's range, with the same names and types derived from the base's",
    );
  const b = inherited.kind === 'elements' ? normalizeForRestriction(inherited.particle, groups) : undefined;
  const r = derived.kind === 'elements' ? normalizeForRestriction(derived.particle, groups) : undefined;
  if (derived.kind === 'elements' && derived.mixed && !(inherited.kind === 'elements' && inherited.mixed)) throw fail(`it is mixed and the base is ${inherited.kind === 'empty' ? 'empty' : 'element-only'}`);
  if (!r) {
    if (b && !emptiable(b)) throw fail(`it has no content and the base's ${describeTerm(b)} requires some (the base's particle is not emptiable)`);
    return;
  }
  if (!b) throw fail(`the base allows no child elements and the restriction has ${describeTerm(r)}`);
  const failure = new RestrictionCheck(index).check(r, b);
  if (failure) throw fail(`${failure.message} (${failure.rcase})`);
}

