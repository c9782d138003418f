/**
 * The Participating Function as its users run it, for the end-to-end tests: the one command
 * (`tsx pf/src/main.ts`) started as a process on a throwaway Dovecot, and sipp (Debian's
 * sip-tester) running a scenario of test/pf/sipp/ against it.
 */
import { execFile, spawn, type ChildProcess } from 'node:child_process';
import { createSocket } from 'node:dgram';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll } from 'vitest';
import { dovecotUnavailable, seedMessages, startDovecot, type DovecotServer, type SeedMessage, type SeededMessage } from './dovecot.js';
import { FROM_SOURCES } from './paths.js';

const here = dirname(fileURLToPath(import.meta.url));
const root = join(here, '..', '..');
const scenarios = join(root, 'test', 'pf', 'sipp');

function findSipp(): string | undefined {
  const dirs = [...(process.env.PATH ?? '').split(':').filter(Boolean), '/usr/bin', '/usr/local/bin'];
  return dirs.map((dir) => join(dir, 'sipp')).find((file) => existsSync(file));
}

export const sipp = findSipp();

/** Why sipp cannot run here, or undefined when it can. */
export function sippUnavailable(): string | undefined {
  return sipp === undefined ? 'sipp is not installed (Debian package sip-tester): run `bash scripts/install-services.sh` as root' : undefined;
}

/** Why the end-to-end tests cannot run here (they need Dovecot and sipp), or undefined. */
export const unavailable = dovecotUnavailable() ?? sippUnavailable();

/** A UDP port free a moment ago, for sipp's own socket (-p). */
export async function freeUdpPort(): Promise<number> {
  const socket = createSocket('udp4');
  await new Promise<void>((resolve) => socket.bind(0, '127.0.0.1', resolve));
  const { port } = socket.address();
  await new Promise<void>((resolve) => socket.close(() => resolve()));
  return port;
}

export interface RunningPf {
  readonly child: ChildProcess;
  /** The SIP port, UDP and TCP. */
  readonly port: number;
  /** The MSRP port of the INVITE mechanism. */
  readonly msrpPort: number;
  output(): string;
}

/** Starts the one command and waits for its "listening" line. */
export async function startPf(dovecot: DovecotServer): Promise<RunningPf> {
  const child = spawn(process.execPath, [FROM_SOURCES, '--import', 'tsx', join(root, 'pf', 'src', 'main.ts'), '--port', '0', '--transport', 'udp,tcp', '--own-address', 'sip:pf@example.com'], {
    cwd: root,
    env: { ...process.env, EVFW_IMAP_HOST: dovecot.host, EVFW_IMAP_PORT: String(dovecot.port), EVFW_IMAP_USER: dovecot.user, EVFW_IMAP_PASSWORD: dovecot.password },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout!.on('data', (chunk: Buffer) => (output += chunk.toString()));
  child.stderr!.on('data', (chunk: Buffer) => (output += chunk.toString()));
  const deadline = Date.now() + 15_000;
  for (;;) {
    const sip = /listening on sip:127\.0\.0\.1:(\d+);transport=udp/.exec(output);
    const msrp = /event sessions \(INVITE\) on msrp:\/\/127\.0\.0\.1:(\d+)/.exec(output);
    if (sip && msrp) return { child, port: Number(sip[1]), msrpPort: Number(msrp[1]), output: () => output };
    if (child.exitCode !== null || Date.now() > deadline) {
      child.kill('SIGKILL');
      throw new Error(`the Participating Function did not start:\n${output}`);
    }
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

export interface SippRun {
  readonly code: number | null;
  readonly stdout: string;
  /** Every message sipp sent and received (-trace_msg). */
  readonly messages: string;
  readonly errors: string;
}

/** Runs one scenario, one call, on UDP (or TCP); killed after 20 s whatever happens. */
export async function runSipp(scenario: string, pfPort: number, dir: string, injection?: string, transport: 'udp' | 'tcp' = 'udp'): Promise<SippRun> {
  const name = `${scenario.replace(/\.xml$/, '')}.${transport}`;
  const messageFile = join(dir, `${name}.messages.log`);
  const errorFile = join(dir, `${name}.errors.log`);
  const args = ['-sf', join(scenarios, scenario), '-m', '1', '-l', '1', '-t', transport === 'udp' ? 'u1' : 't1', '-i', '127.0.0.1', '-p', String(await freeUdpPort())];
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
export function receivedResponse(messages: string): string {
  const parts = messages.split(/^-{10,}.*$/m).filter((p) => /message received/.test(p));
  const last = parts[parts.length - 1] ?? '';
  return last.slice(last.indexOf('SIP/2.0')).trim();
}

/** Stops the process (SIGKILL: for clean-up; the SIGTERM path is a test of its own). */
export async function killPf(pf: RunningPf | undefined): Promise<void> {
  if (pf === undefined || pf.child.exitCode !== null) return;
  const exited = new Promise((resolve) => pf.child.once('exit', resolve));
  pf.child.kill('SIGKILL');
  await exited;
}

/** What an end-to-end test file works with: the store, the PF command on it, a scratch folder. */
export interface PfStage {
  dovecot: DovecotServer;
  pf: RunningPf;
  /** For sipp's logs and injection files. */
  dir: string;
  /** The messages seeded before the PF started, in the order given. */
  seeded: SeededMessage[];
}

/**
 * Registers the file's beforeAll and afterAll: a throwaway Dovecot seeded with `messages`, the PF
 * command started on it, a scratch folder; all stopped and removed afterwards. The stage's fields
 * are filled once beforeAll has run.
 */
export function stagePfOnDovecot(messages: readonly SeedMessage[]): PfStage {
  const stage = {} as PfStage;
  beforeAll(async () => {
    stage.dir = mkdtempSync(join(tmpdir(), 'evfw-pf-'));
    stage.dovecot = await startDovecot();
    stage.seeded = await seedMessages(stage.dovecot, messages);
    stage.pf = await startPf(stage.dovecot);
  }, 40_000);
  afterAll(async () => {
    await killPf(stage.pf);
    await stage.dovecot?.stop();
    if (stage.dir) rmSync(stage.dir, { recursive: true, force: true });
  }, 20_000);
  return stage;
}
