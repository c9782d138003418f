import { describe, expect, it } from 'vitest';
import { chooseMechanism } from '../../protocol/src/mechanism.js';

describe('chooseMechanism (OMA CPM 6.7.3)', () => {
  it('6.7.3.1: a one-time report that fits the limit goes by SIP MESSAGE', () => {
    const choice = chooseMechanism({ body: 'x'.repeat(1300), messageSizeLimit: 1300 });
    expect(choice).toEqual({
      mechanism: 'MESSAGE',
      bodyBytes: 1300,
      reasons: [{ rule: '6.7.3.1', code: 'mechanism.fits-message', message: 'a one-time report of 1300 bytes fits the SIP MESSAGE limit of 1300' }],
    });
  });

  it('6.7.3.2 item 1: event data over the limit opens an INVITE session, sendonly when no answer is expected', () => {
    const choice = chooseMechanism({ body: 'x'.repeat(1301), messageSizeLimit: 1300 });
    expect(choice.mechanism).toBe('INVITE');
    expect(choice.reasons.map((r) => r.rule)).toEqual(['6.7.3.2 item 1']);
    expect(choice.mechanism === 'INVITE' && choice.session).toEqual({ direction: 'sendonly', acceptImdn: false });
  });

  it('6.7.3.2 item 1: the size is of the UTF-8 bytes, not characters', () => {
    expect(chooseMechanism({ body: 'é'.repeat(10), messageSizeLimit: 15 }).mechanism).toBe('INVITE');
    expect(chooseMechanism({ body: new Uint8Array(15), messageSizeLimit: 15 }).mechanism).toBe('MESSAGE');
  });

  it('6.7.3.2 item 2 a: expected information from the PF means INVITE with sendrecv (item 1 b iii 1)', () => {
    const choice = chooseMechanism({ body: '<x/>', messageSizeLimit: 1300, expectsInformation: true });
    expect(choice.mechanism === 'INVITE' && choice.session).toEqual({ direction: 'sendrecv', acceptImdn: false });
    expect(choice.reasons.map((r) => r.code)).toEqual(['mechanism.expects-information']);
  });

  it('6.7.3.2 item 2 b: expected results mean INVITE, sendrecv and IMDN in accept-wrapped-types (item 1 b ii)', () => {
    const choice = chooseMechanism({ body: 'x'.repeat(2000), messageSizeLimit: 1300, expectsResults: true });
    expect(choice.mechanism === 'INVITE' && choice.session).toEqual({ direction: 'sendrecv', acceptImdn: true });
    expect(choice.reasons.map((r) => r.rule)).toEqual(['6.7.3.2 item 1', '6.7.3.2 item 2 b']);
  });

  it('refuses a limit that is not a whole number of bytes', () => {
    expect(() => chooseMechanism({ body: '', messageSizeLimit: -1 })).toThrow(/mechanism\.limit\.invalid/);
    expect(() => chooseMechanism({ body: '', messageSizeLimit: Number.NaN })).toThrow(/mechanism\.limit\.invalid/);
  });
});
