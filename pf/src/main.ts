/**
 * The one command that runs a reference Participating Function:
 *
 *   EVFW_IMAP_PASSWORD=secret npm run pf -- --port 5060 --imap-port 143 --imap-user alice
 *
 * Listens for SIP on loopback (UDP and TCP), and for MSRP on a port of its own for the event
 * sessions INVITE opens, and applies event reports to the CPM Message Store over IMAP. Every IMAP setting may come from the environment instead (EVFW_IMAP_HOST,
 * EVFW_IMAP_PORT, EVFW_IMAP_USER, EVFW_IMAP_PASSWORD). The password comes only from the
 * environment or a file (--imap-password-file), never from the arguments, which `ps` and
 * /proc/<pid>/cmdline show to every local user: --imap-password is refused (exit 2).
 * Prints one "listening" line per transport (and one for MSRP) on stdout, the log on stderr; stops on SIGINT/SIGTERM.
 * Exit status: 0 after a signal, 2 for a bad argument, 1 when it cannot listen.
 */
import { readFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { COMPAT_OPTIONS, compatOption, type CompatOption } from './compat.js';
import { parseNextHop, startSipServer, type SipTransport } from './server/index.js';

const USAGE = `usage: pf [--host 127.0.0.1] [--port 5060] [--transport udp,tcp]
          [--imap-host 127.0.0.1] [--imap-port 143] [--imap-user U] [--imap-password-file PATH] [--imap-tls]
          [--next-hop sip:host:port;transport=udp] [--own-address sip:pf@example.com]
          [--msrp-port 0] [--message-only] [--compat flag-attribute] [--quiet]
          [--max-dialogs 1024] [--msrp-bind-timeout 30] [--msrp-idle-timeout 60]
          [--msrp-buffer 64M] [--msrp-max-message 1M]
  --port 0 listens on any free port (printed); so does --msrp-port, whose default is 0.
  --message-only answers INVITE 501 and opens no MSRP port. IMAP settings also from EVFW_IMAP_HOST,
  EVFW_IMAP_PORT, EVFW_IMAP_USER, EVFW_IMAP_PASSWORD; the password from EVFW_IMAP_PASSWORD or
  --imap-password-file (the file's content, one trailing newline dropped), never an argument.
  --compat flag-attribute accepts flag="..." on <operation> (the Android RCS stack's spelling) as
  flags, logged per report; repeatable or comma-separated. Without it such a report gets 400.
  --max-dialogs: event sessions open at once (INVITE beyond: 486). A session ends, with its dialog,
  when nobody connects to it within --msrp-bind-timeout seconds or its MSRP connection is silent
  for --msrp-idle-timeout seconds. --msrp-buffer: unfinished chunked messages held by all MSRP
  connections together, --msrp-max-message: one event report (K, M suffixes: KiB, MiB); past
  either, 413.`;

function fail(message: string): never {
  process.stderr.write(`pf: ${message}\n${USAGE}\n`);
  process.exit(2);
}

function portOf(text: string, what: string): number {
  if (!/^\d{1,5}$/.test(text) || Number(text) > 65_535) fail(`${what} "${text}" is not a port number (0 to 65535)`);
  return Number(text);
}

/**
 * The password file's content, without one trailing newline (what `echo secret > file` adds).
 * An unreadable or empty file is a bad argument: starting without a password would only fail
 * later, at the first report, with a store error.
 */
function readPasswordFile(path: string): string {
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (error) {
    fail(`--imap-password-file "${path}" cannot be read: ${error instanceof Error ? error.message : String(error)}`);
  }
  const password = text.replace(/\r?\n$/, '');
  if (password === '') fail(`--imap-password-file "${path}" is empty; it must hold the IMAP password`);
  return password;
}

/** `--compat a --compat b,c`: each name checked against the known deviations. */
function compatOptions(values: readonly string[]): CompatOption[] {
  const names = values.flatMap((v) => v.split(',')).map((n) => n.trim()).filter(Boolean);
  return [...new Set(names)].map((name) => compatOption(name) ?? fail(`--compat "${name}" is not a known deviation; known: ${COMPAT_OPTIONS.join(', ')}`));
}

function positiveIntegerOf(text: string, what: string): number {
  if (!/^[1-9]\d{0,8}$/.test(text)) fail(`${what} "${text}" is not a whole number from 1`);
  return Number(text);
}

/** Bytes, with an optional K or M suffix (KiB, MiB). */
function byteSizeOf(text: string, what: string): number {
  const match = /^([1-9]\d{0,9})([KM]?)$/i.exec(text);
  if (!match) fail(`${what} "${text}" is not a size in bytes (a whole number, optionally followed by K or M)`);
  return Number(match[1]) * (match[2]!.toUpperCase() === 'M' ? 1024 * 1024 : match[2]!.toUpperCase() === 'K' ? 1024 : 1);
}

function hostPart(host: string): string {
  return host.includes(':') ? `[${host}]` : host;
}

async function main(): Promise<void> {
  // Refused before anything else, whatever its form (--imap-password=x, or with no value): the
  // secret is already in `ps` for as long as this runs, so say so plainly and stop.
  if (process.argv.slice(2).some((a) => a === '--imap-password' || a.startsWith('--imap-password='))) {
    fail('--imap-password is not accepted: arguments are visible to every local user (ps, /proc/<pid>/cmdline); set EVFW_IMAP_PASSWORD or use --imap-password-file PATH');
  }
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
        'imap-password-file': { type: 'string' },
        compat: { type: 'string', multiple: true },
        'imap-tls': { type: 'boolean', default: false },
        'next-hop': { type: 'string' },
        'own-address': { type: 'string' },
        'msrp-port': { type: 'string', default: '0' },
        'max-dialogs': { type: 'string', default: '1024' },
        'msrp-bind-timeout': { type: 'string', default: '30' },
        'msrp-idle-timeout': { type: 'string', default: '60' },
        'msrp-buffer': { type: 'string', default: '64M' },
        'msrp-max-message': { type: 'string', default: '1M' },
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
  const passwordFile = values['imap-password-file'];
  const password = passwordFile === undefined ? env.EVFW_IMAP_PASSWORD : readPasswordFile(passwordFile);
  if (user === undefined || password === undefined) fail('the CPM Message Store needs --imap-user (or EVFW_IMAP_USER) and a password: EVFW_IMAP_PASSWORD or --imap-password-file PATH');
  const compat = compatOptions(values.compat ?? []);
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
      msrp: values['message-only']
        ? false
        : {
            port: portOf(values['msrp-port'], '--msrp-port'),
            bindTimeoutMs: 1_000 * positiveIntegerOf(values['msrp-bind-timeout'], '--msrp-bind-timeout'),
            idleTimeoutMs: 1_000 * positiveIntegerOf(values['msrp-idle-timeout'], '--msrp-idle-timeout'),
            maxBufferedBytes: byteSizeOf(values['msrp-buffer'], '--msrp-buffer'),
            limits: { maxMessageSize: byteSizeOf(values['msrp-max-message'], '--msrp-max-message') },
          },
      limits: { maxDialogs: positiveIntegerOf(values['max-dialogs'], '--max-dialogs') },
      ...(compat.length === 0 ? {} : { compat }),
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
