import { describe, expect, it } from 'vitest';
import {
  CPM_SYSTEMMSG_ICSI,
  decodeFeatureTagUrn,
  encodeFeatureTagUrn,
  readServiceIdentification,
  sameUrn,
  serviceIdentificationHeaders,
} from '../../protocol/src/service-identification.js';
import { parseSipMessage, serializeSipMessage, type SipHeader } from '../../protocol/src/sip/index.js';

const ENCODED = 'urn%3Aurn-7%3A3gpp-service.ims.icsi.oma.cpm.systemmsg';
const IARI = 'urn:urn-7:3gpp-application.ims.iari.example.location';
const read = (headers: SipHeader[]) => readServiceIdentification({ headers });

describe('service identification (OMA CPM 6.7.1)', () => {
  it('6.7.1: the ICSI is urn:urn-7:3gpp-service.ims.icsi.oma.cpm.systemmsg', () => {
    expect(CPM_SYSTEMMSG_ICSI).toBe('urn:urn-7:3gpp-service.ims.icsi.oma.cpm.systemmsg');
  });

  it('6.7.1 and 24.229 7.2A.8.2: percent-encodes the URN for the feature tag, ":" as %3A, and decodes it back', () => {
    expect(encodeFeatureTagUrn(CPM_SYSTEMMSG_ICSI)).toBe(ENCODED);
    expect(decodeFeatureTagUrn(ENCODED)).toBe(CPM_SYSTEMMSG_ICSI);
    expect(encodeFeatureTagUrn('urn:x:a%b"c')).toBe('urn%3Ax%3Aa%25b%22c');
    expect(decodeFeatureTagUrn('urn%3Ax%3Aa%25b%22c')).toBe('urn:x:a%b"c');
    expect(decodeFeatureTagUrn('bad%zz')).toBe('bad%zz');
    // 24.229 7.2A.8.2 encodes only what RFC 3840's token-nobang lacks: these stay, "%" aside.
    expect(encodeFeatureTagUrn("urn:x:a*b_c+d`e'f~g-h.i")).toBe("urn%3Ax%3Aa*b_c+d`e'f~g-h.i");
    expect(encodeFeatureTagUrn('urn:x:a b/c,d;e=f')).toBe('urn%3Ax%3Aa%20b%2Fc%2Cd%3Be%3Df');
    expect(decodeFeatureTagUrn(encodeFeatureTagUrn('urn:x:a b/c,d;e=f'))).toBe('urn:x:a b/c,d;e=f');
  });

  it('6.7.1: the ICSI in P-Preferred-Service and in a g.3gpp.icsi-ref feature tag of Accept-Contact', () => {
    expect(serviceIdentificationHeaders()).toEqual([
      { name: 'P-Preferred-Service', value: CPM_SYSTEMMSG_ICSI },
      { name: 'Accept-Contact', value: `*;+g.3gpp.icsi-ref="${ENCODED}"` },
    ]);
  });

  it('6.7.1: P-Asserted-Service from the network side, or no P- header at all', () => {
    expect(serviceIdentificationHeaders({ serviceHeader: 'P-Asserted-Service' })[0]).toEqual({ name: 'P-Asserted-Service', value: CPM_SYSTEMMSG_ICSI });
    expect(serviceIdentificationHeaders({ serviceHeader: 'none' }).map((h) => h.name)).toEqual(['Accept-Contact']);
  });

  it('6.7.1: an application IARI in a g.3gpp.iari-ref feature tag of its own Accept-Contact value', () => {
    const headers = serviceIdentificationHeaders({ iari: IARI, requireExplicit: true });
    expect(headers[2]).toEqual({ name: 'Accept-Contact', value: '*;+g.3gpp.iari-ref="urn%3Aurn-7%3A3gpp-application.ims.iari.example.location";require;explicit' });
  });

  it('6.7.1 reverse: reads the ICSI from each place it may be, and the IARIs to forward', () => {
    const found = read(serviceIdentificationHeaders({ iari: IARI }));
    expect(found).toEqual({
      isCpmEventReport: true,
      icsiSources: ['P-Preferred-Service', 'Accept-Contact'],
      icsis: [CPM_SYSTEMMSG_ICSI],
      iaris: [IARI],
    });
  });

  it('6.7.1 reverse: an ICSI among others, in a list, after a parse of the compact form "a"', () => {
    const text = [
      'MESSAGE sip:a@example.com SIP/2.0',
      'Via: SIP/2.0/UDP h;branch=z9hG4bK1',
      'Max-Forwards: 70',
      'From: <sip:a@example.com>;tag=1',
      'To: <sip:a@example.com>',
      'Call-ID: 1',
      'CSeq: 1 MESSAGE',
      `a: *;+g.3gpp.icsi-ref="urn%3Aurn-7%3A3gpp-service.ims.icsi.mmtel,${ENCODED}";explicit, *;+g.3gpp.iari-ref="${encodeFeatureTagUrn(IARI)}"`,
      'P-Asserted-Service: urn:urn-7:3gpp-service.ims.icsi.mmtel, URN:URN-7:3gpp-service.ims.icsi.oma.cpm.systemmsg',
      'Content-Length: 0',
      '',
      '',
    ].join('\r\n');
    const parsed = parseSipMessage(text);
    expect(parsed.ok).toBe(true);
    if (!parsed.ok) return;
    const found = readServiceIdentification(parsed.value);
    expect(found.isCpmEventReport).toBe(true);
    expect(found.icsiSources).toEqual(['P-Asserted-Service', 'Accept-Contact']);
    expect(found.iaris).toEqual([IARI]);
    expect(serializeSipMessage(parsed.value)).toContain('\r\nAccept-Contact: *;+g.3gpp.icsi-ref=');
  });

  it('6.7.1 reverse: an IARI in the Contact feature tags counts; another ICSI or a negated one does not', () => {
    const found = read([
      { name: 'Contact', value: `<sip:a@192.0.2.1>;+g.3gpp.iari-ref="${encodeFeatureTagUrn(IARI)}"` },
      { name: 'Accept-Contact', value: `*;+g.3gpp.icsi-ref="!${ENCODED}"` },
      { name: 'P-Preferred-Service', value: 'urn:urn-7:3gpp-service.ims.icsi.mmtel' },
    ]);
    expect(found.isCpmEventReport).toBe(false);
    expect(found.iaris).toEqual([IARI]);
    expect(read([]).isCpmEventReport).toBe(false);
  });

  it('compares URNs as RFC 8141: scheme and namespace id ignore case, the rest does not', () => {
    expect(sameUrn('URN:Urn-7:3gpp-service.ims.icsi.oma.cpm.systemmsg', CPM_SYSTEMMSG_ICSI)).toBe(true);
    expect(sameUrn('urn:urn-7:3GPP-service.ims.icsi.oma.cpm.systemmsg', CPM_SYSTEMMSG_ICSI)).toBe(false);
  });
});
