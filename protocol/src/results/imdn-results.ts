/**
 * The Participating Function's side of results (OMA CPM 6.7.3.2 item 3, 6.7.5.1): one IMDN
 * delivery report (RFC 5438) per reported object, positive (`<delivered/>`) when the action
 * succeeded and negative (`<failed/>`) when not, under the object's `<message-id>`, wrapped in
 * CPIM with the PF's own address as From. Also the reading of one such IMDN, for the client.
 */
import { IMDN_CONTENT_TYPE } from '../content-types.js';
import { parseImdn, serializeImdn, type Imdn } from '@evfw/model/imdn';
import { newIdent } from '../msrp/msrp-frame.js';
import { parseCpim, wrapCpim, cpimBodyText, type CpimAddress, type CpimLimits, type CpimMessage } from './cpim.js';
import { ResultError } from './result-error.js';

/** The CPIM namespace of the IMDN headers (RFC 5438 section 6): `NS: imdn <urn:ietf:params:imdn>`. */
export const IMDN_CPIM_NAMESPACE = 'urn:ietf:params:imdn';

/** The outcome of the requested action on one object, keyed by the object's `<message-id>`. */
export interface ObjectOutcome {
  readonly messageId: string;
  readonly succeeded: boolean;
}

export interface ResultImdnOptions {
  /** The PF's own address, the CPIM From (6.7.3.2 item 3 a). */
  readonly pfAddress: CpimAddress | string;
  /** The reporting client's address, the CPIM To (RFC 5438 section 7.2.1.1: the IM's sender). */
  readonly clientAddress: CpimAddress | string;
  /** The time written in DateTime and, unless `datetime` is given, in `<datetime>`. */
  readonly now?: Date;
  /**
   * The IMDN's `<datetime>`, which RFC 5438 section 7.2.1.1 fills from the IM's DateTime. The
   * event report carries no CPIM, so there is none to copy: by default the time of the result.
   */
  readonly datetime?: string;
  /** Makes the IMDNs' own imdn.Message-ID values; random by default. */
  readonly newMessageId?: () => string;
}

export interface ResultImdn {
  /** The reported object's `<message-id>`, also the IMDN's `<message-id>`. */
  readonly messageId: string;
  readonly succeeded: boolean;
  readonly imdn: Imdn;
  /** The IMDN message's own id, its imdn.Message-ID header. */
  readonly imdnMessageId: string;
  /** The CPIM message to send in an MSRP SEND with Content-Type message/cpim. */
  readonly cpim: Uint8Array;
}

/** A delivery report: `<delivered/>` or `<failed/>` (RFC 5438 section 7.2.1.1; D-25). */
export function deliveryImdn(messageId: string, delivered: boolean, datetime: string): Imdn {
  return {
    messageId,
    datetime,
    notification: {
      $case: 'deliveryNotification',
      deliveryNotification: {
        status: {
          deliveryDisposition: delivered ? { $case: 'delivered', delivered: {} } : { $case: 'failed', failed: {} },
          extensions: [],
        },
      },
    },
    extensions: [],
  };
}

/**
 * One CPIM-wrapped IMDN per distinct `<message-id>`, in the order first seen. Objects sharing a
 * message-id cannot be told apart by their results, so they share one: negative if any failed.
 */
export function buildResultImdns(outcomes: readonly ObjectOutcome[], options: ResultImdnOptions): ResultImdn[] {
  const merged = new Map<string, boolean>();
  for (const o of outcomes) {
    const id = o.messageId.trim();
    if (!id) throw new ResultError('evfw.cpim.invalid-value', 'an outcome has an empty message-id', 'report results only for objects with a <message-id> (6.7.5.1)');
    merged.set(id, (merged.get(id) ?? true) && o.succeeded);
  }
  const now = options.now ?? new Date();
  const dateTime = rfc3339(now);
  const datetime = options.datetime ?? dateTime;
  const makeId = options.newMessageId ?? (() => newIdent());
  return [...merged].map(([messageId, succeeded]) => {
    const imdn = deliveryImdn(messageId, succeeded, datetime);
    const imdnMessageId = makeId();
    const cpim = wrapImdn(imdn, { from: options.pfAddress, to: options.clientAddress, imdnMessageId, dateTime });
    return { messageId, succeeded, imdn, imdnMessageId, cpim };
  });
}

export interface WrapImdnOptions {
  readonly from: CpimAddress | string;
  readonly to: CpimAddress | string;
  /** The IMDN message's own id (RFC 5438 section 6.3 requires one on every IMDN). */
  readonly imdnMessageId: string;
  readonly dateTime: string;
}

/**
 * An IMDN in CPIM (RFC 5438 section 7.2.1.1): the imdn namespace, imdn.Message-ID and DateTime,
 * then the part with Content-Type message/imdn+xml and Content-Disposition: notification. It
 * asks for no IMDN of its own: an IMDN never carries Disposition-Notification.
 */
export function wrapImdn(imdn: Imdn, options: WrapImdnOptions): Uint8Array {
  return wrapCpim({
    from: address(options.from),
    to: [address(options.to)],
    namespaces: [{ prefix: 'imdn', uri: IMDN_CPIM_NAMESPACE }],
    headers: [{ name: 'imdn.Message-ID', value: options.imdnMessageId }],
    dateTime: options.dateTime,
    contentType: IMDN_CONTENT_TYPE,
    contentHeaders: [{ name: 'Content-Disposition', value: 'notification' }],
    body: serializeImdn(imdn),
  });
}

export type ReadImdnResult =
  | { readonly ok: true; readonly imdn: Imdn; readonly cpim: CpimMessage }
  | { readonly ok: false; readonly error: ResultError };

/**
 * Reads one IMDN from the body of a message/cpim SEND. Never throws on bad input. A missing
 * imdn.Message-ID header (required by RFC 5438 section 6.3) is not refused: the result maps
 * back by the XML `<message-id>`; `cpimHeader(cpim, IMDN_CPIM_NAMESPACE, 'Message-ID')` reads it.
 */
export function readImdn(input: string | Uint8Array, limits?: Partial<CpimLimits>): ReadImdnResult {
  const parsed = parseCpim(input, limits);
  if (!parsed.ok) return parsed;
  const cpim = parsed.value;
  const type = cpim.content.contentType?.split(';')[0]?.trim().toLowerCase();
  if (type !== IMDN_CONTENT_TYPE) {
    return { ok: false, error: new ResultError('evfw.imdn.content-type', `the CPIM part is ${type ? `"${type}"` : 'without a Content-Type'}, not ${IMDN_CONTENT_TYPE}`, 'results of an event report are IMDNs (6.7.3.2 item 3)') };
  }
  const doc = parseImdn(cpimBodyText(cpim));
  if (!doc.ok) {
    const first = doc.diagnostics[0];
    return { ok: false, error: new ResultError('evfw.imdn.invalid', `the IMDN is not valid${first ? `: ${first.code}: ${first.message}` : ''}`, first?.hint, doc.diagnostics) };
  }
  return { ok: true, imdn: doc.value, cpim };
}

function address(a: CpimAddress | string): CpimAddress {
  return typeof a === 'string' ? { uri: a } : a;
}

/** RFC 3339 without fractional seconds, as CPIM DateTime examples write it. */
function rfc3339(date: Date): string {
  return date.toISOString().replace(/\.\d{3}Z$/, 'Z');
}
