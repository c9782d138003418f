import { describe, expect, it } from 'vitest';
import { competingParticles, MAX_POSITIONS, uniqueParticleAttributionViolation, unrolledSize } from '../../../generator/src/check/particle-attribution.js';
import { SubstitutionGroups, type Term } from '../../../generator/src/check/particle-model.js';
import type { ElementDecl } from '../../../generator/src/ir/ir.js';
import { indexSchemas } from '../../../generator/src/ir/schema-index.js';
import { inlineIr } from '../../support/inline-schema.js';

/** The violation's message for a type T with the given content (and other components), or 'ok'. */
function upa(content: string, extra = ''): string {
  const set = inlineIr(`<xs:complexType name="T">${content}</xs:complexType>${extra}`);
  return uniqueParticleAttributionViolation(set, indexSchemas(set))?.message ?? 'ok';
}

const el = (name: string, occurs = '') => `<xs:element name="${name}" type="xs:int" ${occurs}/>`;

describe('Unique Particle Attribution', () => {
  it('finds two particles that compete for one element', () => {
    const message = upa(`<xs:sequence>${el('a', 'minOccurs="0"')}${el('a')}</xs:sequence>`);
    expect(message).toMatch(/^complex type "T" has an ambiguous content model: element "a" can match both element "a" \(line \d+\) and element "a"/);
    expect(upa(`<xs:choice>${el('a')}<xs:sequence>${el('a')}${el('b')}</xs:sequence></xs:choice>`)).not.toBe('ok');
  });

  it('accepts a model where the next particle is always known', () => {
    expect(upa(`<xs:sequence>${el('a')}${el('a', 'minOccurs="0"')}</xs:sequence>`)).toBe('ok');
    expect(upa(`<xs:sequence maxOccurs="unbounded">${el('a')}${el('b', 'minOccurs="0"')}</xs:sequence>`)).toBe('ok');
    // The same particle repeated never competes with itself.
    expect(upa(`<xs:sequence>${el('a', 'minOccurs="0" maxOccurs="unbounded"')}${el('b')}</xs:sequence>`)).toBe('ok');
  });

  it('counts occurrences: a{2} then a? is unambiguous, a{1,2} then a is not', () => {
    expect(upa(`<xs:sequence>${el('a', 'minOccurs="2" maxOccurs="2"')}${el('a', 'minOccurs="0"')}</xs:sequence>`)).toBe('ok');
    expect(upa(`<xs:sequence>${el('a', 'maxOccurs="2"')}${el('a')}</xs:sequence>`)).not.toBe('ok');
  });

  it('judges huge counts as their small equivalents, quickly', () => {
    const started = Date.now();
    // particlesZ033_c's shape: e1{1,5} then e1 competes whatever the outer counts.
    const model = `<xs:sequence minOccurs="557" maxOccurs="6000"><xs:sequence minOccurs="56" maxOccurs="100">${el('e1', 'minOccurs="7922" maxOccurs="10000"')}${el('e2')}</xs:sequence>${el('e2')}<xs:sequence>${el('e1', 'minOccurs="1" maxOccurs="5"')}${el('e1')}</xs:sequence></xs:sequence>`;
    expect(upa(model)).not.toBe('ok');
    expect(upa(`<xs:sequence maxOccurs="1000000000">${el('a', 'minOccurs="999999" maxOccurs="1000000"')}${el('b')}</xs:sequence>`)).toBe('ok');
    expect(Date.now() - started).toBeLessThan(2000);
  });

  it('lets a wildcard compete with an element of a namespace it allows, and with another wildcard', () => {
    expect(upa(`<xs:sequence><xs:any namespace="##targetNamespace" minOccurs="0"/>${el('a')}</xs:sequence>`)).toContain('element "a" can match both');
    expect(upa(`<xs:sequence><xs:any namespace="##other" minOccurs="0"/>${el('a')}</xs:sequence>`)).toBe('ok');
    // RFC 4826's resource-lists: two optional ##other wildcards around a choice.
    expect(upa('<xs:sequence><xs:any namespace="##other" minOccurs="0"/><xs:any namespace="##other" minOccurs="0"/></xs:sequence>')).toContain('an element can match both wildcard (##other)');
    expect(upa('<xs:sequence><xs:any namespace="urn:x" minOccurs="0"/><xs:any namespace="urn:y"/></xs:sequence>')).toBe('ok');
  });

  it('counts the members of a substitution group, but not an abstract head', () => {
    const group = '<xs:element name="head" type="xs:int" abstract="true"/><xs:element name="m" type="xs:int" substitutionGroup="t:head"/><xs:element name="head2" type="xs:int"/>';
    expect(upa(`<xs:sequence><xs:element ref="t:head" minOccurs="0"/>${el('m')}</xs:sequence>`, group)).toContain('element "m" can match both');
    expect(upa(`<xs:sequence><xs:element ref="t:head" minOccurs="0"/>${el('head')}</xs:sequence>`, group)).toBe('ok');
  });

  it('checks an extension\'s whole content: the base\'s particles, then its own', () => {
    const base = `<xs:complexType name="A"><xs:sequence>${el('a', 'minOccurs="0"')}</xs:sequence></xs:complexType>`;
    expect(upa(`<xs:complexContent><xs:extension base="t:A"><xs:sequence>${el('a')}</xs:sequence></xs:extension></xs:complexContent>`, base)).not.toBe('ok');
    expect(upa(`<xs:complexContent><xs:extension base="t:A"><xs:sequence>${el('b')}</xs:sequence></xs:extension></xs:complexContent>`, base)).toBe('ok');
  });

  it('lets the elements of an all group come in any order without competing', () => {
    expect(upa(`<xs:all>${el('a')}${el('b', 'minOccurs="0"')}${el('c')}</xs:all>`)).toBe('ok');
  });
});

describe('the capped unrolling of occurrence counts', () => {
  /** A small deterministic pseudo-random generator (mulberry32), so that a failure reproduces. */
  function random(seed: number): () => number {
    let a = seed;
    return () => {
      a = (a + 0x6d2b79f5) | 0;
      let t = Math.imul(a ^ (a >>> 15), 1 | a);
      t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
      return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
    };
  }

  const source = { file: 'random.xsd', line: 1, column: 1 };
  const declare = (name: string): ElementDecl => ({
    name: { namespace: '', name },
    type: undefined,
    abstract: false,
    nillable: false,
    block: [],
    final: [],
    default: undefined,
    fixed: undefined,
    substitutionGroup: undefined,
    identityConstraints: [],
    documentation: undefined,
    source,
  });
  const a = declare('a');
  const b = declare('b');

  /** A random model over two names, counts up to 4, three levels deep at most. */
  function model(next: () => number, depth: number): Term {
    const min = Math.floor(next() * 4);
    const roll = next();
    const max = roll < 0.15 ? Infinity : min + Math.floor(next() * 4);
    if (max === 0) return model(next, depth);
    if (depth === 0 || next() < 0.45) {
      const decl = next() < 0.5 ? a : b;
      return { kind: 'element', min, max, decl, global: false, source, origin: {} };
    }
    const kind = next() < 0.5 ? 'sequence' : 'choice';
    const size = 1 + Math.floor(next() * 3);
    return { kind, min, max, particles: Array.from({ length: size }, () => model(next, depth - 1)), source, origin: {} };
  }

  it('finds a competing pair exactly when the full unrolling does', () => {
    const groups = new SubstitutionGroups(indexSchemas({ schemas: [] }));
    const next = random(21);
    let compared = 0;
    for (let i = 0; i < 400; i++) {
      const m = model(next, 3);
      // Models too large to unroll in full are not compared (the full check gives up on them).
      if (unrolledSize(m, 1_000) > MAX_POSITIONS) continue;
      const full = competingParticles(m, groups, 1_000);
      expect(competingParticles(m, groups) === undefined, JSON.stringify(m, (k, v) => (k === 'decl' ? v.name.name : k === 'source' || k === 'origin' ? undefined : v))).toBe(full === undefined);
      compared++;
    }
    expect(compared).toBeGreaterThan(300);
  });
});
