import { describe, expect, it } from 'vitest';
import type { CpmEvfw } from '@evfw/model/cpm-evfw';
import { parseCpmEvfw, validateCpmEvfw } from '@evfw/model/cpm-evfw';
import { chooseMechanism } from '../../protocol/src/mechanism.js';
import { parseSdp, readMsrpMedia } from '../../protocol/src/sdp/index.js';
import { CPM_SYSTEMMSG_ICSI, readServiceIdentification } from '../../protocol/src/service-identification.js';
import {
  buildEventInvite,
  buildEventMessage,
  buildSipResponse,
  getHeader,
  parseNameAddr,
  parseSipMessage,
  seededRandom,
  serializeSipMessage,
  type ClientContext,
  type SipMessage,
} from '../../protocol/src/sip/index.js';

const OWN = 'sip:+15551234567@ims.example.com';

const events: CpmEvfw = {
  events: [
    {
      $case: 'eventCpmImap',
      eventCpmImap: {
        type: 'flags',
        index: '1',
        operations: [{ name: 'add', flags: '\\Seen', objects: [{ uid: '12', folderPath: 'default/inbox', extensions: [] }] }],
        extensions: [],
      },
    },
  ],
};

function context(overrides: Partial<ClientContext> = {}): ClientContext {
  return {
    ownAddress: OWN,
    contact: 'sip:192.0.2.10:5060;transport=tcp',
    via: { transport: 'TCP', host: '192.0.2.10', port: 5060 },
    random: seededRandom(42),
    ...overrides,
  };
}

function reparsed(message: SipMessage): SipMessage {
  const result = parseSipMessage(serializeSipMessage(message), { transport: 'stream' });
  if (!result.ok) throw new Error(`${result.error.code}: ${result.error.message}`);
  return result.value;
}

describe('buildEventMessage (OMA CPM 6.7.3.1, 6.7.4, 6.7.1)', () => {
  it('6.7.4: the body is the event XML without a CPIM wrapper, typed application/vnd.oma.cpm-eventfw+xml', () => {
    const request = buildEventMessage(context(), events);
    expect(request.method).toBe('MESSAGE');
    expect(getHeader(request, 'Content-Type')).toBe('application/vnd.oma.cpm-eventfw+xml');
    expect(request.body.startsWith('<')).toBe(true);
    expect(request.body).not.toMatch(/^(From|To|NS|DateTime):/m);
    expect(validateCpmEvfw(request.body, { profile: 'spec' })).toEqual([]);
    const back = parseCpmEvfw(request.body);
    expect(back.ok && back.value).toEqual(events);
  });

  it('6.7.1: carries the systemmsg ICSI in P-Preferred-Service and Accept-Contact, and the IARI when given', () => {
    const iari = 'urn:urn-7:3gpp-application.ims.iari.example.location';
    const found = readServiceIdentification(reparsed(buildEventMessage(context({ iari }), events)));
    expect(found.icsiSources).toEqual(['P-Preferred-Service', 'Accept-Contact']);
    expect(found.iaris).toEqual([iari]);
  });

  it('6.7.3.1: goes to the user\'s own address by default, or to a given recipient', () => {
    const own = buildEventMessage(context(), events);
    expect(own.uri).toBe(OWN);
    expect(parseNameAddr(getHeader(own, 'To')!)?.uri).toBe(OWN);
    const other = buildEventMessage(context(), events, { to: 'sip:pf@ims.example.com' });
    expect(other.uri).toBe('sip:pf@ims.example.com');
  });

  it('is a well-formed RFC 3261 request: mandatory headers, branch cookie, From tag; the same seed gives the same bytes', () => {
    const request = reparsed(buildEventMessage(context({ displayName: 'Ann "A"', userAgent: 'evfw-test' }), events));
    expect(getHeader(request, 'Via')).toMatch(/^SIP\/2\.0\/TCP 192\.0\.2\.10:5060;branch=z9hG4bK[0-9a-f]{16}$/);
    expect(getHeader(request, 'CSeq')).toBe('1 MESSAGE');
    expect(getHeader(request, 'Max-Forwards')).toBe('70');
    const from = parseNameAddr(getHeader(request, 'From')!);
    expect(from?.displayName).toBe('Ann "A"');
    expect(from?.params.get('tag')).toMatch(/^[0-9a-f]{12}$/);
    expect(serializeSipMessage(buildEventMessage(context(), events))).toBe(serializeSipMessage(buildEventMessage(context(), events)));
    expect(serializeSipMessage(buildEventMessage(context({ random: seededRandom(1) }), events))).not.toBe(serializeSipMessage(buildEventMessage(context(), events)));
  });

  it('never sends events that break the spec profile (evfw.sip.build.invalid-events)', () => {
    // A value that does not fit the schema is refused by the serializer; one that fits but breaks a prose rule, by the spec profile.
    expect(() => buildEventMessage(context(), { events: [] })).toThrow(/evfw\.sip\.build\.invalid-events: .*events: 0 given, at least 1 required/);
    const unidentified = { events: [{ $case: 'eventCpmImap' as const, eventCpmImap: { type: 'flags' as const, index: 'e1', operations: [{ name: 'add' as const, flags: '\\Seen' as const, objects: [{ extensions: [] }] }], extensions: [] } }] };
    expect(() => buildEventMessage(context(), unidentified)).toThrow(/evfw\.sip\.build\.invalid-events: .*evfw\.rule\.object-identifiable/);
  });
});

describe('buildEventInvite (OMA CPM 6.7.3.2)', () => {
  const expectingResults = chooseMechanism({ body: 'x', messageSizeLimit: 1300, expectsResults: true });
  const tooLarge = chooseMechanism({ body: 'x'.repeat(2000), messageSizeLimit: 1300 });
  if (expectingResults.mechanism !== 'INVITE' || tooLarge.mechanism !== 'INVITE') throw new Error('unexpected mechanism');

  it('6.7.3.2 item 1 a: From and To are both the user\'s own address', () => {
    const { request } = buildEventInvite(context(), { msrp: { host: '192.0.2.10', port: 7394 }, session: expectingResults.session });
    expect(request.uri).toBe(OWN);
    expect(parseNameAddr(getHeader(request, 'From')!)?.uri).toBe(OWN);
    expect(parseNameAddr(getHeader(request, 'To')!)?.uri).toBe(OWN);
    expect(getHeader(request, 'Contact')).toBe('<sip:192.0.2.10:5060;transport=tcp>');
    expect(getHeader(request, 'CSeq')).toBe('1 INVITE');
    expect(getHeader(request, 'P-Preferred-Service')).toBe(CPM_SYSTEMMSG_ICSI);
  });

  it('6.7.3.2 item 1 b: an SDP offer with the event type in accept-types, IMDN wrapped, sendrecv when results are expected', () => {
    const { request, msrpUri } = buildEventInvite(context(), { msrp: { host: '192.0.2.10', port: 7394, sessionId: 'abc123' }, session: expectingResults.session });
    expect(getHeader(request, 'Content-Type')).toBe('application/sdp');
    expect(msrpUri).toBe('msrp://192.0.2.10:7394/abc123;tcp');
    const sdp = parseSdp(reparsed(request).body);
    const media = sdp.ok ? readMsrpMedia(sdp.value) : sdp;
    expect(media.ok && media.value).toMatchObject({
      port: 7394,
      proto: 'TCP/MSRP',
      path: [msrpUri],
      acceptTypes: ['application/vnd.oma.cpm-eventfw+xml', 'message/cpim'],
      acceptWrappedTypes: ['message/imdn+xml'],
      direction: 'sendrecv',
    });
  });

  it('6.7.1: with contactFeatureTags, the Contact declares the ICSI and IARI too (RFC 3840)', () => {
    const iari = 'urn:urn-7:3gpp-application.ims.iari.example.location';
    const { request } = buildEventInvite(context({ contactFeatureTags: true, iari }), { msrp: { host: '192.0.2.10', port: 7394 }, session: tooLarge.session });
    expect(getHeader(request, 'Contact')).toBe(
      '<sip:192.0.2.10:5060;transport=tcp>;+g.3gpp.icsi-ref="urn%3Aurn-7%3A3gpp-service.ims.icsi.oma.cpm.systemmsg";+g.3gpp.iari-ref="urn%3Aurn-7%3A3gpp-application.ims.iari.example.location"',
    );
    expect(readServiceIdentification(request).iaris).toEqual([iari]);
  });

  it('6.7.3.2 item 1 b iii 2: sendonly and no IMDN when no answer is expected', () => {
    const { request } = buildEventInvite(context(), { msrp: { host: '192.0.2.10', port: 7394 }, session: tooLarge.session });
    expect(request.body).toContain('\r\na=sendonly\r\n');
    expect(request.body).not.toContain('accept-wrapped-types');
    expect(request.body).toContain('\r\nm=message 7394 TCP/MSRP *\r\n');
  });
});

describe('buildSipResponse (RFC 3261 section 8.2.6)', () => {
  it('copies Via, From, Call-ID and CSeq, and tags To', () => {
    const request = buildEventMessage(context(), events);
    const response = buildSipResponse(request, 400, { toTag: 'pf1', body: 'evfw.content.text: ...' });
    expect(response).toMatchObject({ kind: 'response', status: 400, reason: 'Bad Request' });
    for (const name of ['Via', 'From', 'Call-ID', 'CSeq']) expect(getHeader(response, name)).toBe(getHeader(request, name));
    expect(getHeader(response, 'To')).toBe(`${getHeader(request, 'To')};tag=pf1`);
    expect(reparsed(response)).toEqual(reparsed(response));
    expect(() => buildSipResponse(request, 200)).toThrow(/evfw\.sip\.build\.to-tag/);
    expect(getHeader(buildSipResponse(request, 100), 'To')).toBe(getHeader(request, 'To'));
  });
});
