/**
 * Complex type definitions and how they derive from their bases (XSD 1.0 part 1, 3.4):
 * the base of the right kind for simpleContent and complexContent (src-ct), the attribute uses
 * of one type (ct-props-correct), extension (cos-ct-extends) and restriction
 * (derivation-ok-restriction) as far as attributes, attribute wildcards, the kind of content
 * and the base's {final} go. Whether a restriction's particle restricts its base's particle is
 * checked in check-particles.ts.
 */
import { GeneratorError } from '../errors.js';
import { qnameKey, type ComplexType, type SchemaSet } from '../ir/ir.js';
import type { SchemaIndex } from '../ir/schema-index.js';
import { visitSchemas } from '../ir/visit.js';
import { checkAttributeRestriction } from './derivation-attributes.js';
import { describeComplex, DerivationModel, isMixed, type AttributeUseInfo, type ContentKind } from './derivation-model.js';
import { describeType, isIdType, isSimple, isValidlyDerived, resolveType, type TypeNode } from './derivation-of.js';

export function checkDerivations(set: SchemaSet, index: SchemaIndex): void {
  const model = new DerivationModel(index);
  visitSchemas(set, {
    type(def) {
      if (def.kind === 'complex') checkComplexType(def, model);
    },
  });
}

function checkComplexType(def: ComplexType, model: DerivationModel): void {
  const label = describeComplex(def);
  const base = def.derivation ? resolveType(def.derivation.base, model.index) : undefined;
  if (def.derivation && base) checkBaseKind(def, base, model);
  checkAttributeUses(def, model);
  if (!def.derivation || !base) return;
  // xs:anyType is a base too: its content is mixed, so an extension of it must be mixed (or add nothing).
  if (def.derivation.method === 'extension') checkExtension(def, base, model);
  else if (base.kind === 'complex') {
    if (base.final.includes('restriction')) {
      throw new GeneratorError(
        'xsd.derivation-ok-restriction',
        `${label} restricts ${describeType(base)}, whose final forbids derivation by restriction`,
        def.source,
        `derive from another type, or remove "restriction" from the final of ${describeType(base)} (or from the schema's finalDefault)`,
      );
    }
    checkAttributeRestriction(def, base, model);
    checkRestrictedContent(def, base, model);
  }
}

/** src-ct: complexContent needs a complex base; simpleContent a base whose content is (or may become) a simple type. */
function checkBaseKind(def: ComplexType, base: TypeNode, model: DerivationModel): void {
  const label = describeComplex(def);
  const method = def.derivation?.method;
  if (def.content.kind !== 'simple') {
    if (isSimple(base)) {
      throw new GeneratorError(
        'xsd.src-ct',
        `${label} uses <xs:complexContent> with ${describeType(base)}, a simple type, as its base; complex content derives only from a complex type`,
        def.source,
        'to add attributes to a simple type, use <xs:simpleContent><xs:extension base="...">',
      );
    }
    return;
  }
  if (isSimple(base)) {
    if (method === 'extension') return;
    throw new GeneratorError(
      'xsd.src-ct',
      `${label} restricts ${describeType(base)}, a simple type, inside <xs:simpleContent>; a simpleContent restriction needs a complex type with simple content as its base`,
      def.source,
      `write <xs:simpleContent><xs:extension base="..."> to give ${describeType(base)} attributes, or restrict it in an <xs:simpleType>`,
    );
  }
  const content = model.contentOf(base);
  if (content.kind === 'simple') return;
  if (method === 'restriction' && content.kind === 'mixed' && content.emptiable) {
    // Clause 2.2: the base's mixed content may become text of a simple type, which the restriction must give.
    if (def.content.type.kind === 'simple' && def.content.type.base?.kind === 'simple') return;
    throw new GeneratorError(
      'xsd.src-ct',
      `${label} restricts ${describeType(base)}, whose content is mixed, inside <xs:simpleContent> without saying which simple type the text has`,
      def.source,
      'add an <xs:simpleType> as the first child of the <xs:restriction>',
    );
  }
  throw new GeneratorError(
    'xsd.src-ct',
    `${label} uses <xs:simpleContent> with ${describeType(base)} as its base, whose content is ${describeContent(content)}, not a simple type`,
    def.source,
    method === 'extension'
      ? 'a simpleContent extension needs a simple type or a complex type with simple content as its base; use <xs:complexContent> to extend this one'
      : 'a simpleContent restriction needs a complex type with simple content (or mixed, emptiable content) as its base',
  );
}

/** ct-props-correct 4 and 5: one use per attribute name, and at most one attribute of type ID. */
function checkAttributeUses(def: ComplexType, model: DerivationModel): void {
  const label = describeComplex(def);
  const { own, uses } = model.typeAttributes(def);
  const present = own.uses.filter((u) => u.use !== 'prohibited');
  const base = def.derivation?.method === 'extension' ? resolveType(def.derivation.base, model.index) : undefined;
  const inherited = base?.kind === 'complex' ? model.typeAttributes(base).uses : [];
  const first = new Map<string, AttributeUseInfo>();
  for (const use of inherited) first.set(qnameKey(use.name), use);
  const fromBase = new Set(first.values());
  for (const use of present) {
    const key = qnameKey(use.name);
    const earlier = first.get(key);
    if (earlier && earlier.declaration !== use.declaration) {
      const where = fromBase.has(earlier) ? 'its base type already has an attribute of that name' : `it is declared twice (first at line ${earlier.source.line})`;
      throw new GeneratorError(
        'xsd.ct-props-correct',
        `${label} has two attributes named "${use.name.name}": ${where}`,
        use.source,
        fromBase.has(earlier) ? 'an extension cannot redeclare a base attribute: remove it here, or derive by restriction to change it' : 'keep one of the two declarations (attribute groups count too)',
      );
    }
    if (!earlier) first.set(key, use);
  }
  const ids = uses.filter((u) => isIdType(u.type ? resolveType(u.type, model.index) : undefined, model.index));
  const written = new Set(present);
  // Two IDs both inherited are the base's fault, reported at the base.
  if (ids.length > 1 && ids.some((u) => written.has(u))) {
    const second = ids.find((u) => written.has(u) && u !== ids[0]) ?? ids[1]!;
    throw new GeneratorError(
      'xsd.ct-props-correct',
      `${label} has two attributes of type xs:ID (or derived from it), "${ids[0]!.name.name}" and "${second.name.name}"; an element can carry only one ID`,
      second.source,
      'give one of them another type (xs:NCName, for example)',
    );
  }
}

/**
 * cos-ct-extends: the base's {final} (clause 1.1 for a complex base, 2.2 for a simple one, whose
 * {final} holds extension when it is #all), and content kinds that an extension can append to.
 */
function checkExtension(def: ComplexType, base: TypeNode, model: DerivationModel): void {
  const label = describeComplex(def);
  if (base.kind !== 'builtin' && base.final.includes('extension')) {
    throw new GeneratorError(
      'xsd.cos-ct-extends',
      `${label} extends ${describeType(base)}, whose final forbids derivation by extension`,
      def.source,
      `derive from another type, or remove "extension" from the final of ${describeType(base)} (or from the schema's finalDefault)`,
    );
  }
  // An extension with no content of its own, or with simple content, keeps the base's content type (src-ct checks the latter's base).
  if (isSimple(base) || def.content.kind === 'simple' || model.keepsBaseContent(def)) return;
  const baseContent = model.contentOf(base);
  const mixed = isMixed(def);
  if (baseContent.kind === 'simple') {
    throw new GeneratorError(
      'xsd.cos-ct-extends',
      `${label} adds child elements to ${describeType(base)}, whose content is simple (text of a simple type); an extension cannot mix the two`,
      def.source,
      'extend a complex type with element content, or leave out the content model and add only attributes',
    );
  }
  if (baseContent.kind !== 'empty' && (baseContent.kind === 'mixed') !== mixed) {
    throw new GeneratorError(
      'xsd.cos-ct-extends',
      `${label} is ${mixed ? 'mixed' : 'element-only'} but extends ${describeType(base)}, whose content is ${baseContent.kind}; both must be mixed or both element-only`,
      def.source,
      `set mixed="${baseContent.kind === 'mixed'}" on ${label}`,
    );
  }
}

/** derivation-ok-restriction clause 5, for the kind of content (the particles themselves are check-particles.ts's). */
function checkRestrictedContent(def: ComplexType, base: ComplexType, model: DerivationModel): void {
  const label = describeComplex(def);
  const content = model.contentOf(def);
  const baseContent = model.contentOf(base);
  const refuse = (why: string, hint: string): never => {
    throw new GeneratorError('xsd.derivation-ok-restriction', `${label} restricts ${describeType(base)} but ${why}`, def.source, hint);
  };
  switch (content.kind) {
    case 'simple': {
      if (baseContent.kind === 'mixed' && baseContent.emptiable) return;
      if (baseContent.kind !== 'simple') return refuse(`its simple content cannot restrict ${describeContent(baseContent)}`, 'restrict a type with simple content');
      // An inline <xs:simpleType> in the restriction must itself restrict the base's simple type.
      const inline = def.content.kind === 'simple' && def.content.type.kind === 'simple' && def.content.type.base?.kind === 'simple' ? def.content.type.base : undefined;
      if (inline && baseContent.type && !isValidlyDerived(inline, baseContent.type, new Set(), model.index)) {
        refuse(`the simple type given in its <xs:restriction> is not derived from the base's content type, ${describeType(baseContent.type)}`, `derive the inline <xs:simpleType> from ${describeType(baseContent.type)}`);
      }
      return;
    }
    case 'empty':
      if (baseContent.kind === 'empty') return;
      if ((baseContent.kind === 'element-only' || baseContent.kind === 'mixed') && baseContent.emptiable) return;
      return refuse(`its empty content does not restrict ${describeContent(baseContent)}`, 'an empty restriction needs a base whose content may be empty');
    case 'element-only':
    case 'mixed':
      if (baseContent.kind !== 'element-only' && baseContent.kind !== 'mixed') {
        return refuse(`its content model cannot restrict ${describeContent(baseContent)}`, 'a restriction may only narrow the content its base allows: derive by extension to add child elements');
      }
      if (content.kind === 'mixed' && baseContent.kind !== 'mixed') {
        return refuse('it is mixed and its base is not', 'remove mixed="true": a restriction cannot allow text its base refuses');
      }
  }
}

export function describeContent(content: ContentKind): string {
  switch (content.kind) {
    case 'empty':
      return 'empty content';
    case 'simple':
      return content.type ? `simple content (${describeType(content.type)})` : 'simple content';
    case 'element-only':
      return 'element-only content';
    case 'mixed':
      return 'mixed content';
  }
}
