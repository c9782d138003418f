/**
 * The acceptance test of the SIP MESSAGE mechanism (issue 10): a real SIP peer (sipp, Debian's
 * sip-tester) sends event reports to the Participating Function started with its one command
 * (`tsx pf/src/main.ts`), which applies them to a real CPM Message Store (Dovecot). The flags are
 * then read back over IMAP, as another CPM Client would see them at its next sync (6.7.5.1).
 *
 * The scenarios are test/pf/sipp/*.xml; the seeded UIDs reach them through sipp's -inf file.
 */
import { execFile, spawn, type ChildProcess } from 'node:child_process';
import { createSocket } from 'node:dgram';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { dovecotUnavailable, flagsOf, seedMessages, startDovecot, type DovecotServer, type SeededMessage } from '../support/dovecot.js';

const here = dirname(fileURLToPath(import.meta.url));
const root = join(here, '..', '..');
const scenarios = join(here, 'sipp');

function findSipp(): string | undefined {
  const dirs = [...(process.env.PATH ?? '').split(':').filter(Boolean), '/usr/bin', '/usr/local/bin'];
  return dirs.map((dir) => join(dir, 'sipp')).find((file) => existsSync(file));
}

const sipp = findSipp();
const unavailable =
  dovecotUnavailable() ?? (sipp === undefined ? 'sipp is not installed (Debian package sip-tester): run `bash scripts/install-services.sh` as root' : undefined);

/** A UDP port free a moment ago, for sipp's own socket (-p). */
async function freeUdpPort(): Promise<number> {
  const socket = createSocket('udp4');
  await new Promise<void>((resolve) => socket.bind(0, '127.0.0.1', resolve));
  const { port } = socket.address();
  await new Promise<void>((resolve) => socket.close(() => resolve()));
  return port;
}

interface RunningPf {
  readonly child: ChildProcess;
  readonly port: number;
  output(): string;
}

/** Starts the one command and waits for its "listening" line. */
async function startPf(dovecot: DovecotServer): Promise<RunningPf> {
  const child = spawn(process.execPath, ['--import', 'tsx', join(root, 'pf', 'src', 'main.ts'), '--port', '0', '--transport', 'udp,tcp', '--own-address', 'sip:pf@example.com'], {
    cwd: root,
    env: { ...process.env, EVFW_IMAP_HOST: dovecot.host, EVFW_IMAP_PORT: String(dovecot.port), EVFW_IMAP_USER: dovecot.user, EVFW_IMAP_PASSWORD: dovecot.password },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout!.on('data', (chunk: Buffer) => (output += chunk.toString()));
  child.stderr!.on('data', (chunk: Buffer) => (output += chunk.toString()));
  const deadline = Date.now() + 15_000;
  for (;;) {
    const m = /listening on sip:127\.0\.0\.1:(\d+);transport=udp/.exec(output);
    if (m) return { child, port: Number(m[1]), output: () => output };
    if (child.exitCode !== null || Date.now() > deadline) {
      child.kill('SIGKILL');
      throw new Error(`the Participating Function did not start:\n${output}`);
    }
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

interface SippRun {
  readonly code: number | null;
  readonly stdout: string;
  /** Every message sipp sent and received (-trace_msg). */
  readonly messages: string;
  readonly errors: string;
}

/** Runs one scenario, one call, on UDP; killed after 20 s whatever happens. */
async function runSipp(scenario: string, pfPort: number, dir: string, injection?: string): Promise<SippRun> {
  const name = scenario.replace(/\.xml$/, '');
  const messageFile = join(dir, `${name}.messages.log`);
  const errorFile = join(dir, `${name}.errors.log`);
  const args = ['-sf', join(scenarios, scenario), '-m', '1', '-l', '1', '-t', 'u1', '-i', '127.0.0.1', '-p', String(await freeUdpPort())];
  args.push('-timeout', '10s', '-timeout_error', '-nostdin', '-trace_msg', '-message_file', messageFile, '-trace_err', '-error_file', errorFile);
  if (injection !== undefined) {
    const file = join(dir, `${name}.csv`);
    writeFileSync(file, `SEQUENTIAL\n${injection}\n`);
    args.push('-inf', file);
  }
  args.push(`127.0.0.1:${pfPort}`);
  const result = await new Promise<{ code: number | null; stdout: string }>((resolve) => {
    execFile(sipp!, args, { cwd: dir, timeout: 20_000, killSignal: 'SIGKILL', maxBuffer: 4 << 20 }, (error, stdout) => {
      resolve({ code: error ? ((error as { code?: number }).code ?? null) : 0, stdout });
    });
  });
  const read = (file: string) => (existsSync(file) ? readFileSync(file, 'utf8') : '');
  return { ...result, messages: read(messageFile), errors: read(errorFile) };
}

/** The last SIP response sipp logged as received. */
function receivedResponse(messages: string): string {
  const parts = messages.split(/^-{10,}.*$/m).filter((p) => /message received/.test(p));
  const last = parts[parts.length - 1] ?? '';
  return last.slice(last.indexOf('SIP/2.0')).trim();
}

describe.skipIf(unavailable)(`SIP MESSAGE end to end: sipp -> Participating Function -> Dovecot${unavailable ? `: skipped, ${unavailable}` : ''}`, { timeout: 40_000 }, () => {
  let dovecot: DovecotServer | undefined;
  let pf: RunningPf | undefined;
  let dir = '';
  let seeded: SeededMessage[] = [];

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'evfw-sipp-'));
    dovecot = await startDovecot();
    const group = { conversationId: 'thisConversationID1234', contributionId: 'thisContributionID5678' };
    const oneToOne = { conversationId: 'ruhfdui134t9187698t1rgf', contributionId: 'uhfdui134t9187698t1rgfr' };
    seeded = await seedMessages(dovecot, [
      { folder: 'Default/thisConversationID1234/thisContributionID5678', ...group, imdnMessageId: '7QsgkAl8QZvr9XPFtiiCtLj3sls0oPof' },
      { folder: 'UserFolder1/thisConversationID1234/thisContributionID5678', ...group, imdnMessageId: '7QsgkAl8QZvr9XPFtiiCtLj3sls0765' },
      { folder: 'Default/ruhfdui134t9187698t1rgf/uhfdui134t9187698t1rgfr', ...oneToOne, imdnMessageId: '7QsgkAl8QZvr9XPFtiiCtLj3sls0oNok' },
      // Untouched by the report: must stay unseen.
      { folder: 'Default/ruhfdui134t9187698t1rgf/uhfdui134t9187698t1rgfr', ...oneToOne, imdnMessageId: 'not-reported' },
    ]);
    pf = await startPf(dovecot);
  }, 40_000);

  afterAll(async () => {
    if (pf && pf.child.exitCode === null) {
      const exited = new Promise((resolve) => pf!.child.once('exit', resolve));
      pf.child.kill('SIGKILL');
      await exited;
    }
    await dovecot?.stop();
    if (dir) rmSync(dir, { recursive: true, force: true });
  }, 20_000);

  it('sets \\Seen on two messages by uid and one by the conversation-id/contribution-id/message-id triple, answering 200', async () => {
    const [first, second, third, untouched] = seeded as [SeededMessage, SeededMessage, SeededMessage, SeededMessage];
    const fields = [
      String(first.uid), `${first.folder}/`, first.imdnMessageId,
      String(second.uid), `${second.folder}/`, second.imdnMessageId,
      third.conversationId, third.contributionId, third.imdnMessageId,
    ];
    const run = await runSipp('message-seen.xml', pf!.port, dir, fields.join(';'));
    expect(run.code, `sipp failed:\n${run.errors}\n${run.messages}\n${pf!.output()}`).toBe(0);
    expect(receivedResponse(run.messages)).toMatch(/^SIP\/2\.0 200 OK\r?\n/);
    for (const message of [first, second, third]) {
      expect(await flagsOf(dovecot!, message.folder, message.uid)).toContain('\\Seen');
    }
    expect(await flagsOf(dovecot!, untouched.folder, untouched.uid)).not.toContain('\\Seen');
    expect(pf!.output()).toContain('report applied: 3 of 3 objects updated');
  });

  it('answers a malformed body with 400 naming the first diagnostic: code, line:column, message', async () => {
    const run = await runSipp('message-malformed.xml', pf!.port, dir);
    expect(run.code, `sipp failed:\n${run.errors}\n${run.messages}\n${pf!.output()}`).toBe(0);
    const response = receivedResponse(run.messages);
    expect(response).toMatch(/^SIP\/2\.0 400 Invalid Event Report: evfw\.xml\.tag-mismatch at 6:1\r?\n/);
    expect(response).toMatch(/^Warning: 399 evfw-pf "evfw\.xml\.tag-mismatch 6:1: the end tag <\/operation> closes nothing/m);
  });

  it('stops cleanly on SIGTERM', async () => {
    const exited = new Promise<number | null>((resolve) => pf!.child.once('exit', (code) => resolve(code)));
    pf!.child.kill('SIGTERM');
    expect(await exited).toBe(0);
    expect(pf!.output()).toContain('pf: SIGTERM, stopping');
  });
});
