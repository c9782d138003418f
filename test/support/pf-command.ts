/**
 * The Participating Function's one command started with arguments of the test's choosing, for
 * the tests of its options (pf-process.ts's startPf starts it one way): with `npm run pf`
 * exactly as an operator types it, or as `node --import tsx pf/src/main.ts` like startPf.
 *
 *   const pf = await startPfCommand({ args: ['--compat', 'flag-attribute'], env: imapEnv(dovecot) });
 *   ...
 *   await stopPfCommand(pf);
 *
 * The command runs in a process group of its own (`npm run` starts npm, a shell, tsx and node),
 * so that stopping it stops every process it started, and nothing else.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { DovecotServer } from './dovecot.js';
import { FROM_SOURCES } from './paths.js';

const root = join(dirname(fileURLToPath(import.meta.url)), '..', '..');

export interface PfCommand {
  readonly child: ChildProcess;
  /** The SIP port (UDP and TCP), once it listens. */
  readonly port: number;
  /** The MSRP port of the INVITE mechanism. */
  readonly msrpPort: number;
  /** stdout and stderr so far. */
  output(): string;
}

export interface PfCommandOptions {
  /** Arguments after the ones every test needs (`--port 0 --transport udp,tcp --own-address ...`). */
  readonly args: readonly string[];
  /** The environment beside PATH and HOME: EVFW_IMAP_* as the test wants them. */
  readonly env: Readonly<Record<string, string>>;
  /** `npm run pf --` (npm, sh, tsx, node) instead of one node process. */
  readonly viaNpm?: boolean;
}

/** The IMAP settings of a Dovecot, as environment variables; the password only when asked. */
export function imapEnv(dovecot: DovecotServer, withPassword: boolean): Record<string, string> {
  return {
    EVFW_IMAP_HOST: dovecot.host,
    EVFW_IMAP_PORT: String(dovecot.port),
    EVFW_IMAP_USER: dovecot.user,
    ...(withPassword ? { EVFW_IMAP_PASSWORD: dovecot.password } : {}),
  };
}

/** Spawns the command without waiting for anything. */
export function spawnPfCommand(options: PfCommandOptions): { child: ChildProcess; output(): string } {
  const common = ['--port', '0', '--transport', 'udp,tcp', '--own-address', 'sip:pf@example.com', ...options.args];
  const [command, args] = options.viaNpm
    ? ['npm', ['run', '--silent', 'pf', '--', ...common]]
    : [process.execPath, [FROM_SOURCES, '--import', 'tsx', join(root, 'pf', 'src', 'main.ts'), ...common]];
  // Only what the command needs: the test's own environment may hold EVFW_IMAP_PASSWORD.
  const env: Record<string, string> = { PATH: process.env.PATH ?? '/usr/bin:/bin', HOME: process.env.HOME ?? '/tmp', ...options.env };
  const child = spawn(command, args, { cwd: root, env, stdio: ['ignore', 'pipe', 'pipe'], detached: true });
  let output = '';
  child.stdout!.on('data', (chunk: Buffer) => (output += chunk.toString()));
  child.stderr!.on('data', (chunk: Buffer) => (output += chunk.toString()));
  return { child, output: () => output };
}

/** Spawns the command and waits for its "listening" lines (15 s at most). */
export async function startPfCommand(options: PfCommandOptions): Promise<PfCommand> {
  const { child, output } = spawnPfCommand(options);
  const deadline = Date.now() + 15_000;
  for (;;) {
    const sip = /listening on sip:127\.0\.0\.1:(\d+);transport=udp/.exec(output());
    const msrp = /event sessions \(INVITE\) on msrp:\/\/127\.0\.0\.1:(\d+)/.exec(output());
    if (sip && msrp) return { child, port: Number(sip[1]), msrpPort: Number(msrp[1]), output };
    if (child.exitCode !== null || Date.now() > deadline) {
      await stopPfCommand({ child });
      throw new Error(`the Participating Function did not start (exit ${child.exitCode}):\n${output()}`);
    }
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

/** Resolves with the exit code once the command has exited, or undefined after `ms`. */
export function exitOf(child: ChildProcess, ms: number): Promise<number | null | undefined> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve(child.exitCode);
  return new Promise((resolve) => {
    const timer = setTimeout(() => resolve(undefined), ms);
    child.once('exit', (code) => {
      clearTimeout(timer);
      resolve(code);
    });
  });
}

/** SIGKILLs the command's process group (every process it started), and waits for its exit. */
export async function stopPfCommand(pf: { child: ChildProcess } | undefined): Promise<void> {
  const child = pf?.child;
  if (child === undefined || child.pid === undefined) return;
  const exited = exitOf(child, 5_000);
  try {
    process.kill(-child.pid, 'SIGKILL');
  } catch {
    // The group is gone already.
  }
  await exited;
}
