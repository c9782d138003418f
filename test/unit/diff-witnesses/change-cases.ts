/**
 * One pair of small schemas per class of change that can show in a document, each with the
 * change diffSchemas must report (kind and paths) and the code the other version must report
 * for each side a witness proves: `producers` for a document of the old version the new one
 * refuses, `consumers` for one of the new version the old one refuses. `unproved` is a side
 * the comparison claims and no document can show (a new pattern is neither wider nor narrower
 * to the comparison, which does not compare regular expressions).
 */
import type { DiagnosticCode } from '../../../runtime/src/diagnostics.js';
import type { ChangeKind, SchemaChange } from '../../../generator/src/diff/schema-change.js';
import { NS } from '../../support/schema-versions.js';

export interface ChangeCase {
  readonly kind: ChangeKind;
  /** What the case shows; also the test's name. */
  readonly title: string;
  readonly before: string;
  readonly after: string;
  readonly subject: string;
  readonly paths: readonly string[];
  readonly producers?: DiagnosticCode;
  readonly consumers?: DiagnosticCode;
  readonly unproved?: 'producers' | 'consumers';
}

/** A root element of a sequence of `particles`, then `attributes`. */
const root = (particles: string, attributes = '') => `<xs:element name="root"><xs:complexType><xs:sequence>${particles}</xs:sequence>${attributes}</xs:complexType></xs:element>`;
const element = (name: string, more = '') => `<xs:element name="${name}" type="xs:string"${more ? ` ${more}` : ''}/>`;
const attribute = (name: string, more = '') => `<xs:attribute name="${name}" type="xs:string"${more ? ` ${more}` : ''}/>`;
const restricted = (base: string, facets: string) => `<xs:simpleType><xs:restriction base="xs:${base}">${facets}</xs:restriction></xs:simpleType>`;
const valueOf = (base: string, facets: string) => root(`<xs:element name="v">${restricted(base, facets)}</xs:element>`);
const attributeOf = (base: string, facets: string) => root('', `<xs:attribute name="n" use="required">${restricted(base, facets)}</xs:attribute>`);
const enumeration = (...values: string[]) => values.map((v) => `<xs:enumeration value="${v}"/>`).join('');
const wildcard = (namespace: string, process: string) => root(`<xs:any namespace="${namespace}" processContents="${process}" minOccurs="0" maxOccurs="unbounded"/>`);
/** A root of the named type Base, and when `derived`, a type Ext that extends it: xsi:type may name Ext at the root (D-114). */
const typed = (derived: boolean) =>
  `<xs:element name="root" type="t:Base"/><xs:complexType name="Base"><xs:sequence>${element('a')}</xs:sequence></xs:complexType>` +
  (derived ? `<xs:complexType name="Ext"><xs:complexContent><xs:extension base="t:Base"><xs:sequence>${element('b')}</xs:sequence></xs:extension></xs:complexContent></xs:complexType>` : '');
const items = (occurs: string) => root(`<xs:element name="item" type="xs:string" ${occurs}/>`);

export const CHANGE_CASES: readonly ChangeCase[] = [
  { kind: 'element-added', title: 'a required element added', before: root(element('a')), after: root(element('a') + element('b')), subject: 'element b in element root', paths: ['/root/b'], producers: 'evfw.content.missing', consumers: 'evfw.content.unexpected' },
  { kind: 'element-added', title: 'an optional element added', before: root(element('a')), after: root(element('a') + element('b', 'minOccurs="0"')), subject: 'element b in element root', paths: ['/root/b'], consumers: 'evfw.content.unexpected' },
  { kind: 'element-removed', title: 'an optional element removed', before: root(element('a') + element('b', 'minOccurs="0"')), after: root(element('a')), subject: 'element b in element root', paths: ['/root/b'], producers: 'evfw.content.unexpected' },
  { kind: 'element-renamed', title: 'an element renamed', before: root(element('a') + element('b')), after: root(element('a') + element('c')), subject: 'element b in element root', paths: ['/root/b', '/root/c'], producers: 'evfw.content.unexpected', consumers: 'evfw.content.unexpected' },
  { kind: 'attribute-added', title: 'a required attribute added', before: root(element('a')), after: root(element('a'), attribute('x', 'use="required"')), subject: 'attribute x of element root', paths: ['/root/@x'], producers: 'evfw.attribute.required', consumers: 'evfw.attribute.unknown' },
  { kind: 'attribute-added', title: 'an optional attribute added', before: root(element('a')), after: root(element('a'), attribute('x')), subject: 'attribute x of element root', paths: ['/root/@x'], consumers: 'evfw.attribute.unknown' },
  { kind: 'attribute-removed', title: 'an optional attribute removed', before: root(element('a'), attribute('x')), after: root(element('a')), subject: 'attribute x of element root', paths: ['/root/@x'], producers: 'evfw.attribute.unknown' },
  { kind: 'attribute-renamed', title: 'a required attribute renamed', before: root(element('a'), attribute('x', 'use="required"')), after: root(element('a'), attribute('y', 'use="required"')), subject: 'attribute x of element root', paths: ['/root/@x', '/root/@y'], producers: 'evfw.attribute.unknown', consumers: 'evfw.attribute.unknown' },
  { kind: 'made-required', title: 'an optional element made required', before: root(element('a') + element('b', 'minOccurs="0"')), after: root(element('a') + element('b')), subject: 'element b in element root', paths: ['/root/b'], producers: 'evfw.content.missing' },
  { kind: 'made-optional', title: 'a required attribute made optional', before: root(element('a'), attribute('x', 'use="required"')), after: root(element('a'), attribute('x')), subject: 'attribute x of element root', paths: ['/root/@x'], consumers: 'evfw.attribute.required' },
  { kind: 'cardinality-widened', title: 'maxOccurs raised from 2 to 5', before: items('minOccurs="0" maxOccurs="2"'), after: items('minOccurs="0" maxOccurs="5"'), subject: 'element item in element root', paths: ['/root/item'], consumers: 'evfw.content.unexpected' },
  { kind: 'cardinality-narrowed', title: 'maxOccurs lowered from 10 to 6', before: items('minOccurs="0" maxOccurs="10"'), after: items('minOccurs="0" maxOccurs="6"'), subject: 'element item in element root', paths: ['/root/item'], producers: 'evfw.content.unexpected' },
  { kind: 'cardinality-narrowed', title: 'minOccurs raised from 1 to 2', before: items('minOccurs="1" maxOccurs="3"'), after: items('minOccurs="2" maxOccurs="3"'), subject: 'element item in element root', paths: ['/root/item'], producers: 'evfw.content.missing' },
  { kind: 'enumeration-value-added', title: 'an enumeration value added', before: attributeOf('string', enumeration('a', 'b')), after: attributeOf('string', enumeration('a', 'b', 'c')), subject: 'attribute n of element root', paths: ['/root/@n'], consumers: 'evfw.attribute.enum' },
  { kind: 'enumeration-value-removed', title: 'an enumeration value removed', before: valueOf('string', enumeration('a', 'b', 'c')), after: valueOf('string', enumeration('a', 'b')), subject: 'element v in element root', paths: ['/root/v'], producers: 'evfw.value.enum' },
  { kind: 'facet-tightened', title: 'maxLength lowered from 20 to 5', before: valueOf('string', '<xs:maxLength value="20"/>'), after: valueOf('string', '<xs:maxLength value="5"/>'), subject: 'element v in element root', paths: ['/root/v'], producers: 'evfw.value.facet' },
  { kind: 'facet-loosened', title: 'maxLength raised from 5 to 20', before: valueOf('string', '<xs:maxLength value="5"/>'), after: valueOf('string', '<xs:maxLength value="20"/>'), subject: 'element v in element root', paths: ['/root/v'], consumers: 'evfw.value.facet' },
  { kind: 'facet-tightened', title: 'maxInclusive lowered from 1000 to 100', before: attributeOf('int', '<xs:maxInclusive value="1000"/>'), after: attributeOf('int', '<xs:maxInclusive value="100"/>'), subject: 'attribute n of element root', paths: ['/root/@n'], producers: 'evfw.attribute.facet' },
  { kind: 'facet-loosened', title: 'maxInclusive raised from 100 to 1000', before: attributeOf('int', '<xs:maxInclusive value="100"/>'), after: attributeOf('int', '<xs:maxInclusive value="1000"/>'), subject: 'attribute n of element root', paths: ['/root/@n'], consumers: 'evfw.attribute.facet' },
  { kind: 'facet-changed', unproved: 'consumers', title: 'a pattern narrowed', before: valueOf('string', '<xs:pattern value="[a-z]+"/>'), after: valueOf('string', '<xs:pattern value="[a-z]{1,3}"/>'), subject: 'element v in element root', paths: ['/root/v'], producers: 'evfw.value.facet' },
  { kind: 'facet-changed', unproved: 'producers', title: 'a pattern widened', before: valueOf('string', '<xs:pattern value="[a-z]{1,3}"/>'), after: valueOf('string', '<xs:pattern value="[a-z]+"/>'), subject: 'element v in element root', paths: ['/root/v'], consumers: 'evfw.value.facet' },
  { kind: 'type-changed', title: 'xs:string to xs:int', before: valueOf('string', ''), after: valueOf('int', ''), subject: 'element v in element root', paths: ['/root/v'], producers: 'evfw.value.datatype' },
  { kind: 'type-changed', title: 'xs:int to xs:boolean', before: valueOf('int', ''), after: valueOf('boolean', ''), subject: 'element v in element root', paths: ['/root/v'], producers: 'evfw.value.datatype', consumers: 'evfw.value.datatype' },
  { kind: 'wildcard-namespace-widened', title: '##other widened to ##any', before: wildcard('##other', 'lax'), after: wildcard('##any', 'lax'), subject: 'wildcard in element root', paths: ['/root/*'], consumers: 'evfw.content.unexpected' },
  { kind: 'wildcard-namespace-narrowed', title: '##any narrowed to ##other', before: wildcard('##any', 'lax'), after: wildcard('##other', 'lax'), subject: 'wildcard in element root', paths: ['/root/*'], producers: 'evfw.content.unexpected' },
  { kind: 'type-added', title: 'a type xsi:type may name added', before: typed(false), after: typed(true), subject: 'type Ext', paths: ['/root'], consumers: 'evfw.xsi.type' },
  { kind: 'type-removed', title: 'a type xsi:type may name removed', before: typed(true), after: typed(false), subject: 'type Ext', paths: ['/root'], producers: 'evfw.xsi.type' },
  { kind: 'wildcard-process-contents-changed', title: 'processContents lax to strict', before: wildcard('##other', 'lax'), after: wildcard('##other', 'strict'), subject: 'wildcard in element root', paths: ['/root/*'], producers: 'evfw.content.strict-unknown' },
];

/**
 * The change as `evfw diff` reports it, made by hand from a case: for tests that need a change
 * classified otherwise than the comparison would.
 */
export function handMadeChange(c: ChangeCase): SchemaChange {
  return {
    kind: c.kind,
    namespace: NS,
    subject: c.subject,
    message: c.title,
    producers: c.producers || c.unproved === 'producers' ? 'breaking' : 'none',
    consumers: c.consumers || c.unproved === 'consumers' ? 'affected' : 'none',
    apiBreaking: false,
    paths: c.paths,
  };
}
