/** The TEL (RFC 3966 section 3) and SIP (RFC 3261 section 25.1) URI syntax of other-party-uri. */
import { describe, expect, it } from 'vitest';
import { isUriOf } from '../../../runtime/src/rules/uri-syntax.js';

const SCHEMES = ['tel', 'sip', 'sips'] as const;

describe('isUriOf', () => {
  it.each([
    'tel:+15145554321',
    'tel:+1-514-555-4321',
    'tel:+1(514)555.4321;ext=22',
    'tel:7042;phone-context=example.com',
    'tel:863-1234;phone-context=+1-914-555',
    'TEL:+33612345678',
    'sip:alice@example.com',
    'sip:+15145554321@ims.example.com;user=phone',
    'sips:bob:secret@192.0.2.4:5061;transport=tls',
    'sip:example.com',
    'sip:alice@[2001:db8::1]',
    'sip:alice@example.com?subject=project%20x&priority=urgent',
  ])('accepts %s', (uri) => expect(isUriOf(uri, SCHEMES)).toBe(true));

  it.each([
    'mailto:alice@example.com',
    'urn:uuid:f81d4fae-7dec-11d0-a765-00a0c91e6bf6',
    'tel:',
    'tel:+',
    'tel:5551234',
    'tel:+1 514 555 4321',
    'sip:',
    'sip:alice@',
    'sip:alice@exa mple.com',
    'sip:alice@-example.com',
    'sip:alice@example.com:port',
    '+15145554321',
    'sip:alice@example.com?subject',
  ])('refuses %s', (uri) => expect(isUriOf(uri, SCHEMES)).toBe(false));

  it('only the schemes it is given', () => {
    expect(isUriOf('sips:alice@example.com', ['tel', 'sip'])).toBe(false);
    expect(isUriOf('tel:+15145554321', ['sip'])).toBe(false);
  });
});
