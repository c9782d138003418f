/**
 * Witnesses on our own schemas, where they are harder to find than on the small pairs: the
 * changes sit up to four elements deep, in choices and optional groups, and a new version
 * holds several of them at once, so a document drawn for one change is often refused first
 * for another. Every witness must still be refused where its own change shows, by evfw and by
 * libxml2 alike.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { findWitnesses } from '@evfw/generator/diff';
import { attributable } from '../../../generator/src/diff/witnesses/witness-attribution.js';
import type { ChangeKind, SchemaChange } from '../../../generator/src/diff/schema-change.js';
import { diffSchemas } from '../../../generator/src/index.js';
import type { DiagnosticCode } from '../../../runtime/src/diagnostics.js';
import { parseDocument } from '../../../runtime/src/document.js';
import { SCHEMAS_DIR } from '../../support/paths.js';
import { schemaFileVersions } from '../../support/schema-versions.js';

const OBJECT = '/cpm-evfw/event-cpm-imap/operation/object';
const LOCATION = '/location-shared';

interface Edit {
  readonly kind: ChangeKind;
  readonly find: string | RegExp;
  readonly replace: string;
  readonly paths: readonly string[];
  readonly producers?: DiagnosticCode;
  readonly consumers?: DiagnosticCode;
}

interface EditedSchema {
  readonly file: string;
  readonly namespace: string;
  /** The new version: each edit one change, all applied to one copy of the file. */
  readonly edits: readonly Edit[];
}

/**
 * Each edit with the code a witness is refused with on each side it proves. `kind` names the
 * edit; the change tested is the one diffSchemas reports at the edit's path.
 */
const SCHEMAS: readonly EditedSchema[] = [
  {
    file: 'cpm-evfw.xsd',
    namespace: 'urn:oma:xml:cpm:evfw',
    edits: [
      { kind: 'enumeration-value-added', find: '<xs:enumeration value="\\Deleted">', replace: '<xs:enumeration value="\\Flagged"/><xs:enumeration value="\\Deleted">', paths: ['/cpm-evfw/event-cpm-imap/operation/@flags'], consumers: 'evfw.attribute.enum' },
      { kind: 'enumeration-value-added', find: '<xs:enumeration value="add">', replace: '<xs:enumeration value="remove"/><xs:enumeration value="add">', paths: ['/cpm-evfw/event-cpm-imap/operation/@name'], consumers: 'evfw.attribute.enum' },
      { kind: 'cardinality-narrowed', find: '<xs:element name="operation" type="evfw:operation" maxOccurs="unbounded">', replace: '<xs:element name="operation" type="evfw:operation" maxOccurs="2">', paths: ['/cpm-evfw/event-cpm-imap/operation'], producers: 'evfw.content.unexpected' },
      { kind: 'made-required', find: '<xs:attribute name="uid" type="xs:string">', replace: '<xs:attribute name="uid" type="xs:string" use="required">', paths: [`${OBJECT}/@uid`], producers: 'evfw.attribute.required' },
      { kind: 'type-changed', find: /<xs:attribute name="folder-path" type="xs:string">[\s\S]*?<\/xs:attribute>/, replace: '<xs:attribute name="folder-path"><xs:simpleType><xs:restriction base="xs:string"><xs:maxLength value="4"/></xs:restriction></xs:simpleType></xs:attribute>', paths: [`${OBJECT}/@folder-path`], producers: 'evfw.attribute.facet' },
      { kind: 'element-removed', find: /<xs:element name="contribution-id" type="xs:string" minOccurs="0">[\s\S]*?<\/xs:element>/, replace: '', paths: [`${OBJECT}/contribution-id`], producers: 'evfw.content.unexpected' },
      { kind: 'attribute-added', find: '<xs:attribute name="index" type="xs:string" use="required">', replace: '<xs:attribute name="priority" type="xs:int"/><xs:attribute name="index" type="xs:string" use="required">', paths: ['/cpm-evfw/event-cpm-imap/@priority'], consumers: 'evfw.attribute.unknown' },
    ],
  },
  {
    file: 'example-app-event.xsd',
    namespace: 'urn:example:evfw:app:location-shared',
    edits: [
      { kind: 'facet-tightened', find: '<xs:maxInclusive value="90"/>', replace: '<xs:maxInclusive value="45"/>', paths: [`${LOCATION}/position/@latitude`], producers: 'evfw.attribute.facet' },
      { kind: 'facet-loosened', find: '<xs:maxLength value="32"/>', replace: '<xs:maxLength value="64"/>', paths: [`${LOCATION}/label`], consumers: 'evfw.value.facet' },
      { kind: 'made-required', find: '<xs:attribute name="moving" type="xs:boolean">', replace: '<xs:attribute name="moving" type="xs:boolean" use="required">', paths: [`${LOCATION}/@moving`], producers: 'evfw.attribute.required' },
      { kind: 'element-removed', find: /<xs:element name="shared-with" type="xs:anyURI" minOccurs="0">[\s\S]*?<\/xs:element>/, replace: '', paths: [`${LOCATION}/shared-with`], producers: 'evfw.content.unexpected' },
    ],
  },
  {
    file: 'imdn.xsd',
    namespace: 'urn:ietf:params:xml:ns:imdn',
    edits: [
      { kind: 'element-removed', find: /<xs:element name="stored" type="imdn:empty">[\s\S]*?<\/xs:element>/, replace: '', paths: ['/imdn/processing-notification/status/stored'], producers: 'evfw.content.unexpected' },
      { kind: 'made-required', find: '<xs:element name="subject" type="xs:string" minOccurs="0">', replace: '<xs:element name="subject" type="xs:string">', paths: ['/imdn/subject'], producers: 'evfw.content.missing' },
      { kind: 'type-changed', find: '<xs:element name="datetime" type="xs:string">', replace: '<xs:element name="datetime" type="xs:dateTime">', paths: ['/imdn/datetime'], producers: 'evfw.value.datatype' },
    ],
  },
];

function edited(schema: EditedSchema, text: string): string {
  return schema.edits.reduce((out, edit) => {
    const next = out.replace(edit.find, edit.replace);
    if (next === out) throw new Error(`the edit for ${edit.kind} ${edit.paths[0]} no longer matches ${schema.file}: update it`);
    return next;
  }, text);
}

describe.each(SCHEMAS.map((s) => [s.file, s] as const))('witnesses on %s with several changes at once', (_, schema) => {
  const original = readFileSync(path.join(SCHEMAS_DIR, schema.file), 'utf8');
  const versions = schemaFileVersions(original, edited(schema, original), schema.namespace, schema.file);
  afterAll(() => versions.dispose());
  const changes = diffSchemas(versions.before.ir, versions.after.ir);
  const results = findWitnesses(versions.before.ir, versions.after.ir, changes, { seed: 11 });
  const shows = (c: SchemaChange) => c.producers !== 'none' || c.consumers !== 'none';

  it('the comparison reports each edit where it was made', () => {
    expect(new Set(changes.filter(shows).map((c) => c.paths[0]))).toEqual(new Set(schema.edits.map((e) => e.paths[0])));
  });

  it.each(schema.edits.map((e) => [`${e.kind} ${e.paths[0]}`, e] as const))('%s', (_, edit) => {
    const result = results.find((r) => r.change.paths[0] === edit.paths[0] && shows(r.change))!;
    expect(result.none).toBeUndefined();
    expect(result.witnesses.map((w) => w.validUnder)).toEqual([...(edit.producers ? ['before'] : []), ...(edit.consumers ? ['after'] : [])]);
    for (const witness of result.witnesses) {
      const other = witness.validUnder === 'before' ? 'after' : 'before';
      const refusal = parseDocument(versions[other].registry, undefined, witness.document).diagnostics.find((d) => d.severity === 'error');
      expect(parseDocument(versions[witness.validUnder].registry, undefined, witness.document).ok, witness.document).toBe(true);
      expect(refusal?.code, witness.document).toBe(witness.validUnder === 'before' ? edit.producers : edit.consumers);
      expect(attributable(refusal!, result.change.kind, result.change.paths, witness.document)).toBe(true);
      expect(versions[witness.validUnder].oracle.verdict(witness.document), witness.document).toBeUndefined();
      expect(versions[other].oracle.verdict(witness.document), witness.document).toBeDefined();
    }
  });

  it('changes no document shows have no witness and say why', () => {
    for (const result of results.filter((r) => !shows(r.change))) {
      expect(result.witnesses).toEqual([]);
      expect(result.none).toBeDefined();
    }
  });
});
