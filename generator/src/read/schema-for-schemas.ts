/**
 * The schema for schemas (XSD 1.0 part 1, appendix A), as the project's own descriptors: for each
 * XSD element in each place it can appear, the children it takes in order and the attributes it
 * allows, with the type of each attribute's value. check-schema-document.ts walks a schema
 * document against these tables.
 *
 * Several XSD elements mean different things by where they stand: an <xs:element> directly in
 * <xs:schema> is a global declaration (name required, no minOccurs), inside a model group a local
 * one (ref or name, minOccurs allowed); a <xs:restriction> in <xs:simpleType> takes facets, in
 * <xs:complexContent> a model group. So the tables are keyed by a "kind", the element's name
 * qualified by its place when that matters (`element.top`, `restriction.complexContent`...), and
 * `kindOf` finds the kind of a child from its parent's.
 */

/** The type of an attribute's value; value checks are in schema-for-schemas-values.ts. */
export type ValueType =
  | 'ID'
  | 'NCName'
  | 'QName'
  | 'QNames'
  | 'anyURI'
  | 'token'
  /** xml:lang, which lax validation of foreign attributes checks against xml.xsd's declaration. */
  | 'language'
  | 'string'
  | 'boolean'
  | 'nonNegativeInteger'
  | 'positiveInteger'
  /** maxOccurs: a non-negative integer or "unbounded". */
  | 'maxOccurs'
  /** minOccurs and maxOccurs of an element in <xs:all>, and minOccurs of <xs:all>. */
  | 'zeroOrOne'
  /** maxOccurs of <xs:all>. */
  | 'one'
  | 'form'
  | 'use'
  | 'processContents'
  | 'whiteSpace'
  /** `namespace` of a wildcard: ##any, ##other, or a list of URIs, ##targetNamespace, ##local. */
  | 'namespaceList'
  /** block of an element, blockDefault: #all or a list of extension, restriction, substitution. */
  | 'blockSet'
  /** final of an element, block and final of a complex type: #all or extension, restriction. */
  | 'derivationSet'
  /** final of a simple type: #all or a list of list, union, restriction. */
  | 'simpleDerivationSet'
  /** finalDefault: #all or a list of extension, restriction, list, union. */
  | 'fullDerivationSet'
  | 'selectorXPath'
  | 'fieldXPath';

/** An attribute allowed on an element of some kind: its value's type and whether it must appear. */
export interface AttributeRule {
  readonly type: ValueType;
  readonly required?: boolean;
}

/** `names` from `min` to `max` times, one after the other. */
export interface Run {
  readonly names: readonly string[];
  readonly min: number;
  readonly max: number;
}

/** Exactly one of the alternatives, each a sequence of terms. */
export interface Choice {
  readonly alternatives: readonly (readonly Term[])[];
}

export type Term = Run | Choice;

/** What an XSD element of one kind may hold. `content: 'any'` is appinfo's and documentation's. */
export interface ElementRule {
  readonly content: readonly Term[] | 'any';
  readonly attributes: Readonly<Record<string, AttributeRule>>;
}

const ONE = 1;
const MANY = Number.POSITIVE_INFINITY;

const one = (...names: string[]): Run => ({ names, min: 1, max: ONE });
const optional = (...names: string[]): Run => ({ names, min: 0, max: ONE });
const any = (...names: string[]): Run => ({ names, min: 0, max: MANY });
const some = (...names: string[]): Run => ({ names, min: 1, max: MANY });
const choice = (...alternatives: Term[][]): Choice => ({ alternatives });

const ANNOTATION = optional('annotation');
const MODEL_GROUP = ['group', 'all', 'choice', 'sequence'];
const ATTRIBUTES: Term[] = [any('attribute', 'attributeGroup'), optional('anyAttribute')];
const FACET_NAMES = [
  'minExclusive',
  'minInclusive',
  'maxExclusive',
  'maxInclusive',
  'totalDigits',
  'fractionDigits',
  'length',
  'minLength',
  'maxLength',
  'enumeration',
  'whiteSpace',
  'pattern',
];

const ID: Record<string, AttributeRule> = { id: { type: 'ID' } };
const OCCURS: Record<string, AttributeRule> = { minOccurs: { type: 'nonNegativeInteger' }, maxOccurs: { type: 'maxOccurs' } };
const NAME: AttributeRule = { type: 'NCName', required: true };
const annotatedOnly: ElementRule = { content: [ANNOTATION], attributes: ID };

/** The element declarations' content: annotation?, (simpleType | complexType)?, (unique | key | keyref)*. */
const ELEMENT_CONTENT: Term[] = [ANNOTATION, optional('simpleType', 'complexType'), any('unique', 'key', 'keyref')];
const LOCAL_ELEMENT_ATTRIBUTES: Record<string, AttributeRule> = {
  ...ID,
  name: { type: 'NCName' },
  ref: { type: 'QName' },
  type: { type: 'QName' },
  ...OCCURS,
  default: { type: 'string' },
  fixed: { type: 'string' },
  nillable: { type: 'boolean' },
  block: { type: 'blockSet' },
  form: { type: 'form' },
};

/** annotation?, (simpleContent | complexContent | ((group | all | choice | sequence)?, attributes)). */
const COMPLEX_TYPE_CONTENT: Term[] = [
  ANNOTATION,
  choice([one('simpleContent')], [one('complexContent')], [optional(...MODEL_GROUP), ...ATTRIBUTES]),
];

const facet = (valueType: ValueType): ElementRule => ({
  content: [ANNOTATION],
  attributes: { ...ID, value: { type: valueType, required: true }, fixed: { type: 'boolean' } },
});
const noFixedFacet: ElementRule = { content: [ANNOTATION], attributes: { ...ID, value: { type: 'string', required: true } } };

const identityConstraint = (extra: Record<string, AttributeRule> = {}): ElementRule => ({
  content: [ANNOTATION, one('selector'), some('field')],
  attributes: { ...ID, name: NAME, ...extra },
});

export const SCHEMA_FOR_SCHEMAS: Readonly<Record<string, ElementRule>> = {
  // (include | import | redefine | annotation)*, ((simpleType | ... | notation), annotation*)*:
  // the same documents as the two runs below, since an annotation between the directives and
  // the first definition belongs to either.
  schema: {
    content: [
      any('include', 'import', 'redefine', 'annotation'),
      any('simpleType', 'complexType', 'group', 'attributeGroup', 'element', 'attribute', 'notation', 'annotation'),
    ],
    attributes: {
      ...ID,
      targetNamespace: { type: 'anyURI' },
      version: { type: 'token' },
      finalDefault: { type: 'fullDerivationSet' },
      blockDefault: { type: 'blockSet' },
      attributeFormDefault: { type: 'form' },
      elementFormDefault: { type: 'form' },
    },
  },
  include: { content: [ANNOTATION], attributes: { ...ID, schemaLocation: { type: 'anyURI', required: true } } },
  import: { content: [ANNOTATION], attributes: { ...ID, namespace: { type: 'anyURI' }, schemaLocation: { type: 'anyURI' } } },
  redefine: {
    content: [any('annotation', 'simpleType', 'complexType', 'group', 'attributeGroup')],
    attributes: { ...ID, schemaLocation: { type: 'anyURI', required: true } },
  },
  notation: {
    content: [ANNOTATION],
    attributes: { ...ID, name: NAME, public: { type: 'token' }, system: { type: 'anyURI' } },
  },
  annotation: { content: [any('appinfo', 'documentation')], attributes: ID },
  appinfo: { content: 'any', attributes: { source: { type: 'anyURI' } } },
  documentation: { content: 'any', attributes: { source: { type: 'anyURI' } } },

  'element.top': {
    content: ELEMENT_CONTENT,
    attributes: {
      ...ID,
      name: NAME,
      type: { type: 'QName' },
      substitutionGroup: { type: 'QName' },
      default: { type: 'string' },
      fixed: { type: 'string' },
      nillable: { type: 'boolean' },
      abstract: { type: 'boolean' },
      final: { type: 'derivationSet' },
      block: { type: 'blockSet' },
    },
  },
  'element.local': { content: ELEMENT_CONTENT, attributes: LOCAL_ELEMENT_ATTRIBUTES },
  // An element of <xs:all> occurs at most once (XSD 1.0's narrowMaxMin).
  'element.all': {
    content: ELEMENT_CONTENT,
    attributes: { ...LOCAL_ELEMENT_ATTRIBUTES, minOccurs: { type: 'zeroOrOne' }, maxOccurs: { type: 'zeroOrOne' } },
  },
  'attribute.top': {
    content: [ANNOTATION, optional('simpleType')],
    attributes: { ...ID, name: NAME, type: { type: 'QName' }, default: { type: 'string' }, fixed: { type: 'string' } },
  },
  'attribute.local': {
    content: [ANNOTATION, optional('simpleType')],
    attributes: {
      ...ID,
      name: { type: 'NCName' },
      ref: { type: 'QName' },
      type: { type: 'QName' },
      use: { type: 'use' },
      default: { type: 'string' },
      fixed: { type: 'string' },
      form: { type: 'form' },
    },
  },
  'complexType.top': {
    content: COMPLEX_TYPE_CONTENT,
    attributes: {
      ...ID,
      name: NAME,
      mixed: { type: 'boolean' },
      abstract: { type: 'boolean' },
      final: { type: 'derivationSet' },
      block: { type: 'derivationSet' },
    },
  },
  'complexType.local': { content: COMPLEX_TYPE_CONTENT, attributes: { ...ID, mixed: { type: 'boolean' } } },
  simpleContent: { content: [ANNOTATION, one('restriction', 'extension')], attributes: ID },
  complexContent: { content: [ANNOTATION, one('restriction', 'extension')], attributes: { ...ID, mixed: { type: 'boolean' } } },
  'restriction.simpleContent': {
    content: [ANNOTATION, optional('simpleType'), any(...FACET_NAMES), ...ATTRIBUTES],
    attributes: { ...ID, base: { type: 'QName', required: true } },
  },
  'extension.simpleContent': {
    content: [ANNOTATION, ...ATTRIBUTES],
    attributes: { ...ID, base: { type: 'QName', required: true } },
  },
  'restriction.complexContent': {
    content: [ANNOTATION, optional(...MODEL_GROUP), ...ATTRIBUTES],
    attributes: { ...ID, base: { type: 'QName', required: true } },
  },
  'extension.complexContent': {
    content: [ANNOTATION, optional(...MODEL_GROUP), ...ATTRIBUTES],
    attributes: { ...ID, base: { type: 'QName', required: true } },
  },
  'simpleType.top': {
    content: [ANNOTATION, one('restriction', 'list', 'union')],
    attributes: { ...ID, name: NAME, final: { type: 'simpleDerivationSet' } },
  },
  'simpleType.local': { content: [ANNOTATION, one('restriction', 'list', 'union')], attributes: ID },
  'restriction.simpleType': {
    content: [ANNOTATION, optional('simpleType'), any(...FACET_NAMES)],
    attributes: { ...ID, base: { type: 'QName' } },
  },
  list: { content: [ANNOTATION, optional('simpleType')], attributes: { ...ID, itemType: { type: 'QName' } } },
  union: { content: [ANNOTATION, any('simpleType')], attributes: { ...ID, memberTypes: { type: 'QNames' } } },

  minExclusive: facet('string'),
  minInclusive: facet('string'),
  maxExclusive: facet('string'),
  maxInclusive: facet('string'),
  totalDigits: facet('positiveInteger'),
  fractionDigits: facet('nonNegativeInteger'),
  length: facet('nonNegativeInteger'),
  minLength: facet('nonNegativeInteger'),
  maxLength: facet('nonNegativeInteger'),
  whiteSpace: facet('whiteSpace'),
  enumeration: noFixedFacet,
  pattern: noFixedFacet,

  // A named group holds exactly one model group, itself without minOccurs and maxOccurs.
  'group.def': { content: [ANNOTATION, one('all', 'choice', 'sequence')], attributes: { ...ID, name: NAME } },
  'group.ref': { content: [ANNOTATION], attributes: { ...ID, ref: { type: 'QName', required: true }, ...OCCURS } },
  'sequence.def': { content: [ANNOTATION, any('element', 'group', 'choice', 'sequence', 'any')], attributes: ID },
  'choice.def': { content: [ANNOTATION, any('element', 'group', 'choice', 'sequence', 'any')], attributes: ID },
  'all.def': { content: [ANNOTATION, any('element')], attributes: ID },
  sequence: { content: [ANNOTATION, any('element', 'group', 'choice', 'sequence', 'any')], attributes: { ...ID, ...OCCURS } },
  choice: { content: [ANNOTATION, any('element', 'group', 'choice', 'sequence', 'any')], attributes: { ...ID, ...OCCURS } },
  all: { content: [ANNOTATION, any('element')], attributes: { ...ID, minOccurs: { type: 'zeroOrOne' }, maxOccurs: { type: 'one' } } },
  any: {
    content: [ANNOTATION],
    attributes: { ...ID, namespace: { type: 'namespaceList' }, processContents: { type: 'processContents' }, ...OCCURS },
  },
  anyAttribute: {
    content: [ANNOTATION],
    attributes: { ...ID, namespace: { type: 'namespaceList' }, processContents: { type: 'processContents' } },
  },
  'attributeGroup.def': { content: [ANNOTATION, ...ATTRIBUTES], attributes: { ...ID, name: NAME } },
  'attributeGroup.ref': { content: [ANNOTATION], attributes: { ...ID, ref: { type: 'QName', required: true } } },

  unique: identityConstraint(),
  key: identityConstraint(),
  keyref: identityConstraint({ refer: { type: 'QName', required: true } }),
  selector: { content: [ANNOTATION], attributes: { ...ID, xpath: { type: 'selectorXPath', required: true } } },
  field: { content: [ANNOTATION], attributes: { ...ID, xpath: { type: 'fieldXPath', required: true } } },
};

/** The XSD 1.0 element names, whatever their kind. */
export const XSD_ELEMENT_NAMES: ReadonlySet<string> = new Set(Object.keys(SCHEMA_FOR_SCHEMAS).map((kind) => kind.split('.')[0] ?? kind));

/** Where a definition is global: directly in <xs:schema>, or redefined in <xs:redefine>. */
const TOP_LEVEL = new Set(['schema', 'redefine']);

/** The kind of an XSD element named `name` whose parent is of kind `parent`. */
export function kindOf(name: string, parent: string): string {
  const parentName = parent.split('.')[0] ?? parent;
  switch (name) {
    case 'element':
      if (TOP_LEVEL.has(parent)) return 'element.top';
      return parentName === 'all' ? 'element.all' : 'element.local';
    case 'attribute':
    case 'complexType':
    case 'simpleType':
      return `${name}.${TOP_LEVEL.has(parent) ? 'top' : 'local'}`;
    case 'group':
    case 'attributeGroup':
      return `${name}.${TOP_LEVEL.has(parent) ? 'def' : 'ref'}`;
    case 'restriction':
      return parentName === 'simpleType' ? 'restriction.simpleType' : `restriction.${parent}`;
    case 'extension':
      return `extension.${parent}`;
    case 'sequence':
    case 'choice':
    case 'all':
      return parent === 'group.def' ? `${name}.def` : name;
    default:
      return name;
  }
}

/** A content model as the spec writes it, for messages: "(annotation?, (selector, field+))". */
export function describeContent(terms: readonly Term[]): string {
  return `(${terms.map(describeTerm).join(', ')})`;
}

function describeTerm(term: Term): string {
  if ('alternatives' in term) return `(${term.alternatives.map((alt) => (alt.length === 1 && alt[0] ? describeTerm(alt[0]) : describeContent(alt))).join(' | ')})`;
  const names = term.names.length === 1 ? term.names[0] : `(${term.names.join(' | ')})`;
  const suffix = term.min === 0 ? (term.max === 1 ? '?' : '*') : term.max === 1 ? '' : '+';
  return `${names}${suffix}`;
}
