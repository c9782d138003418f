/**
 * validateObject against the XML validator, as properties on our three namespaces:
 *
 * - the default-built document and every arbitrary document (runtime/src/testing, through the
 *   generated arbitraries) are accepted by validateObject, with no diagnostic;
 * - every object mutant (test/support/object-mutants.ts: one per representable fault kind that
 *   applies, D-68) is refused by validateObject, and its first diagnostic has the code the XML
 *   validator reports first for the same object written as XML.
 *
 * Each property runs with a fixed seed and a random one; EVFW_SEED replays a failing seed.
 */
import path from 'node:path';
import fc from 'fast-check';
import { afterAll, describe, expect, it } from 'vitest';
import { documents as appDocuments } from '../../generated/src/example-app-event.arbitraries.js';
import { build as appBuild } from '../../generated/src/example-app-event.build.js';
import { validateObjectLocationShared } from '../../generated/src/example-app-event.object.js';
import { documents as cpmDocuments } from '../../generated/src/cpm-evfw.arbitraries.js';
import { build as cpmBuild } from '../../generated/src/cpm-evfw.build.js';
import { validateObjectCpmEvfw } from '../../generated/src/cpm-evfw.object.js';
import { documents as imdnDocuments } from '../../generated/src/imdn.arbitraries.js';
import { build as imdnBuild } from '../../generated/src/imdn.build.js';
import { validateObjectImdn } from '../../generated/src/imdn.object.js';
import { registry } from '../../generated/src/registry.js';
import type { Diagnostic } from '../../runtime/src/diagnostics.js';
import { parseDocument } from '../../runtime/src/document.js';
import { ModelWriter } from '../../runtime/src/model/to-xml.js';
import { writeXml } from '../../runtime/src/xml/write-xml.js';
import { JsonSchemaBuilder } from '../../generator/src/emit/json-schema/json-schema-builder.js';
import { newAjv } from '../../generator/src/emit/json-schema/standalone-validator.js';
import { buildIr, schemaDescriptors } from '../../generator/src/index.js';
import { objectDiagnostics, type ObjectValidator } from '../../runtime/src/object/object-diagnostics.js';
import { SchemaRegistry } from '../../runtime/src/schema/registry.js';
import { defaultDocument, documentArbitrary, type ArbitraryOptions } from '../../runtime/src/testing/index.js';
import { assertProperty } from '../support/fixture-properties.js';
import { OBJECT_FAULT_KINDS, objectMutants, type ObjectFaultKind } from '../support/object-mutants.js';

const FILE = 'test/properties/json-schema.test.ts';
const RUNS = 250;
const SIZES: ArbitraryOptions = { maxOccurs: 3, maxDepth: 3 };

interface Case {
  readonly name: string;
  readonly key: string;
  readonly build: () => unknown;
  readonly documents: (options?: ArbitraryOptions) => fc.Arbitrary<unknown>;
  readonly validateObject: (value: unknown) => Diagnostic[];
  readonly registry?: SchemaRegistry;
  readonly runs?: number;
}

const CASES: readonly Case[] = [
  { name: 'cpm-evfw', key: '{urn:oma:xml:cpm:evfw}cpm-evfw', build: () => cpmBuild.cpmEvfw(), documents: cpmDocuments.cpmEvfw, validateObject: validateObjectCpmEvfw },
  { name: 'imdn', key: '{urn:ietf:params:xml:ns:imdn}imdn', build: () => imdnBuild.imdn(), documents: imdnDocuments.imdn, validateObject: validateObjectImdn },
  { name: 'example-app-event', key: '{urn:example:evfw:app:location-shared}location-shared', build: () => appBuild.locationShared(), documents: appDocuments.locationShared, validateObject: validateObjectLocationShared },
];

/**
 * features.xsd (every built-in type, facets, lists, unions, xs:all, bounded repetitions): its
 * JSON Schema built in memory by the generator's builder and compiled by ajv in the test.
 */
const FEATURES_ROOT = '{urn:evfw:test:features}features';
const featuresIr = buildIr([path.join(import.meta.dirname, 'features.xsd')], { rootDir: import.meta.dirname });
const featuresDescriptors = schemaDescriptors(featuresIr);
const featuresRegistry = new SchemaRegistry(featuresDescriptors);
const featuresOwn = featuresDescriptors.find((d) => d.namespace === 'urn:evfw:test:features')!;
const featuresSchema = new JsonSchemaBuilder(featuresDescriptors, featuresOwn, new Map()).build('features', undefined).schema;
const featuresAjv = newAjv();
featuresAjv.addSchema(featuresSchema);
const featuresValidator = featuresAjv.getSchema(`${featuresSchema.$id as string}#/$defs/element.features`)! as unknown as ObjectValidator;

const FEATURES: Case = {
  name: 'features.xsd',
  key: FEATURES_ROOT,
  registry: featuresRegistry,
  build: () => defaultDocument(featuresRegistry, FEATURES_ROOT),
  documents: (options) => documentArbitrary(featuresRegistry, FEATURES_ROOT, options),
  validateObject: (value) => objectDiagnostics(featuresRegistry, FEATURES_ROOT, featuresValidator, value),
  // Its documents are large: fewer cases keep the file quick.
  runs: 60,
};

const made = new Map<ObjectFaultKind, number>();
let cases = 0;
let readAsOtherBranch = 0;
let nonFinite = 0;

function holdsNonFinite(value: unknown): boolean {
  if (typeof value === 'number') return !Number.isFinite(value);
  if (Array.isArray(value)) return value.some(holdsNonFinite);
  return typeof value === 'object' && value !== null && Object.values(value).some(holdsNonFinite);
}

function expectMutantsRefused(c: Case, value: unknown, picks: readonly number[]): void {
  let i = 0;
  const r = c.registry ?? registry;
  for (const m of objectMutants(r, c.key, value, (n) => picks[i++ % picks.length]! % n)) {
    made.set(m.kind, (made.get(m.kind) ?? 0) + 1);
    const xml = parseDocument(r, c.key, m.xml).diagnostics.find((d) => d.severity === 'error');
    const ours = c.validateObject(m.value);
    if (xml === undefined) {
      // The XML of the object is valid: its elements read as another branch of a choice (D-68).
      // Not a fault in XML, so nothing to compare; validateObject still refuses the object.
      readAsOtherBranch++;
      expect(ours, m.xml).not.toEqual([]);
      continue;
    }
    const context = `${m.kind} at ${m.path}: XML says ${xml ? `${xml.code}: ${xml.message}` : 'valid'}; validateObject says ${JSON.stringify(ours)}\n${m.xml}`;
    expect(ours[0]?.code, context).toBe(xml.code);
  }
}

describe.each([...CASES, FEATURES])('validateObject for $name', (c) => {
  it('accepts the default-built document', () => {
    expect(c.validateObject(c.build())).toEqual([]);
  });

  it(`accepts arbitrary documents and refuses their representable mutants with the XML validator's code (${c.runs ?? RUNS} cases per seed)`, () => {
    assertProperty(
      fc.tuple(c.documents(SIZES), fc.array(fc.nat(), { minLength: OBJECT_FAULT_KINDS.length, maxLength: OBJECT_FAULT_KINDS.length })),
      ([value, picks]) => {
        cases++;
        if (holdsNonFinite(value)) {
          // INF, -INF and NaN of xs:float and xs:double have no JSON form (D-67): refused as datatype faults.
          nonFinite++;
          expect(c.validateObject(value).every((d) => d.code === 'evfw.value.datatype' || d.code === 'evfw.attribute.datatype')).toBe(true);
          return;
        }
        expect(c.validateObject(value), JSON.stringify(value)).toEqual([]);
        expectMutantsRefused(c, value, picks);
      },
      c.runs ?? RUNS,
      FILE,
    );
  });

  it('refuses the mutants of the default-built document with the same codes', () => {
    expectMutantsRefused(c, c.build(), [0]);
  });
});

describe('what JSON Schema states beyond required properties', () => {
  it("IMDN's recipient-uri and original-recipient-uri come together or not at all (dependentRequired), with the XML validator's code", () => {
    const both = imdnBuild.imdn({ recipientUri: 'sip:a@example.com', originalRecipientUri: 'sip:b@example.com' });
    expect(validateObjectImdn(both)).toEqual([]);
    for (const drop of ['recipientUri', 'originalRecipientUri'] as const) {
      const one: Record<string, unknown> = { ...both };
      delete one[drop];
      const root = registry.element('{urn:ietf:params:xml:ns:imdn}imdn')!;
      const writer = new ModelWriter(registry);
      const xml = writeXml(writer.element(root, one, 'imdn'), { prefixes: (ns) => registry.preferredPrefix(ns) });
      const expected = parseDocument(registry, '{urn:ietf:params:xml:ns:imdn}imdn', xml).diagnostics[0];
      const ours = validateObjectImdn(one);
      expect(ours.map((d) => [d.code, d.path]), xml).toEqual([[expected?.code, `/${drop}`]]);
    }
  });
});

describe('the object mutants', () => {
  afterAll(() => {
    // Reported for the record: how many documents and mutants the properties went through.
    console.info(`json-schema properties: ${cases} documents; mutants ${JSON.stringify(Object.fromEntries(made))}; ${readAsOtherBranch} whose XML reads as another branch; ${nonFinite} documents with INF or NaN`);
  });

  it('include every representable kind our schemas have a place for', () => {
    // No schema here has an enumerated element value outside a union (unions are not mutated).
    expect(OBJECT_FAULT_KINDS.filter((k) => !made.has(k) && k !== 'value-outside-enumeration')).toEqual([]);
  });
});
