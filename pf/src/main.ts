/**
 * The one command that runs a reference Participating Function:
 *
 *   npm run pf -- --port 5060 --imap-port 143 --imap-user alice --imap-password secret
 *
 * Listens for SIP on loopback (UDP and TCP), and for MSRP on a port of its own for the event
 * sessions INVITE opens, and applies event reports to the CPM Message Store over IMAP. Every IMAP setting may come from the environment instead (EVFW_IMAP_HOST,
 * EVFW_IMAP_PORT, EVFW_IMAP_USER, EVFW_IMAP_PASSWORD), which keeps the password out of `ps`.
 * Prints one "listening" line per transport (and one for MSRP) on stdout, the log on stderr; stops on SIGINT/SIGTERM.
 * Exit status: 0 after a signal, 2 for a bad argument, 1 when it cannot listen.
 */
import { parseArgs } from 'node:util';
import { parseNextHop, startSipServer, type SipTransport } from './server/index.js';

const USAGE = `usage: pf [--host 127.0.0.1] [--port 5060] [--transport udp,tcp]
          [--imap-host 127.0.0.1] [--imap-port 143] [--imap-user U] [--imap-password P] [--imap-tls]
          [--next-hop sip:host:port;transport=udp] [--own-address sip:pf@example.com]
          [--msrp-port 0] [--message-only] [--quiet]
  --port 0 listens on any free port (printed); so does --msrp-port, whose default is 0.
  --message-only answers INVITE 501 and opens no MSRP port. IMAP settings also from EVFW_IMAP_HOST,
  EVFW_IMAP_PORT, EVFW_IMAP_USER, EVFW_IMAP_PASSWORD.`;

function fail(message: string): never {
  process.stderr.write(`pf: ${message}\n${USAGE}\n`);
  process.exit(2);
}

function portOf(text: string, what: string): number {
  if (!/^\d{1,5}$/.test(text) || Number(text) > 65_535) fail(`${what} "${text}" is not a port number (0 to 65535)`);
  return Number(text);
}

function hostPart(host: string): string {
  return host.includes(':') ? `[${host}]` : host;
}

async function main(): Promise<void> {
  let values;
  try {
    ({ values } = parseArgs({
      options: {
        host: { type: 'string', default: '127.0.0.1' },
        port: { type: 'string', default: '5060' },
        transport: { type: 'string', default: 'udp,tcp' },
        'imap-host': { type: 'string' },
        'imap-port': { type: 'string' },
        'imap-user': { type: 'string' },
        'imap-password': { type: 'string' },
        'imap-tls': { type: 'boolean', default: false },
        'next-hop': { type: 'string' },
        'own-address': { type: 'string' },
        'msrp-port': { type: 'string', default: '0' },
        'message-only': { type: 'boolean', default: false },
        quiet: { type: 'boolean', default: false },
        help: { type: 'boolean', short: 'h', default: false },
      },
      strict: true,
      allowPositionals: false,
    }));
  } catch (error) {
    fail((error as Error).message);
  }
  if (values.help) {
    process.stdout.write(`${USAGE}\n`);
    return;
  }
  const env = process.env;
  const transports = values.transport.split(',').map((t) => t.trim().toLowerCase()).filter(Boolean);
  for (const t of transports) if (t !== 'udp' && t !== 'tcp') fail(`--transport "${t}" is neither udp nor tcp`);
  const user = values['imap-user'] ?? env.EVFW_IMAP_USER;
  const password = values['imap-password'] ?? env.EVFW_IMAP_PASSWORD;
  if (user === undefined || password === undefined) fail('the CPM Message Store needs --imap-user and --imap-password (or EVFW_IMAP_USER, EVFW_IMAP_PASSWORD)');
  const nextHopText = values['next-hop'];
  const nextHop = nextHopText === undefined ? undefined : parseNextHop(nextHopText);
  if (nextHopText !== undefined && nextHop === undefined) fail(`--next-hop "${nextHopText}" is not sip:host:port[;transport=udp|tcp]`);
  const imapTls = values['imap-tls'];
  const ownAddress = values['own-address'];

  const log = values.quiet ? () => {} : (level: string, message: string) => process.stderr.write(`${new Date().toISOString()} ${level} ${message}\n`);
  let server;
  try {
    server = await startSipServer({
      host: values.host,
      port: portOf(values.port, '--port'),
      transports: transports as SipTransport[],
      messageStore: {
        host: values['imap-host'] ?? env.EVFW_IMAP_HOST ?? '127.0.0.1',
        port: portOf(values['imap-port'] ?? env.EVFW_IMAP_PORT ?? (imapTls ? '993' : '143'), '--imap-port'),
        user,
        password,
        secure: imapTls,
      },
      ...(nextHop === undefined ? {} : { nextHop }),
      ...(ownAddress === undefined ? {} : { ownAddress }),
      msrp: values['message-only'] ? false : { port: portOf(values['msrp-port'], '--msrp-port') },
      log,
    });
  } catch (error) {
    process.stderr.write(`pf: cannot listen on ${values.host}:${values.port}: ${(error as Error).message}\n`);
    process.exit(1);
  }
  for (const a of server.addresses) {
    process.stdout.write(`pf: listening on sip:${hostPart(a.host)}:${a.port};transport=${a.transport}\n`);
  }
  if (server.msrp !== undefined) process.stdout.write(`pf: event sessions (INVITE) on msrp://${hostPart(server.msrp.host)}:${server.msrp.port}\n`);
  const stop = (signal: string): void => {
    process.stderr.write(`pf: ${signal}, stopping\n`);
    void server.close().then(() => process.exit(0));
    // Open connections close at once; this is only for a close that hangs.
    setTimeout(() => process.exit(0), 3_000).unref();
  };
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
}

void main();
