import { describe, expect, it } from 'vitest';
import { checkParticles, groupRestrictionFailure } from '../../../generator/src/check/check-particles.js';
import { GeneratorError } from '../../../generator/src/errors.js';
import { indexSchemas } from '../../../generator/src/ir/schema-index.js';
import { inlineIr } from '../../support/inline-schema.js';

/** The first violation checkParticles finds in the inline schema: `code: sentence`, or 'ok'. */
function verdict(body: string): string {
  const set = inlineIr(body);
  try {
    checkParticles(set, indexSchemas(set));
    return 'ok';
  } catch (error) {
    if (error instanceof GeneratorError) return `${error.code}: ${error.detail}`;
    throw error;
  }
}

function codeOf(body: string): string {
  return verdict(body).split(':')[0] ?? '';
}

/** A base type `B` with the given content, and `R` restricting it with the given content. */
function restriction(base: string, derived: string, extra = ''): string {
  return `
  <xs:complexType name="B">${base}</xs:complexType>
  <xs:complexType name="R"><xs:complexContent><xs:restriction base="t:B">${derived}</xs:restriction></xs:complexContent></xs:complexType>
  ${extra}`;
}

const A_STAR_B_OPT = '<xs:sequence><xs:element name="a" type="xs:string" maxOccurs="unbounded"/><xs:element name="b" type="xs:int" minOccurs="0"/></xs:sequence>';

describe('Particle Valid (Restriction)', () => {
  it('accepts a content model that narrows the base', () => {
    expect(verdict(restriction(A_STAR_B_OPT, '<xs:sequence><xs:element name="a" type="xs:string" maxOccurs="3"/></xs:sequence>'))).toBe('ok');
    expect(verdict(restriction(A_STAR_B_OPT, '<xs:sequence><xs:element name="a" type="xs:string"/><xs:element name="b" type="xs:int"/></xs:sequence>'))).toBe('ok');
  });

  it('refuses an occurrence range outside the base (NameAndTypeOK), naming the type, the element and the rcase', () => {
    const base = '<xs:sequence><xs:element name="a" type="xs:string" maxOccurs="2"/></xs:sequence>';
    const result = verdict(restriction(base, '<xs:sequence><xs:element name="a" type="xs:string" maxOccurs="3"/></xs:sequence>'));
    expect(result).toMatch(/^xsd\.derivation-ok-restriction: complex type "R" restricts "B"/);
    expect(result).toContain('element "a" occurs 1..3 times, outside the base\'s 1..2');
    expect(result).toContain('rcase-NameAndTypeOK');
  });

  it('refuses reordered particles and left-out required ones (Recurse)', () => {
    const base = '<xs:sequence><xs:element name="a" type="xs:string"/><xs:element name="b" type="xs:int"/></xs:sequence>';
    expect(verdict(restriction(base, '<xs:sequence><xs:element name="b" type="xs:int"/><xs:element name="a" type="xs:string"/></xs:sequence>'))).toContain('rcase-Recurse');
    expect(verdict(restriction(base, '<xs:sequence><xs:element name="a" type="xs:string"/></xs:sequence>'))).toContain('the base\'s element "b" is required');
  });

  it('finds the mapping that skips an emptiable particle when an earlier one would also take the element', () => {
    // Greedy mapping of a to the first (optional) a would leave the required second one unmapped.
    const base = '<xs:sequence><xs:element name="a" type="xs:string" minOccurs="0"/><xs:element name="a" type="xs:string"/></xs:sequence>';
    expect(verdict(restriction(base, '<xs:sequence><xs:element name="a" type="xs:string"/></xs:sequence>'))).toBe('ok');
  });

  it('requires types derived by restriction from the base element\'s type', () => {
    const base = '<xs:sequence><xs:element name="a" type="xs:decimal"/></xs:sequence>';
    expect(verdict(restriction(base, '<xs:sequence><xs:element name="a" type="xs:int"/></xs:sequence>'))).toBe('ok');
    expect(verdict(restriction(base, '<xs:sequence><xs:element name="a" type="xs:string"/></xs:sequence>'))).toContain('has a type that is not the base\'s');
  });

  it('keeps nillable, fixed values and blocking of the base declaration', () => {
    const base = (attrs: string) => `<xs:sequence><xs:element name="a" type="xs:int" ${attrs}/></xs:sequence>`;
    expect(codeOf(restriction(base(''), '<xs:sequence><xs:element name="a" type="xs:int" nillable="true"/></xs:sequence>'))).toBe('xsd.derivation-ok-restriction');
    expect(verdict(restriction(base('fixed="5"'), '<xs:sequence><xs:element name="a" type="xs:int" fixed="5"/></xs:sequence>'))).toBe('ok');
    expect(verdict(restriction(base('fixed="5"'), '<xs:sequence><xs:element name="a" type="xs:int"/></xs:sequence>'))).toContain('fixed value');
    const flag = '<xs:sequence><xs:element name="f" type="xs:boolean" fixed="true"/></xs:sequence>';
    expect(verdict(restriction(flag, '<xs:sequence><xs:element name="f" type="xs:boolean" fixed="1"/></xs:sequence>'))).toBe('ok');
    expect(verdict(restriction(flag, '<xs:sequence><xs:element name="f" type="xs:boolean" fixed="0"/></xs:sequence>'))).toContain('fixed value');
    expect(verdict(restriction(base('block="extension"'), '<xs:sequence><xs:element name="a" type="xs:int"/></xs:sequence>'))).toContain('must block extension');
  });

  it('checks elements and wildcards against wildcards (NSCompat, NSSubset) and forbids a wildcard for an element', () => {
    const anyOther = '<xs:sequence><xs:any namespace="##other" maxOccurs="unbounded"/></xs:sequence>';
    expect(verdict(restriction(anyOther, '<xs:sequence><xs:element name="a" type="xs:int"/></xs:sequence>'))).toContain('rcase-NSCompat');
    expect(verdict(restriction(anyOther, '<xs:sequence><xs:any namespace="urn:x" maxOccurs="2"/></xs:sequence>'))).toBe('ok');
    expect(verdict(restriction(anyOther, '<xs:sequence><xs:any namespace="urn:x" processContents="lax"/></xs:sequence>'))).toContain('weaker than the base\'s "strict"');
    expect(verdict(restriction(anyOther, '<xs:sequence><xs:any namespace="##any"/></xs:sequence>'))).toContain('rcase-NSSubset');
    const result = verdict(restriction('<xs:sequence><xs:element name="a" type="xs:int"/></xs:sequence>', '<xs:sequence><xs:any/></xs:sequence>'));
    expect(result).toContain('cannot restrict');
  });

  it('counts a group\'s elements against a wildcard (NSRecurseCheckCardinality)', () => {
    const base = '<xs:sequence><xs:any namespace="##targetNamespace" maxOccurs="2"/></xs:sequence>';
    const two = '<xs:sequence><xs:element name="a" type="xs:int"/><xs:element name="b" type="xs:int"/></xs:sequence>';
    const three = '<xs:sequence><xs:element name="a" type="xs:int"/><xs:element name="b" type="xs:int"/><xs:element name="c" type="xs:int"/></xs:sequence>';
    // The derived sequence of 2 particles, pointless in itself, sits in the base's single-particle sequence.
    expect(verdict(restriction(base, `<xs:sequence><xs:choice>${two.replace(/sequence/g, 'sequence')}</xs:choice></xs:sequence>`))).toBe('ok');
    expect(verdict(restriction(base, `<xs:sequence><xs:choice>${three}</xs:choice></xs:sequence>`))).toContain('rcase-NSRecurseCheckCardinality');
  });

  it('maps a sequence onto a choice (MapAndSum) and onto an all group (RecurseUnordered)', () => {
    const choice = '<xs:choice maxOccurs="2"><xs:element name="a" type="xs:int"/><xs:element name="b" type="xs:int"/></xs:choice>';
    expect(verdict(restriction(choice, '<xs:sequence><xs:element name="b" type="xs:int"/><xs:element name="a" type="xs:int"/></xs:sequence>'))).toBe('ok');
    expect(verdict(restriction(choice, '<xs:sequence><xs:element name="a" type="xs:int"/><xs:element name="b" type="xs:int"/><xs:element name="a" type="xs:int"/></xs:sequence>'))).toContain('rcase-MapAndSum');
    const all = '<xs:all><xs:element name="a" type="xs:int"/><xs:element name="b" type="xs:int" minOccurs="0"/></xs:all>';
    expect(verdict(restriction(all, '<xs:sequence><xs:element name="b" type="xs:int"/><xs:element name="a" type="xs:int"/></xs:sequence>'))).toBe('ok');
    expect(verdict(restriction(all, '<xs:sequence><xs:element name="b" type="xs:int"/><xs:element name="c" type="xs:int"/></xs:sequence>'))).toContain('rcase-RecurseUnordered');
    // A sequence of one element is pointless: the element restricts the all group as a group of one (Recurse).
    expect(verdict(restriction(all, '<xs:sequence><xs:element name="b" type="xs:int"/></xs:sequence>'))).toContain('the base\'s element "a" is required');
  });

  it('treats an element as a group of the base\'s kind (RecurseAsIfGroup), occurring once', () => {
    const choice = '<xs:choice minOccurs="0"><xs:element name="a" type="xs:int"/><xs:element name="b" type="xs:int"/></xs:choice>';
    expect(verdict(restriction(`<xs:sequence>${choice}<xs:element name="c" type="xs:int"/></xs:sequence>`, '<xs:sequence><xs:element name="b" type="xs:int"/><xs:element name="c" type="xs:int"/></xs:sequence>'))).toBe('ok');
    // particlesHa161: the element's minOccurs 0 stays on the element, outside the branch's 1..1.
    expect(codeOf(restriction(`<xs:sequence>${choice}</xs:sequence>`, '<xs:sequence><xs:element name="a" type="xs:int" minOccurs="0"/></xs:sequence>'))).toBe('xsd.derivation-ok-restriction');
  });

  it('lets a substitution group member restrict its head, and ignores particles of maxOccurs 0', () => {
    const extra = '<xs:element name="head" type="xs:int"/><xs:element name="member" type="xs:int" substitutionGroup="t:head"/>';
    expect(verdict(restriction('<xs:sequence><xs:element ref="t:head"/></xs:sequence>', '<xs:sequence><xs:element ref="t:member"/></xs:sequence>', extra))).toBe('ok');
    const choice = '<xs:choice><xs:element name="a" type="xs:int"/><xs:element name="b" type="xs:int"/></xs:choice>';
    expect(verdict(restriction(choice, '<xs:choice><xs:element name="a" type="xs:int" minOccurs="0" maxOccurs="0"/><xs:element name="b" type="xs:int"/></xs:choice>'))).toBe('ok');
  });

  it('lets a restriction have no content only when the base\'s is emptiable', () => {
    expect(verdict(restriction(A_STAR_B_OPT, ''))).toContain('not emptiable');
    expect(verdict(restriction('<xs:sequence><xs:element name="a" type="xs:int" minOccurs="0"/></xs:sequence>', '<xs:sequence/>'))).toBe('ok');
    expect(verdict(restriction('', '<xs:sequence><xs:element name="a" type="xs:int"/></xs:sequence>'))).toContain('the base allows no child elements');
  });

  it('restricts an extension\'s whole content: its base\'s particles, then its own', () => {
    const body = `
      <xs:complexType name="A"><xs:sequence><xs:element name="a" type="xs:int"/></xs:sequence></xs:complexType>
      <xs:complexType name="B"><xs:complexContent><xs:extension base="t:A"><xs:sequence><xs:element name="b" type="xs:int" minOccurs="0"/></xs:sequence></xs:extension></xs:complexContent></xs:complexType>
      <xs:complexType name="R"><xs:complexContent><xs:restriction base="t:B"><xs:sequence><xs:sequence><xs:element name="a" type="xs:int"/></xs:sequence></xs:sequence></xs:restriction></xs:complexContent></xs:complexType>`;
    expect(verdict(body)).toBe('ok');
    expect(codeOf(body.replace('<xs:element name="a" type="xs:int"/></xs:sequence></xs:sequence></xs:restriction>', '<xs:element name="b" type="xs:int"/></xs:sequence></xs:sequence></xs:restriction>'))).toBe('xsd.derivation-ok-restriction');
  });

  it('judges a redefined group against its original', () => {
    const set = inlineIr(`
      <xs:group name="orig"><xs:sequence><xs:element name="a" type="xs:int" maxOccurs="3"/></xs:sequence></xs:group>
      <xs:group name="ok"><xs:sequence><xs:element name="a" type="xs:int" maxOccurs="2"/></xs:sequence></xs:group>
      <xs:group name="bad"><xs:sequence><xs:element name="a" type="xs:int" maxOccurs="4"/></xs:sequence></xs:group>`);
    const index = indexSchemas(set);
    const group = (name: string) => {
      const def = index.groups.get(`{urn:t}${name}`);
      if (!def) throw new Error(`no group ${name}`);
      return def.particle;
    };
    expect(groupRestrictionFailure(group('ok'), group('orig'), index)).toBeUndefined();
    expect(groupRestrictionFailure(group('bad'), group('orig'), index)?.rcase).toBe('rcase-NameAndTypeOK');
  });

  it('stays fast on huge occurrence counts', () => {
    const base = '<xs:sequence maxOccurs="1000000000"><xs:element name="a" type="xs:int" maxOccurs="1000000000"/></xs:sequence>';
    const started = Date.now();
    expect(verdict(restriction(base, '<xs:sequence maxOccurs="999999999"><xs:element name="a" type="xs:int" minOccurs="5" maxOccurs="999999999"/></xs:sequence>'))).toBe('ok');
    expect(Date.now() - started).toBeLessThan(2000);
  });
});

describe('cos-all-limited', () => {
  const type = (content: string, extra = '') => `<xs:complexType name="T">${content}</xs:complexType>${extra}`;

  it('accepts an all group as the whole content model, directly or through a group reference', () => {
    expect(verdict(type('<xs:all minOccurs="0"><xs:element name="a" type="xs:int"/><xs:element name="b" type="xs:int" minOccurs="0"/></xs:all>'))).toBe('ok');
    expect(verdict(type('<xs:group ref="t:g" minOccurs="0"/>', '<xs:group name="g"><xs:all><xs:element name="a" type="xs:int"/></xs:all></xs:group>'))).toBe('ok');
  });

  // An xs:all written inside another group, or an element of maxOccurs 2 in one, is already
  // refused by the schema for schemas (read/check-schema-document.ts); a group reference is not.
  it('refuses an all group referenced from inside another model group', () => {
    const group = '<xs:group name="g"><xs:all><xs:element name="a" type="xs:int"/></xs:all></xs:group>';
    expect(verdict(type('<xs:choice><xs:group ref="t:g"/></xs:choice>', group))).toMatch(/^xsd\.cos-all-limited: complex type "T" has an xs:all group inside another model group/);
    expect(codeOf(`<xs:group name="h"><xs:sequence><xs:group ref="t:g"/></xs:sequence></xs:group>${group}`)).toBe('xsd.cos-all-limited');
  });

  it('refuses an all group referenced more than once', () => {
    expect(verdict(type('<xs:group ref="t:g" maxOccurs="2"/>', '<xs:group name="g"><xs:all><xs:element name="a" type="xs:int"/></xs:all></xs:group>'))).toContain('occurs at most once');
  });

  it('refuses an extension that adds content to an all group, or an all group to content (cos-ct-extends)', () => {
    const all = '<xs:complexType name="A"><xs:all><xs:element name="a" type="xs:int"/></xs:all></xs:complexType>';
    const seq = '<xs:complexType name="S"><xs:sequence><xs:element name="s" type="xs:int"/></xs:sequence></xs:complexType>';
    const extend = (base: string, content: string) => `<xs:complexType name="E"><xs:complexContent><xs:extension base="t:${base}">${content}</xs:extension></xs:complexContent></xs:complexType>`;
    expect(codeOf(all + extend('A', '<xs:sequence><xs:element name="b" type="xs:int"/></xs:sequence>'))).toBe('xsd.cos-ct-extends');
    expect(codeOf(seq + extend('S', '<xs:all><xs:element name="b" type="xs:int"/></xs:all>'))).toBe('xsd.cos-ct-extends');
    expect(verdict(all + extend('A', '<xs:attribute name="x" type="xs:int"/>'))).toBe('ok');
    expect(verdict('<xs:complexType name="N"/>' + extend('N', '<xs:all><xs:element name="b" type="xs:int"/></xs:all>'))).toBe('ok');
  });
});

describe('cos-element-consistent', () => {
  it('refuses two elements of one name with different types in one content model', () => {
    const result = verdict('<xs:complexType name="T"><xs:choice><xs:element name="a" type="xs:int"/><xs:sequence><xs:element name="a" type="xs:string"/></xs:sequence></xs:choice></xs:complexType>');
    expect(result).toMatch(/^xsd\.cos-element-consistent: complex type "T" declares element "a" twice/);
  });

  it('accepts the same named type twice, and counts the base\'s particles in an extension', () => {
    expect(verdict('<xs:complexType name="T"><xs:sequence><xs:element name="a" type="xs:int"/><xs:element name="b" type="xs:int"/><xs:element name="a" type="xs:int"/></xs:sequence></xs:complexType>')).toBe('ok');
    const body = `
      <xs:complexType name="A"><xs:sequence><xs:element name="a" type="xs:int"/></xs:sequence></xs:complexType>
      <xs:complexType name="E"><xs:complexContent><xs:extension base="t:A"><xs:sequence><xs:element name="a" type="xs:string"/></xs:sequence></xs:extension></xs:complexContent></xs:complexType>`;
    expect(codeOf(body)).toBe('xsd.cos-element-consistent');
  });

  it('refuses two anonymous types for one name, which are never the same type', () => {
    const anon = '<xs:element name="a"><xs:complexType><xs:sequence><xs:element name="x" type="xs:int"/></xs:sequence></xs:complexType></xs:element>';
    expect(codeOf(`<xs:complexType name="T"><xs:sequence>${anon}<xs:element name="b" type="xs:int"/>${anon}</xs:sequence></xs:complexType>`)).toBe('xsd.cos-element-consistent');
  });
});
