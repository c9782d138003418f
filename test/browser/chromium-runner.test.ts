/**
 * test/support/chromium.ts itself: what a page prints comes back intact, what it throws surfaces,
 * and a page that never finishes is killed on time. The other browser tests trust these.
 */
import { execFileSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { ChromiumPageError, chromiumUnavailable, runInChromium } from '../support/chromium.js';
import { skipUnlessCi } from '../support/requirements.js';

const unavailable = chromiumUnavailable();

/**
 * The processes of group `group` that still run, polling for up to 5 s: SIGKILL takes a moment to
 * land. Zombies (state Z) do not count: they have exited and wait for their new parent to reap them.
 */
async function runningInGroup(group: number): Promise<string[]> {
  const deadline = Date.now() + 5_000;
  for (;;) {
    const listing = execFileSync('ps', ['-eo', 'pgid=,stat=,pid=,args='], { encoding: 'utf8' });
    const running = listing.split('\n').filter((line) => {
      const [pgid, stat] = line.trim().split(/\s+/);
      return pgid === String(group) && !stat?.startsWith('Z');
    });
    if (running.length === 0 || Date.now() > deadline) return running;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

describe.skipIf(skipUnlessCi(unavailable))(`runInChromium${skipUnlessCi(unavailable) ? `: skipped, ${unavailable}` : ''}`, { timeout: 60_000 }, () => {
  it('returns the printed lines, any text included, and runs in Chromium', async () => {
    const printed = await runInChromium(`
      console.log('plain');
      console.log('markup </script><!-- & "quotes" <b>', 42, { a: 1 });
      console.log('non-ASCII: é 𝄞 \\u2028 line separator');
      console.log(/HeadlessChrome/.test(navigator.userAgent) ? 'chromium' : navigator.userAgent);
    `);
    expect(printed.split('\n')).toEqual([
      'plain',
      'markup </script><!-- & "quotes" <b> 42 {"a":1}',
      'non-ASCII: é 𝄞 \u2028 line separator',
      'chromium',
    ]);
  });

  it('surfaces an error the bundle throws, with what it printed before', async () => {
    const run = runInChromium(`console.log('before'); throw new TypeError('boom in the page');`);
    await expect(run).rejects.toBeInstanceOf(ChromiumPageError);
    await expect(run).rejects.toMatchObject({ message: expect.stringContaining('TypeError: boom in the page'), printed: 'before' });
  });

  it('surfaces a syntax error in the bundle', async () => {
    await expect(runInChromium('console.log("a";')).rejects.toThrow(/SyntaxError/);
  });

  it('kills a page that never finishes, and leaves no chromium behind', async () => {
    const started = Date.now();
    const error: unknown = await runInChromium('for (;;) {}', { timeoutMs: 3_000 }).catch((e: unknown) => e);
    expect(Date.now() - started).toBeLessThan(20_000);
    expect(String(error)).toMatch(/did not finish the page within 3000 ms and was killed \(process group \d+\)/);
    const group = Number(/process group (\d+)/.exec(String(error))?.[1]);
    expect(await runningInGroup(group)).toEqual([]);
  });
});
