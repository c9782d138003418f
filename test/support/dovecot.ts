/**
 * A throwaway Dovecot (Debian's dovecot-imapd, 2.3) for one test file: the real CPM Message Store
 * the Participating Function talks to over IMAP (issue 10, "real parts in the tests").
 *
 *   const reason = dovecotUnavailable();              // a string when Dovecot is missing
 *   describe.skipIf(skipUnlessCi(reason))(`... (${reason})`, () => {   // requirements.ts
 *     let server: DovecotServer;
 *     beforeAll(async () => { server = await startDovecot(); await seedMessages(server, [...]); });
 *     afterAll(() => server?.stop());
 *
 * Everything lives in one folder under os.tmpdir(): dovecot.conf, the passwd-file, base_dir (the
 * master's sockets), state_dir, the maildirs and the log. Nothing touches the system Dovecot: the
 * instance is started with `dovecot -F -c <conf>` as a child process and stopped with SIGTERM, its
 * session processes included (they may outlive the master), before the folder is removed.
 *
 * The configuration decisions, each forced by Dovecot 2.3 rather than chosen:
 * - login processes refuse to run as root ("This process must not be run as root") and mail
 *   processes refuse uid 0 ("userdb returned 0 as uid"): as root, the login and internal users are
 *   the package's `dovenull` and `dovecot`, and the mail user is `nobody`; as anyone else, all
 *   three are the current user.
 * - a non-root master cannot chroot: every service that chroots by default has `chroot =`
 *   (harmless as root, so the configuration is the same for both).
 * - `disable_plaintext_auth = no` and `ssl = no`: LOGIN in clear text, on 127.0.0.1 only.
 * - `auth_failure_delay = 0` and no anvil-auth-penalty socket: a wrong password is answered at
 *   once, and does not slow down the logins after it.
 * The hierarchy separator is "/", with LAYOUT=fs maildirs, so that a folder-path of Appendix M
 * (`Default/<conversation-id>/<contribution-id>/`) names a mailbox as it is written.
 */
import { execFileSync, spawn, type ChildProcess } from 'node:child_process';
import { chmodSync, chownSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createConnection, createServer } from 'node:net';
import { tmpdir, userInfo } from 'node:os';
import { join } from 'node:path';
import { ImapFlow } from 'imapflow';

export interface DovecotServer {
  readonly host: '127.0.0.1';
  readonly port: number;
  readonly user: string;
  readonly password: string;
  /** The hierarchy separator of the one namespace. */
  readonly separator: '/';
  /** The temp folder holding everything; removed by stop(). */
  readonly dir: string;
  /** Dovecot's own log so far (for failure messages). */
  log(): string;
  /** Stops Dovecot (SIGTERM, then SIGKILL after 5 s) and removes the folder. Safe to call twice. */
  stop(): Promise<void>;
}

/** One message to store, with the headers a CPM Message Store object carries. */
export interface SeedMessage {
  /** Mailbox name with "/" as separator, created (with its parents) when missing. */
  folder: string;
  conversationId: string;
  contributionId: string;
  /** The IMDN Message-ID of the stored message (header `IMDN-Message-ID`). */
  imdnMessageId: string;
  /** Flags to store the message with, e.g. ['\\Seen']; none by default. */
  flags?: string[];
  text?: string;
}

export interface SeededMessage extends SeedMessage {
  uid: number;
}

/**
 * The header names OMA CPM Message Storage gives a stored CPM Message: the SIP Conversation-ID and
 * Contribution-ID and the CPIM imdn.Message-ID copied into the stored object's RFC 5322 header
 * (as the GSMA RCS stack's CMS client reads them: Conversation-ID, Contribution-ID,
 * IMDN-Message-ID, Message-Direction, Message-Context).
 */
export const CPM_HEADERS = {
  conversationId: 'Conversation-ID',
  contributionId: 'Contribution-ID',
  imdnMessageId: 'IMDN-Message-ID',
} as const;

const SYSTEM_PATHS = ['/usr/sbin', '/sbin', '/usr/local/sbin'];

/** The dovecot binary: $EVFW_DOVECOT when set (a build outside PATH), else the first on PATH or in sbin. */
function findDovecot(): string | undefined {
  const chosen = process.env.EVFW_DOVECOT;
  if (chosen) return existsSync(chosen) ? chosen : undefined;
  const dirs = [...(process.env.PATH ?? '').split(':').filter(Boolean), ...SYSTEM_PATHS];
  return dirs.map((dir) => join(dir, 'dovecot')).find((file) => existsSync(file));
}

/**
 * Why the Dovecot tests cannot run here, or undefined when they can. Synchronous, so that
 * `describe.skipIf(dovecotUnavailable())` works at collection time.
 */
export function dovecotUnavailable(): string | undefined {
  const binary = findDovecot();
  if (!binary && process.env.EVFW_DOVECOT) return `EVFW_DOVECOT names no file: ${process.env.EVFW_DOVECOT}`;
  if (!binary) {
    return 'dovecot is not installed (Debian package dovecot-imapd): run `bash scripts/install-services.sh` as root';
  }
  try {
    execFileSync(binary, ['--version'], { stdio: 'pipe', timeout: 5_000 });
  } catch (error) {
    return `${binary} --version failed: ${(error as Error).message.split('\n')[0]}`;
  }
  return undefined;
}

async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.unref();
    server.on('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() => (typeof address === 'object' && address ? resolve(address.port) : reject(new Error('no port'))));
    });
  });
}

interface Identity {
  loginUser: string;
  internalUser: string;
  internalGroup: string;
  mailUid: number;
  mailGid: number;
}

function idOf(flag: '-u' | '-g', name: string): number {
  return Number(execFileSync('id', [flag, name], { encoding: 'utf8' }).trim());
}

function identity(): Identity {
  const me = userInfo();
  if (me.uid === 0) {
    return { loginUser: 'dovenull', internalUser: 'dovecot', internalGroup: 'dovecot', mailUid: idOf('-u', 'nobody'), mailGid: idOf('-g', 'nobody') };
  }
  const group = execFileSync('id', ['-gn'], { encoding: 'utf8' }).trim();
  return { loginUser: me.username, internalUser: me.username, internalGroup: group, mailUid: me.uid, mailGid: me.gid };
}

// Services that chroot by default in 2.3 and start with protocols = imap.
const CHROOTED_SERVICES = ['anvil', 'imap-login', 'imap-urlauth-login', 'stats', 'ipc', 'old-stats', 'aggregator'];

function configuration(dir: string, port: number, who: Identity): string {
  const extra: Record<string, string> = {
    'imap-login': `  inet_listener imap {\n    address = 127.0.0.1\n    port = ${port}\n  }\n  inet_listener imaps {\n    port = 0\n  }\n`,
    // No authentication penalty: one wrong-password test would delay every later login from
    // 127.0.0.1 by 2 to 15 seconds (the documented way to turn it off).
    anvil: '  unix_listener anvil-auth-penalty {\n    mode = 0\n  }\n',
  };
  const services = CHROOTED_SERVICES.map((name) => `service ${name} {\n  chroot =\n${extra[name] ?? ''}}`);
  return [
    '# A throwaway Dovecot for one test file (test/support/dovecot.ts). Not for production.',
    'protocols = imap',
    'listen = 127.0.0.1',
    `base_dir = ${join(dir, 'run')}`,
    `state_dir = ${join(dir, 'state')}`,
    'instance_name = evfw-test',
    `log_path = ${join(dir, 'dovecot.log')}`,
    `info_log_path = ${join(dir, 'dovecot.log')}`,
    'ssl = no',
    'disable_plaintext_auth = no',
    'auth_mechanisms = plain login',
    'auth_failure_delay = 0',
    `default_login_user = ${who.loginUser}`,
    `default_internal_user = ${who.internalUser}`,
    `default_internal_group = ${who.internalGroup}`,
    'first_valid_uid = 1',
    'first_valid_gid = 1',
    `mail_location = maildir:${join(dir, 'mail')}/%u:LAYOUT=fs`,
    'namespace inbox {',
    '  inbox = yes',
    '  separator = /',
    '}',
    'passdb {',
    '  driver = passwd-file',
    `  args = scheme=PLAIN username_format=%u ${join(dir, 'passwd')}`,
    '}',
    'userdb {',
    '  driver = static',
    `  args = uid=${who.mailUid} gid=${who.mailGid} home=${join(dir, 'mail')}/%u`,
    '}',
    ...services,
    '',
  ].join('\n');
}

/** Resolves once the server sends its "* OK" greeting, rejects after `timeoutMs`. */
async function waitForGreeting(port: number, timeoutMs: number, exited: () => string | undefined): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const gone = exited();
    if (gone) throw new Error(gone);
    const greeted = await new Promise<boolean>((resolve) => {
      const socket = createConnection({ host: '127.0.0.1', port });
      const done = (ok: boolean) => {
        socket.destroy();
        resolve(ok);
      };
      socket.setTimeout(1_000, () => done(false));
      socket.once('error', () => done(false));
      socket.once('data', (chunk) => done(chunk.toString('latin1').startsWith('* OK')));
    });
    if (greeted) return;
    if (Date.now() > deadline) throw new Error(`no IMAP greeting on 127.0.0.1:${port} within ${timeoutMs} ms`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

/** The pids of every process below `root`, from /proc (Linux; this helper is Debian-only anyway). */
function descendants(root: number): number[] {
  const parentOf = new Map<number, number>();
  let entries: string[] = [];
  try {
    entries = readdirSync('/proc').filter((name) => /^[0-9]+$/.test(name));
  } catch {
    return [];
  }
  for (const pid of entries) {
    try {
      // "pid (comm) state ppid ...": comm may hold spaces and parentheses, so read after the last ")".
      const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
      const ppid = Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]);
      parentOf.set(Number(pid), ppid);
    } catch {
      // gone meanwhile
    }
  }
  const found = new Set<number>([root]);
  for (let grew = true; grew; ) {
    grew = false;
    for (const [pid, ppid] of parentOf) {
      if (!found.has(pid) && found.has(ppid)) {
        found.add(pid);
        grew = true;
      }
    }
  }
  found.delete(root);
  return [...found];
}

/** Running, that is: not gone and not a zombie (an init that does not reap, as in some containers). */
function alive(pid: number): boolean {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    return stat.slice(stat.lastIndexOf(')') + 2, stat.lastIndexOf(')') + 3) !== 'Z';
  } catch {
    return false;
  }
}

async function stopProcess(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null || child.pid === undefined) return;
  // The master may exit before its imap session processes do, and a session outliving it would
  // go on serving a mail folder that stop() is about to remove: wait for those too.
  const below = descendants(child.pid);
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  child.kill('SIGTERM');
  const timer = setTimeout(() => child.kill('SIGKILL'), 5_000);
  await exited;
  clearTimeout(timer);
  // An imap process whose client is still connected stays until the client leaves: end it.
  const signal = (name: NodeJS.Signals) => {
    for (const pid of below.filter(alive)) {
      try {
        process.kill(pid, name);
      } catch {
        // exited meanwhile
      }
    }
  };
  signal('SIGTERM');
  const deadline = Date.now() + 2_000;
  while (below.some(alive) && Date.now() < deadline) await new Promise((resolve) => setTimeout(resolve, 20));
  signal('SIGKILL');
}

/**
 * Starts Dovecot on a free loopback port with one user (`evfw` / a random password) and an empty
 * INBOX. Throws, with Dovecot's own words, when the configuration is refused or it does not answer.
 */
export async function startDovecot(options: { timeoutMs?: number } = {}): Promise<DovecotServer> {
  const binary = findDovecot();
  if (!binary) throw new Error(dovecotUnavailable());
  const who = identity();
  const dir = mkdtempSync(join(tmpdir(), 'evfw-dovecot-'));
  // The auth process (the internal user) reads the passwd-file and the mail user writes mail/.
  chmodSync(dir, 0o755);
  for (const sub of ['run', 'state', 'mail']) mkdirSync(join(dir, sub));
  chownSync(join(dir, 'mail'), who.mailUid, who.mailGid);
  const user = 'evfw';
  const password = `pw-${Math.random().toString(36).slice(2)}`;
  writeFileSync(join(dir, 'passwd'), `${user}:{PLAIN}${password}::::::\n`, { mode: 0o644 });
  const logFile = join(dir, 'dovecot.log');
  const log = () => (existsSync(logFile) ? readFileSync(logFile, 'utf8') : '');
  const conf = join(dir, 'dovecot.conf');

  let child: ChildProcess | undefined;
  const cleanUp = async () => {
    if (child) await stopProcess(child);
    rmSync(dir, { recursive: true, force: true });
  };
  try {
    // A port found free may be taken before Dovecot binds it: try a few.
    for (let attempt = 1; ; attempt++) {
      const port = await freePort();
      writeFileSync(conf, configuration(dir, port, who));
      execFileSync(binary, ['-n', '-c', conf], { stdio: 'pipe', timeout: 10_000 });
      let output = '';
      const started = spawn(binary, ['-F', '-c', conf], { stdio: ['ignore', 'pipe', 'pipe'] });
      child = started;
      // A test worker that dies without running afterAll must not leave a Dovecot behind: the
      // other processes follow the master, the imap sessions when their clients (in the worker) go.
      const killOnExit = () => started.kill('SIGKILL');
      process.once('exit', killOnExit);
      started.once('exit', () => process.removeListener('exit', killOnExit));
      started.stdout?.on('data', (chunk: Buffer) => (output += chunk.toString()));
      started.stderr?.on('data', (chunk: Buffer) => (output += chunk.toString()));
      const exited = () =>
        started.exitCode !== null || started.signalCode !== null
          ? `dovecot exited (${started.exitCode ?? started.signalCode}): ${output.trim()}\n${log().trim()}`
          : undefined;
      try {
        await waitForGreeting(port, options.timeoutMs ?? 10_000, exited);
      } catch (error) {
        await stopProcess(started);
        if (attempt < 3 && /Address already in use/.test(log() + output)) continue;
        throw error;
      }
      const server: DovecotServer = {
        host: '127.0.0.1',
        port,
        user,
        password,
        separator: '/',
        dir,
        log,
        stop: async () => {
          await cleanUp();
          child = undefined;
        },
      };
      return server;
    }
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    const detail = (error as { stderr?: Buffer }).stderr?.toString().trim();
    await cleanUp();
    throw new Error(`could not start dovecot: ${detail || message}`);
  }
}

/** An IMAP client logged in to `server`, quiet. The caller logs out. */
export async function connectClient(server: DovecotServer): Promise<ImapFlow> {
  const client = new ImapFlow({
    host: server.host,
    port: server.port,
    secure: false,
    auth: { user: server.user, pass: server.password },
    logger: false,
    connectionTimeout: 5_000,
    greetingTimeout: 5_000,
  });
  await client.connect();
  return client;
}

/** The stored form of a CPM pager-mode message, as the CPM Message Store keeps one. */
function storedMessage(message: SeedMessage): string {
  const lines = [
    'From: <tel:+15145551234>',
    'To: <tel:+15145554321>',
    'Date: Tue, 01 Dec 2026 10:00:00 +0000',
    `${CPM_HEADERS.conversationId}: ${message.conversationId}`,
    `${CPM_HEADERS.contributionId}: ${message.contributionId}`,
    `${CPM_HEADERS.imdnMessageId}: ${message.imdnMessageId}`,
    'Message-Direction: received',
    'Message-Context: pager-message',
    'Content-Type: text/plain; charset=utf-8',
    '',
    message.text ?? `a stored CPM message (${message.imdnMessageId})`,
    '',
  ];
  return lines.join('\r\n');
}

/**
 * Stores `messages` over IMAP (APPEND, so the files belong to the mail user and each UID is the
 * server's own), creating their folders. Returns them with their UIDs, in order.
 */
export async function seedMessages(server: DovecotServer, messages: readonly SeedMessage[]): Promise<SeededMessage[]> {
  const client = await connectClient(server);
  try {
    const existing = new Set((await client.list()).map((box) => box.path));
    const seeded: SeededMessage[] = [];
    for (const message of messages) {
      if (!existing.has(message.folder)) {
        await client.mailboxCreate(message.folder);
        existing.add(message.folder);
      }
      const appended = await client.append(message.folder, storedMessage(message), message.flags ?? []);
      if (!appended || appended.uid === undefined) {
        throw new Error(`APPEND to ${message.folder} returned no UID (no UIDPLUS?)`);
      }
      seeded.push({ ...message, uid: appended.uid });
    }
    return seeded;
  } finally {
    await client.logout();
  }
}

/** The flags of one message, read over a connection of its own (what another client would see). */
export async function flagsOf(server: DovecotServer, folder: string, uid: number): Promise<Set<string>> {
  const client = await connectClient(server);
  try {
    const lock = await client.getMailboxLock(folder, { readOnly: true });
    try {
      const message = await client.fetchOne(String(uid), { uid: true, flags: true }, { uid: true });
      if (!message) throw new Error(`no message with UID ${uid} in ${folder}`);
      return message.flags ?? new Set();
    } finally {
      lock.release();
    }
  } finally {
    await client.logout();
  }
}
