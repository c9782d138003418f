/**
 * The client's context for building requests (build-requests.ts), completed from the transport:
 * the Via sent-by and the Contact are where the socket really is (RFC 3261 18.1.1, 8.1.1.8), so
 * the caller gives everything else and never has to know its own address.
 */
import type { ClientContext } from '../sip/build-requests.js';
import { cryptoRandom, type RandomSource } from '../sip/random-source.js';
import type { SipTransport } from './sip-transport.js';

/** A ClientContext without the parts the transport knows; `random` defaults to cryptoRandom. */
export type ClientIdentity = Omit<ClientContext, 'via' | 'contact' | 'random'> & { readonly random?: RandomSource };

export function contextOnTransport(identity: ClientIdentity, transport: Pick<SipTransport, 'peer' | 'localAddress'>): ClientContext {
  const { host, port } = transport.localAddress;
  const name = transport.peer.transport;
  return {
    ...identity,
    random: identity.random ?? cryptoRandom,
    via: { transport: name === 'udp' ? 'UDP' : 'TCP', host, port },
    contact: `sip:${hostPort(host, port)};transport=${name}`,
  };
}

/** `SIP/2.0/UDP host:port`, the Via of a request built here, before its branch. */
export function viaOf(transport: Pick<SipTransport, 'peer' | 'localAddress'>): string {
  const { host, port } = transport.localAddress;
  return `SIP/2.0/${transport.peer.transport.toUpperCase()} ${hostPort(host, port)}`;
}

function hostPort(host: string, port: number): string {
  return `${host.includes(':') ? `[${host}]` : host}:${port}`;
}
