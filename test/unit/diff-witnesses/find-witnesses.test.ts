/**
 * The witnesses of `evfw diff`: for each class of change that shows in documents, a document
 * valid under one version and refused by the other, where the change shows. Each witness is
 * checked with both validators, evfw and libxml2, so a witness proves the classification and
 * not a quirk of ours.
 */
import { afterAll, describe, expect, it } from 'vitest';
import { findWitnesses, type WitnessResult } from '@evfw/generator/diff';
import type { SchemaChange, Witness } from '../../../generator/src/diff/schema-change.js';
import { diffSchemas } from '../../../generator/src/index.js';
import { parseDocument } from '../../../runtime/src/document.js';
import { schemaVersions, type SchemaVersions, NS } from '../../support/schema-versions.js';
import { CHANGE_CASES, handMadeChange } from './change-cases.js';

const opened: SchemaVersions[] = [];
afterAll(() => opened.forEach((v) => v.dispose()));

function versions(before: string, after: string): SchemaVersions {
  const v = schemaVersions(before, after);
  opened.push(v);
  return v;
}

function firstError(versions: SchemaVersions, under: 'before' | 'after', document: string) {
  return parseDocument(versions[under].registry, undefined, document).diagnostics.find((d) => d.severity === 'error');
}

describe('findWitnesses proves each class of change with both validators', () => {
  it.each(CHANGE_CASES.map((c) => [`${c.kind}: ${c.title}`, c] as const))('%s', (_, c) => {
    const v = versions(c.before, c.after);
    // The change as the comparison reports it; its wording is not what is tested here.
    const reported = diffSchemas(v.before.ir, v.after.ir).filter((x) => x.paths.length > 0);
    expect(reported.map((x) => [x.kind, x.paths])).toEqual([[c.kind, c.paths]]);
    const change = reported[0]!;
    const [result] = findWitnesses(v.before.ir, v.after.ir, [change], { seed: 7 });
    expect(result!.change).toBe(change);
    const sides = [...(c.producers ? (['before'] as const) : []), ...(c.consumers ? (['after'] as const) : [])];
    expect(result!.witnesses.map((w) => w.validUnder)).toEqual(sides);
    expect(result!.witness).toBe(result!.witnesses[0]);
    if (c.unproved) expect(result!.none).toMatch(new RegExp(`^${c.unproved}: no document found in \\d+ tries$`));
    else expect(result!.none).toBeUndefined();
    for (const witness of result!.witnesses) {
      const other = witness.validUnder === 'before' ? 'after' : 'before';
      const expected = witness.validUnder === 'before' ? c.producers : c.consumers;
      // evfw: valid under its version, refused by the other with the code reported.
      expect(firstError(v, witness.validUnder, witness.document), witness.document).toBeUndefined();
      const refusal = firstError(v, other, witness.document);
      expect(refusal?.code, witness.document).toBe(expected);
      expect(witness.rejection).toEqual({ code: refusal!.code, message: refusal!.message, line: refusal!.line, column: refusal!.column, path: refusal!.path });
      expect(witness.root).toBe(`{${NS}}root`);
      // libxml2 agrees.
      expect(v[witness.validUnder].oracle.verdict(witness.document), witness.document).toBeUndefined();
      expect(v[other].oracle.verdict(witness.document), witness.document).toBeDefined();
    }
  });
});

describe('changes with no witness', () => {
  const plain = `<xs:element name="root"><xs:complexType><xs:sequence><xs:element name="a" type="xs:string"/></xs:sequence></xs:complexType></xs:element>`;

  /** The one change diffSchemas reports between the two bodies, with its witness result. */
  function only(before: string, after: string): WitnessResult {
    const v = versions(before, after);
    const changes = diffSchemas(v.before.ir, v.after.ir);
    expect(changes).toHaveLength(1);
    return findWitnesses(v.before.ir, v.after.ir, changes)[0]!;
  }

  it('documentation only: none, and no witness', () => {
    const result = only(plain, plain.replace('<xs:complexType>', '<xs:annotation><xs:documentation>The root.</xs:documentation></xs:annotation><xs:complexType>'));
    expect(result.change.kind).toBe('documentation-changed');
    expect(result).toEqual({ change: result.change, witnesses: [], none: expect.stringMatching(/^documentation only/) });
  });

  it('an unused type added: none, and no witness', () => {
    const result = only(plain, `${plain}<xs:simpleType name="unused"><xs:restriction base="xs:string"/></xs:simpleType>`);
    expect(result.change.kind).toBe('type-added');
    expect(result).toEqual({ change: result.change, witnesses: [], none: expect.stringMatching(/no document shows it/) });
  });

  it('an unused type narrowed: none, and no witness, though the change narrows the type', () => {
    const unused = (length: number) => `${plain}<xs:simpleType name="unused"><xs:restriction base="xs:string"><xs:maxLength value="${length}"/></xs:restriction></xs:simpleType>`;
    const result = only(unused(20), unused(5));
    expect(result.change.kind).toBe('facet-tightened');
    expect(result).toEqual({ change: result.change, witnesses: [], none: expect.stringMatching(/no document shows it/) });
  });

  it('a side claimed but never shown: the search runs out within its budget and says so', () => {
    const c = CHANGE_CASES.find((x) => x.title === 'an optional element added')!;
    const v = versions(c.before, c.after);
    // Adding an optional element breaks no producer: every old document is still valid.
    const change: SchemaChange = { ...handMadeChange(c), producers: 'breaking' };
    const [result] = findWitnesses(v.before.ir, v.after.ir, [change], { budget: 60 });
    expect(result!.witnesses.map((w) => w.validUnder)).toEqual(['after']);
    const tries = Number(/producers: no document found in (\d+) tries/.exec(result!.none ?? '')?.[1]);
    expect(tries).toBeGreaterThan(0);
    expect(tries).toBeLessThanOrEqual(30);
  });
});

describe('the search', () => {
  it('gives the same witnesses for the same seed, whatever else is searched', () => {
    const c = CHANGE_CASES.find((x) => x.title === 'an element renamed')!;
    const other = CHANGE_CASES.find((x) => x.title === 'a required attribute renamed')!;
    const v = versions(c.before, c.after);
    const documents = (results: WitnessResult[]) => results[0]!.witnesses.map((w: Witness) => w.document);
    const alone = documents(findWitnesses(v.before.ir, v.after.ir, [handMadeChange(c)], { seed: 3 }));
    const again = documents(findWitnesses(v.before.ir, v.after.ir, [handMadeChange(c)], { seed: 3 }));
    const behind = findWitnesses(v.before.ir, v.after.ir, [handMadeChange(other), handMadeChange(c)], { seed: 3 });
    expect(alone).toHaveLength(2);
    expect(again).toEqual(alone);
    expect(documents(behind.slice(1))).toEqual(alone);
  });

  it('attributes a refusal to its own change only: a refusal elsewhere proves nothing', () => {
    // A required element and a required attribute are added: every old document is refused at
    // <root>, and none of that proves a change said to show at /root/a/@z.
    const c = CHANGE_CASES.find((x) => x.title === 'a required element added')!;
    const v = versions(c.before, c.after.replace('</xs:sequence>', '</xs:sequence><xs:attribute name="x" type="xs:string" use="required"/>'));
    const elsewhere: SchemaChange = { ...handMadeChange(c), paths: ['/root/a/@z'], producers: 'breaking', consumers: 'none' };
    const [result] = findWitnesses(v.before.ir, v.after.ir, [elsewhere], { budget: 20 });
    expect(result!.witnesses).toEqual([]);
    expect(result!.none).toMatch(/no document found in \d+ tries/);
  });
});
