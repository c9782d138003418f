/**
 * Every value whose prose type is a CPIM Token (RFC 5438 section 6.3's Message-ID, Token =
 * 1*TOKENCHAR), in each place the schemas allow it, checked in the spec and invite profiles:
 * empty, blank, a space inside, a separator, non-ASCII, a control, and valid ones (issue 19,
 * item 7). The Token values:
 * - <message-id> of a cpm-evfw <object> (6.7.5.1: "the syntax defined in [RFC5438] section
 *   6.3"), before <other-party>, after it (D-5), or alone: rule message-id-token;
 * - <message-id> of an IMDN (RFC 5438 section 11.1: "the Message-ID header field value"):
 *   rule imdn-message-id-token.
 * <conversation-id> and <contribution-id> are "of type String" in 6.7.5.1, and example-app-event
 * has no Token value (its place-id is an xs:token with a pattern of its own), so none is here.
 *
 * An empty value is one fault with one diagnostic: message-id-token reports it unless a rule
 * already refused the <object> (object-identifiable or invite-message-id, whose messages say
 * "not empty" themselves).
 *
 * The registry is built from schemas/ and the rules files as they are, not from generated/, so
 * the test checks the rules files without waiting for a regeneration.
 */
import { describe, expect, it } from 'vitest';
import { parseDocument, type Profile } from '../../../runtime/src/index.js';
import { ownSchemaFiles, SCHEMAS_DIR } from '../../support/paths.js';
import { schemaDescriptorsFor } from '../../support/schema-sets.js';

const { registry } = schemaDescriptorsFor(ownSchemaFiles(), SCHEMAS_DIR);

const OBJECT = '/cpm-evfw/event-cpm-imap[1]/operation[1]/object[1]';

const document = (object: string) =>
  `<cpm-evfw xmlns="urn:oma:xml:cpm:evfw"><event-cpm-imap type="flags" index="1"><operation name="add" flags="\\Seen">${object}</operation></event-cpm-imap></cpm-evfw>`;

const imdn = (messageId: string) =>
  `<imdn xmlns="urn:ietf:params:xml:ns:imdn"><message-id>${messageId}</message-id><datetime>2024-05-02T10:15:00Z</datetime>` +
  '<delivery-notification><status><delivered/></status></delivery-notification></imdn>';

/** The places of a Token value: the document with the value written there. */
const PLACES = {
  'cpm-evfw: message-id before other-party': (value: string) =>
    document(`<object uid="1" folder-path="a"><message-id>${value}</message-id><other-party>tel:+15145554321</other-party></object>`),
  'cpm-evfw: message-id after other-party': (value: string) =>
    document(`<object uid="1" folder-path="a"><other-party>tel:+15145554321</other-party><message-id>${value}</message-id></object>`),
  'cpm-evfw: message-id alone': (value: string) => document(`<object uid="1" folder-path="a"><message-id>${value}</message-id></object>`),
};

const found = (xml: string, profile: Profile) =>
  parseDocument(registry, undefined, xml, { profile }).diagnostics.map((d) => `${d.code} ${d.path.replace(OBJECT, '<object>')}`);

const TOKEN_ERROR = 'evfw.rule.message-id-token <object>/message-id[1]';

/** value, then what spec and invite report. */
const CASES: readonly (readonly [string, string, readonly string[], readonly string[]])[] = [
  ['valid', '7QsgkAl8QZvr9XPFtiiCtLj3sls0oPof', [], []],
  ['valid, every kind of TOKENCHAR (& written &amp;)', "!#$%&amp;'*+-.09AZ^_`az{|}~", [], []],
  ['valid, surrounding white space collapsed (xs:token)', '  m-1 ', [], []],
  // In invite, invite-message-id refuses the object for the empty <message-id>: the Token rule is then silent.
  ['empty', '', [TOKEN_ERROR], ['evfw.rule.invite-message-id <object>']],
  ['blank', ' \t\n ', [TOKEN_ERROR], ['evfw.rule.invite-message-id <object>']],
  ['a space inside', 'm 1', [TOKEN_ERROR], [TOKEN_ERROR]],
  ['a separator', 'm:1', [TOKEN_ERROR], [TOKEN_ERROR]],
  ['another separator', 'm@example.com', [TOKEN_ERROR], [TOKEN_ERROR]],
  ['a quote', 'm"1', [TOKEN_ERROR], [TOKEN_ERROR]],
  ['non-ASCII', 'mé1', [TOKEN_ERROR], [TOKEN_ERROR]],
  ['a control (DEL, which XML 1.0 allows)', 'm\u007f1', [TOKEN_ERROR], [TOKEN_ERROR]],
];

describe.each(Object.entries(PLACES))('%s', (_, place) => {
  it.each(CASES)('%s', (_case, value, spec, invite) => {
    const xml = place(value);
    expect(found(xml, 'xsd')).toEqual([]);
    expect(found(xml, 'spec')).toEqual(spec);
    expect(found(xml, 'invite')).toEqual(invite);
  });
});

describe('imdn: message-id', () => {
  const IMDN_ERROR = 'evfw.rule.imdn-message-id-token /imdn/message-id[1]';
  // No other rule reads an IMDN: an empty value is this rule's in both profiles.
  it.each(CASES)('%s', (_case, value, spec) => {
    const xml = imdn(value);
    const expected = spec.length === 0 ? [] : [IMDN_ERROR];
    expect(found(xml, 'xsd')).toEqual([]);
    expect(found(xml, 'spec')).toEqual(expected);
    expect(found(xml, 'invite')).toEqual(expected);
  });
});

describe('an empty <message-id> is reported once', () => {
  it('an object identified by uid and folder-path with an empty <message-id> is refused in spec', () => {
    const xml = document('<object uid="1" folder-path="a"><message-id></message-id></object>');
    const result = parseDocument(registry, undefined, xml, { profile: 'spec' });
    expect(result.ok).toBe(false);
    expect(result.diagnostics.map((d) => [d.code, d.message.startsWith('<message-id> "" is not an IMDN Message-ID')])).toEqual([['evfw.rule.message-id-token', true]]);
  });

  it('by object-identifiable when it refuses the object for it, not by the Token rule too', () => {
    const xml = document('<object><conversation-id>c</conversation-id><contribution-id>d</contribution-id><message-id/></object>');
    expect(found(xml, 'spec')).toEqual(['evfw.rule.object-identifiable <object>']);
    expect(found(xml, 'invite')).toEqual(['evfw.rule.object-identifiable <object>', 'evfw.rule.invite-message-id <object>']);
  });

  it('but a Token that is wrong, not empty, is its own fault and reported beside object-identifiable', () => {
    const xml = document('<object><conversation-id>c</conversation-id><message-id>m 1</message-id></object>');
    expect(found(xml, 'spec')).toEqual(['evfw.rule.object-identifiable <object>', TOKEN_ERROR]);
  });

  it('an empty uid is reported by uid-imap only when no rule refused the object already', () => {
    const identified = document('<object uid="" folder-path="a"><conversation-id>c</conversation-id><contribution-id>d</contribution-id><message-id>m</message-id></object>');
    expect(found(identified, 'spec')).toEqual(['evfw.rule.uid-imap <object>/@uid']);
    const unidentified = document('<object uid="" folder-path="a"/>');
    expect(found(unidentified, 'spec')).toEqual(['evfw.rule.object-identifiable <object>']);
  });
});
