import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { buildSdpAnswer, buildSdpOffer, parseSdp, readMsrpMedia, type MsrpMedia } from '../../protocol/src/sdp/index.js';
import { seededRandom } from '../../protocol/src/sip/index.js';

/** The offer of RFC 4975 section 7.1.1 / 8 (Alice to Bob). */
const RFC4975_OFFER = [
  'v=0',
  'o=alice 2890844526 2890844527 IN IP4 alice.example.com',
  's= -',
  'c=IN IP4 alice.example.com',
  't=0 0',
  'm=message 7394 TCP/MSRP *',
  'a=accept-types:text/plain',
  'a=path:msrp://alice.example.com:7394/2s93i93idj;tcp',
  '',
].join('\r\n');

function media(text: string): MsrpMedia {
  const session = parseSdp(text);
  if (!session.ok) throw new Error(session.error.code);
  const m = readMsrpMedia(session.value);
  if (!m.ok) throw new Error(m.error.code);
  return m.value;
}

function mediaError(text: string): string {
  const session = parseSdp(text);
  if (!session.ok) return session.error.code;
  const m = readMsrpMedia(session.value);
  return m.ok ? '' : m.error.code;
}

describe('parseSdp and readMsrpMedia (RFC 4566, RFC 4975 section 8)', () => {
  it('reads the MSRP offer of RFC 4975: port, protocol, path, accept-types, default direction sendrecv', () => {
    expect(media(RFC4975_OFFER)).toEqual({
      port: 7394,
      proto: 'TCP/MSRP',
      address: 'alice.example.com',
      path: ['msrp://alice.example.com:7394/2s93i93idj;tcp'],
      acceptTypes: ['text/plain'],
      acceptWrappedTypes: [],
      direction: 'sendrecv',
    });
  });

  it('accepts LF line ends (RFC 4566 section 5), reads session-level direction, media-level overrides it', () => {
    const lf = RFC4975_OFFER.replaceAll('\r\n', '\n').replace('t=0 0\n', 't=0 0\na=sendonly\n');
    expect(media(lf).direction).toBe('sendonly');
    expect(media(`${lf}a=inactive\n`).direction).toBe('inactive');
  });

  it('reads a path of several URIs, accept-wrapped-types, max-size and setup', () => {
    const text = RFC4975_OFFER.replace(
      'a=path:msrp://alice.example.com:7394/2s93i93idj;tcp',
      'a=path:msrp://relay.example.net:2855/a1;tcp msrp://alice.example.com:7394/2s93i93idj;tcp\r\na=accept-wrapped-types:message/imdn+xml text/plain\r\na=max-size:65536\r\na=setup:active',
    );
    expect(media(text)).toMatchObject({
      path: ['msrp://relay.example.net:2855/a1;tcp', 'msrp://alice.example.com:7394/2s93i93idj;tcp'],
      acceptWrappedTypes: ['message/imdn+xml', 'text/plain'],
      maxSize: 65536,
      setup: 'active',
    });
  });

  it('names what is wrong with a bad description, never throws', () => {
    expect(mediaError('')).toBe('evfw.sdp.version');
    expect(mediaError('v=1\r\n')).toBe('evfw.sdp.version');
    expect(mediaError(RFC4975_OFFER.replace('t=0 0', 'T=0 0'))).toBe('evfw.sdp.line.malformed');
    expect(mediaError(RFC4975_OFFER.replace('t=0 0', 't=0\u00000'))).toBe('evfw.sdp.control-character');
    expect(mediaError(RFC4975_OFFER.replace('m=message 7394 TCP/MSRP *', 'm=message x TCP/MSRP *'))).toBe('evfw.sdp.media.malformed');
    expect(mediaError(RFC4975_OFFER.replace('m=message 7394 TCP/MSRP *', 'm=audio 49170 RTP/AVP 0'))).toBe('evfw.sdp.msrp.missing');
    expect(mediaError(RFC4975_OFFER.replace(/a=path:.*\r\n/, ''))).toBe('evfw.sdp.msrp.no-path');
    expect(mediaError(RFC4975_OFFER.replace('7394 TCP', '0 TCP'))).toBe('evfw.sdp.msrp.rejected');
    expect(mediaError(RFC4975_OFFER.replace('c=IN IP4 alice.example.com', 'c=junk'))).toBe('evfw.sdp.connection.malformed');
    expect(mediaError(`${RFC4975_OFFER}a=x\r\n`.repeat(1).padEnd(20_000, 'x'))).toBe('evfw.sdp.limit.size');
    expect(mediaError(RFC4975_OFFER + 'a=x\r\n'.repeat(600))).toBe('evfw.sdp.limit.lines');
  });
});

describe('buildSdpOffer (OMA CPM 6.7.3.2 item 1 b)', () => {
  it('item 1 b i-iii: accept-types with the event type, IMDN in accept-wrapped-types, sendrecv', () => {
    const { sdp, msrpUri } = buildSdpOffer({ endpoint: { host: '192.0.2.10', port: 7394, sessionId: 's1' }, direction: 'sendrecv', expectsResults: true, random: seededRandom(3) });
    expect(sdp.split('\r\n').slice(2)).toEqual([
      's=-',
      'c=IN IP4 192.0.2.10',
      't=0 0',
      'm=message 7394 TCP/MSRP *',
      'a=accept-types:application/vnd.oma.cpm-eventfw+xml message/cpim',
      'a=accept-wrapped-types:message/imdn+xml',
      'a=path:msrp://192.0.2.10:7394/s1;tcp',
      'a=sendrecv',
      '',
    ]);
    expect(sdp).toMatch(/^v=0\r\no=- (\d+) \1 IN IP4 192\.0\.2\.10\r\n/);
    expect(msrpUri).toBe('msrp://192.0.2.10:7394/s1;tcp');
  });

  it('item 1 b iii 2: sendonly without IMDN; IPv6 and TLS written as RFC 4566 and RFC 4975 say', () => {
    const { sdp, msrpUri } = buildSdpOffer({ endpoint: { host: '2001:db8::1', port: 2855, secure: true }, direction: 'sendonly', expectsResults: false, random: seededRandom(3), setup: 'active' });
    expect(sdp).toContain('\r\nc=IN IP6 2001:db8::1\r\n');
    expect(sdp).toContain('\r\nm=message 2855 TCP/TLS/MSRP *\r\n');
    expect(sdp).toContain('\r\na=accept-types:application/vnd.oma.cpm-eventfw+xml\r\n');
    expect(sdp).not.toContain('accept-wrapped-types');
    expect(sdp).toContain('\r\na=setup:active\r\na=sendonly\r\n');
    expect(msrpUri).toMatch(/^msrps:\/\/\[2001:db8::1\]:2855\/[0-9a-f]{20};tcp$/);
  });

  it('round trips through the reader', () => {
    const { sdp, msrpUri } = buildSdpOffer({ endpoint: { host: 'client.example.com', port: 7394 }, direction: 'sendrecv', expectsResults: true, random: seededRandom(9), maxSize: 1000 });
    expect(media(sdp)).toEqual({
      port: 7394,
      proto: 'TCP/MSRP',
      address: 'client.example.com',
      path: [msrpUri],
      acceptTypes: ['application/vnd.oma.cpm-eventfw+xml', 'message/cpim'],
      acceptWrappedTypes: ['message/imdn+xml'],
      direction: 'sendrecv',
      maxSize: 1000,
    });
  });

  it('refuses a host, port or session id that would corrupt the description', () => {
    const base = { direction: 'sendrecv' as const, expectsResults: false, random: seededRandom(1) };
    expect(() => buildSdpOffer({ ...base, endpoint: { host: 'a b', port: 1 } })).toThrow(/evfw\.sdp\.build\.host/);
    expect(() => buildSdpOffer({ ...base, endpoint: { host: 'a', port: 70000 } })).toThrow(/evfw\.sdp\.build\.port/);
    expect(() => buildSdpOffer({ ...base, endpoint: { host: 'a', port: 1, sessionId: 'x;y' } })).toThrow(/evfw\.sdp\.build\.session-id/);
  });
});

describe('buildSdpAnswer (RFC 3264 for the PF side of 6.7.3.2)', () => {
  const pf = { host: 'pf.example.net', port: 9000, sessionId: 'pf1' };
  const offer = (direction: 'sendrecv' | 'sendonly', expectsResults: boolean): MsrpMedia =>
    media(buildSdpOffer({ endpoint: { host: '192.0.2.10', port: 7394 }, direction, expectsResults, random: seededRandom(5), setup: 'active' }).sdp);

  it('answers sendrecv to sendrecv, and may return results when the offer accepts CPIM-wrapped IMDN', () => {
    const answer = buildSdpAnswer(offer('sendrecv', true), { endpoint: pf, random: seededRandom(6) });
    expect(answer.ok && { direction: answer.value.direction, mayReturnResults: answer.value.mayReturnResults, msrpUri: answer.value.msrpUri }).toEqual({
      direction: 'sendrecv',
      mayReturnResults: true,
      msrpUri: 'msrp://pf.example.net:9000/pf1;tcp',
    });
    if (answer.ok) {
      expect(media(answer.value.sdp)).toMatchObject({ acceptTypes: ['application/vnd.oma.cpm-eventfw+xml'], direction: 'sendrecv', setup: 'passive' });
    }
  });

  it('answers recvonly to sendonly (RFC 3264 section 6.1), without results', () => {
    const answer = buildSdpAnswer(offer('sendonly', false), { endpoint: pf, random: seededRandom(6) });
    expect(answer.ok && answer.value.direction).toBe('recvonly');
    expect(answer.ok && answer.value.mayReturnResults).toBe(false);
  });

  it('refuses an offer without the event type in accept-types (for a 488), or on another transport', () => {
    const plain = media(RFC4975_OFFER);
    const refused = buildSdpAnswer(plain, { endpoint: pf, random: seededRandom(6) });
    expect(!refused.ok && refused.error.code).toBe('evfw.sdp.offer.accept-types');
    expect(buildSdpAnswer({ ...plain, acceptTypes: ['*'] }, { endpoint: pf, random: seededRandom(6) }).ok).toBe(true);
    const tls = buildSdpAnswer({ ...plain, acceptTypes: ['application/*'], proto: 'TCP/TLS/MSRP' }, { endpoint: pf, random: seededRandom(6) });
    expect(!tls.ok && tls.error.code).toBe('evfw.sdp.offer.transport');
  });
});

describe('hostile input property: the SDP reader returns, never throws', () => {
  it('for arbitrary text and SDP-shaped junk', () => {
    const fragments = fc.constantFrom('v=0', 'm=message 1 TCP/MSRP *', 'a=path:', 'a=accept-types:', 'c=IN IP4 x', '\r\n', '\n', 'a=sendonly', '=', ' ', '\u0000');
    const text = fc.oneof(fc.string({ maxLength: 500 }), fc.array(fragments, { maxLength: 40 }).map((p) => p.join('')));
    fc.assert(
      fc.property(text, (input) => {
        const session = parseSdp(input);
        if (session.ok) readMsrpMedia(session.value);
      }),
      { numRuns: 1000 },
    );
  });
});
