/**
 * Issue 22 item 6 (and "no leaks" in what to build): `--imap-password` put the store's password in
 * the PF's arguments, which every local user reads with `ps` or /proc/<pid>/cmdline. The password
 * now comes from EVFW_IMAP_PASSWORD or a file (`--imap-password-file`), and `--imap-password` is
 * refused with exit 2 naming both.
 *
 * The PF is started as an operator starts it, `npm run pf`, which runs npm, a shell, tsx and the
 * node process tsx spawns: every process of that tree is looked at, and `ps -eo args` as a whole.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { dovecotUnavailable, flagsOf, seedMessages, startDovecot, type DovecotServer, type SeededMessage } from '../../support/dovecot.js';
import { exitOf, imapEnv, spawnPfCommand, startPfCommand, stopPfCommand, type PfCommand } from '../../support/pf-command.js';
import { skipUnlessCi } from '../../support/requirements.js';
import { messageText, seenReport, udpExchange, warning } from '../../support/sip-peer.js';

const unavailable = dovecotUnavailable();

/** `pid` and every process under it, from /proc/<pid>/stat's parent field. */
function processTree(pid: number): number[] {
  const children = new Map<number, number[]>();
  for (const name of readdirSync('/proc')) {
    if (!/^\d+$/.test(name)) continue;
    let stat: string;
    try {
      stat = readFileSync(`/proc/${name}/stat`, 'utf8');
    } catch {
      continue; // exited meanwhile
    }
    // "pid (comm) state ppid ...": comm may hold spaces and parentheses, so read after the last ")".
    const parent = Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]);
    children.set(parent, [...(children.get(parent) ?? []), Number(name)]);
  }
  const tree = [pid];
  for (let i = 0; i < tree.length; i++) tree.push(...(children.get(tree[i]!) ?? []));
  return tree;
}

/** A /proc file of a process as text (NULs as spaces), or '' when it is gone. */
function procText(pid: number, file: 'cmdline' | 'environ'): string {
  try {
    return readFileSync(`/proc/${pid}/${file}`).toString('latin1').replaceAll('\0', ' ');
  } catch {
    return '';
  }
}

function psArgs(): string {
  return execFileSync('ps', ['-eo', 'pid,args'], { encoding: 'utf8', maxBuffer: 16 << 20 });
}

describe.skipIf(skipUnlessCi(unavailable))(`the store's password never in argv${skipUnlessCi(unavailable) ? `: skipped, ${unavailable}` : ''}`, { timeout: 40_000 }, () => {
  let dovecot: DovecotServer | undefined;
  let seeded: SeededMessage[] = [];
  let dir = '';

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'evfw-secrets-'));
    dovecot = await startDovecot();
    seeded = await seedMessages(dovecot, [{ folder: 'Default/secret-conv/secret-contrib', conversationId: 'secret-conv', contributionId: 'secret-contrib', imdnMessageId: 'secret-1' }]);
  }, 30_000);

  afterAll(async () => {
    await dovecot?.stop();
    if (dir) rmSync(dir, { recursive: true, force: true });
  }, 20_000);

  it('npm run pf with --imap-password-file: the password is in no process of the tree nor in ps, and a MESSAGE is applied', async () => {
    const file = join(dir, 'imap-password');
    // As `echo "$password" > file` writes it: the trailing newline is not part of the password.
    writeFileSync(file, `${dovecot!.password}\n`, { mode: 0o600 });
    let pf: PfCommand | undefined;
    try {
      pf = await startPfCommand({ args: ['--imap-password-file', file], env: imapEnv(dovecot!, false), viaNpm: true });
      const tree = processTree(pf.child.pid!);
      const commands = tree.map((pid) => `${pid}: ${procText(pid, 'cmdline')}`);
      // The tree is the real one: npm at its root, the node process running main.ts under it.
      expect(commands.some((c) => c.includes('pf/src/main.ts') && c.includes('--imap-password-file')), commands.join('\n')).toBe(true);
      for (const pid of tree) {
        expect(procText(pid, 'cmdline'), `/proc/${pid}/cmdline`).not.toContain(dovecot!.password);
        expect(procText(pid, 'environ'), `/proc/${pid}/environ`).not.toContain(dovecot!.password);
      }
      expect(psArgs()).not.toContain(dovecot!.password);

      const [target] = seeded as [SeededMessage];
      const body = seenReport(`<object uid="${target.uid}" folder-path="${target.folder}/"><message-id>${target.imdnMessageId}</message-id></object>`);
      const [response] = await udpExchange(pf.port, messageText({ body }));
      expect(response?.status, `${warning(response)}\n${pf.output()}`).toBe(200);
      expect(await flagsOf(dovecot!, target.folder, target.uid)).toContain('\\Seen');
    } finally {
      await stopPfCommand(pf);
    }
  });

  it('--imap-password on the command line is refused with exit 2, naming EVFW_IMAP_PASSWORD and --imap-password-file', async () => {
    const secret = `argv-secret-${Math.random().toString(36).slice(2)}`;
    const pf = spawnPfCommand({ args: ['--imap-password', secret], env: imapEnv(dovecot!, false) });
    try {
      // Until it exits, or starts listening (as it did before issue 22, the password in ps for as
      // long as it ran). Before either, node and tsx are still starting: the argument is visible
      // then whatever the PF does, which is why it must stop at once rather than run.
      const deadline = Date.now() + 15_000;
      while (pf.child.exitCode === null && !/listening on sip:/.test(pf.output()) && Date.now() < deadline) {
        await new Promise((resolve) => setTimeout(resolve, 50));
      }
      const line = psArgs().split('\n').find((l) => l.includes(secret));
      expect(line, 'ps shows the password of a PF started with --imap-password').toBeUndefined();
      expect(pf.output()).not.toContain('listening on sip:');
      expect(await exitOf(pf.child, 5_000)).toBe(2);
      expect(pf.output()).toMatch(/^pf: --imap-password is not accepted: .*EVFW_IMAP_PASSWORD.*--imap-password-file/m);
    } finally {
      await stopPfCommand(pf);
    }
  });

  it('an unreadable or empty --imap-password-file is refused with exit 2 and says which', async () => {
    const empty = join(dir, 'empty');
    writeFileSync(empty, '\n');
    for (const [file, said] of [
      [join(dir, 'missing'), /^pf: --imap-password-file ".*missing" cannot be read: ENOENT/m],
      [empty, /^pf: --imap-password-file ".*empty" is empty/m],
    ] as const) {
      const pf = spawnPfCommand({ args: ['--imap-password-file', file], env: imapEnv(dovecot!, false) });
      try {
        expect(await exitOf(pf.child, 15_000), pf.output()).toBe(2);
        expect(pf.output()).toMatch(said);
      } finally {
        await stopPfCommand(pf);
      }
    }
  });
});
