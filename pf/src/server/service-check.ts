/**
 * Service identification (OMA CPM 6.7.1), the first check of MESSAGE and INVITE alike: a request
 * that does not name the systemmsg ICSI is not an event report (403); one that names an IARI
 * carries application events, which go to the configured next hop, whose answer is returned.
 */
import { CPM_SYSTEMMSG_ICSI, readServiceIdentification, type SipRequest, type SipResponse } from '@evfw/protocol';
import { callId, type MessageContext } from './context.js';
import { forwardRequest, formatNextHop } from './next-hop.js';
import { refuse } from './responses.js';

/** The answer when the request is not for this PF to handle, else undefined. */
export async function checkService(request: SipRequest, context: MessageContext): Promise<SipResponse | undefined> {
  const service = readServiceIdentification(request);
  if (!service.isCpmEventReport) {
    return refuse(request, {
      status: 403,
      reason: 'Not a CPM Event Report',
      warning: `the request does not name the ICSI ${CPM_SYSTEMMSG_ICSI} in P-Preferred-Service, P-Asserted-Service or Accept-Contact (OMA CPM 6.7.1); this Participating Function takes event reports only`,
    });
  }
  return service.iaris.length > 0 ? forward(request, service.iaris, context) : undefined;
}

async function forward(request: SipRequest, iaris: readonly string[], context: MessageContext): Promise<SipResponse> {
  const hop = context.options.nextHop;
  if (hop === undefined) {
    return refuse(request, {
      status: 480,
      reason: 'No Next Hop For Application',
      warning: `the request carries the IARI ${iaris.join(', ')}; its events go to the application's next hop (OMA CPM 6.7.1), and this Participating Function has none configured`,
    });
  }
  context.log('info', `${callId(request)}: IARI ${iaris.join(', ')}: forwarding ${request.method} to ${formatNextHop(hop)}`);
  const result = await forwardRequest(request, hop, context.limits.nextHopTimeoutMs, context.limits.sip);
  if (result.ok) return result.response;
  context.log('warn', `${callId(request)}: forwarding failed: ${result.why}`);
  return refuse(request, { status: result.status, reason: result.status === 483 ? 'Too Many Hops' : result.status === 504 ? 'Server Time-out' : 'Bad Gateway', warning: result.why });
}
