/**
 * The schemas say what they mean: libxml2, the reference validator, accepts every document
 * under schemas/examples/valid and rejects every one under schemas/examples/invalid. (Our own
 * validator joins this comparison with the parser work; until then this proves the XSDs that
 * everything else is generated from.)
 */
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { Libxml2Oracle } from '../../scripts/libxml2-oracle.js';
import { SCHEMAS_DIR } from '../support/paths.js';

const oracle = new Libxml2Oracle();
afterAll(() => oracle.dispose());

const examples = (kind: 'valid' | 'invalid') =>
  readdirSync(path.join(SCHEMAS_DIR, 'examples', kind), { recursive: true, encoding: 'utf8' })
    .filter((f) => f.endsWith('.xml'))
    .sort()
    .map((f) => [path.join('examples', kind, f), path.join(SCHEMAS_DIR, 'examples', kind, f)]);


/**
 * Why each invalid example is invalid: a piece of libxml2's first message. An invalid example
 * that fails for another reason than the one it is named after proves nothing, so each one
 * must be listed here.
 */
const EXPECTED_FAULT: Record<string, string> = {
  'app-event-missing-index.xml': "location-shared': The attribute 'index' is required",
  'appendix-m-verbatim.xml': "XML declaration allowed only at the start",
  'braces-in-element-name.xml': "error parsing attribute name",
  'contribution-id-before-conversation-id.xml': "conversation-id': This element is not expected",
  'cpm-evfw-without-namespace.xml': "Element 'cpm-evfw': No matching global declaration",
  'curly-quote-attribute-delimiters.xml': "AttValue: \" or ' expected",
  'curly-quote-closing-value.xml': "attributes construct error",
  'duplicate-index.xml': "Duplicate key-sequence",
  'empty-cpm-evfw.xml': "cpm-evfw': Missing child element(s)",
  'event-cpm-imap-as-root.xml': "event-cpm-imap': No matching global declaration",
  'event-without-operation.xml': "event-cpm-imap': Missing child element(s)",
  'evfw-extension-placeholder.xml': "extension-elements-per-object-here': This element is not expected",
  'extension-before-cpm-children.xml': "message-id': This element is not expected",
  'extension-before-operation.xml': "batch-info': This element is not expected",
  'extension-in-operation.xml': "note': This element is not expected",
  'flags-list.xml': "attribute 'flags': [facet 'enumeration']",
  'flags-lowercase.xml': "The value '\\seen' is not an element",
  'flags-without-backslash.xml': "The value 'Seen' is not an element",
  'imdn/datetime-missing.xml': "delivery-notification': This element is not expected",
  'imdn/displayed-in-delivery-notification.xml': "displayed': This element is not expected",
  'imdn/recipient-uri-without-original.xml': "delivery-notification': This element is not expected",
  'imdn/status-empty.xml': "status': Missing child element(s)",
  'imdn/two-notifications.xml': "display-notification': This element is not expected",
  'imdn/unknown-imdn-element.xml': "read-at': This element is not expected",
  'message-id-twice.xml': "message-id': This element is not expected",
  'missing-index.xml': "The attribute 'index' is required but missing",
  'missing-type.xml': "The attribute 'type' is required but missing",
  'object-text-content.xml': "Character content other than whitespace is not allowed",
  'object-unknown-attribute.xml': "The attribute 'read' is not allowed",
  'operation-flag-misspelled.xml': "The attribute 'flag' is not allowed",
  'operation-missing-name.xml': "The attribute 'name' is required but missing",
  'operation-name-remove.xml': "The value 'remove' is not an element",
  'operation-without-object.xml': "operation': Missing child element(s)",
  'other-party-twice.xml': "other-party': This element is not expected",
  'report-data-wrapper.xml': "report-data': This element is not expected",
  'self-closed-operation-then-end-tag.xml': "Opening and ending tag mismatch: event-cpm-imap line 4 and operation",
  'tab-before-xml-declaration.xml': "XML declaration allowed only at the start",
  'type-unknown.xml': "The value 'keywords' is not an element",
  'unclosed-element.xml': "Opening and ending tag mismatch: object line 8 and operation",
  'unknown-evfw-element.xml': "event-cpm-presence': This element is not expected",
  'unqualified-extension-event.xml': "Element 'location-shared': This element is not expected",
  'unquoted-attribute-value.xml': "AttValue: \" or ' expected",
};

describe('schemas/examples', () => {
  it('has valid and invalid samples', () => {
    expect(examples('valid').length).toBeGreaterThanOrEqual(10);
    expect(examples('invalid').length).toBeGreaterThanOrEqual(20);
  });

  it.each(examples('valid'))('%s is valid', (_name, file) => {
    expect(oracle.verdict(readFileSync(file!, 'utf8'))).toBeUndefined();
  });

  it.each(examples('invalid'))('%s is invalid for the reason it is named after', (name, file) => {
    const fault = EXPECTED_FAULT[path.relative(path.join('examples', 'invalid'), name!).split(path.sep).join('/')];
    expect(fault, `${name} has no entry in EXPECTED_FAULT: say which fault it isolates`).toBeDefined();
    expect(oracle.verdict(readFileSync(file!, 'utf8'))).toContain(fault);
  });
});
