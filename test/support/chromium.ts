/**
 * Runs a JavaScript bundle in a real browser engine: Debian's headless Chromium, installed by
 * scripts/install-services.sh, started once per page and stopped when the page is done.
 *
 *   const unavailable = chromiumUnavailable();       // why chromium cannot run here, or undefined
 *   describe.skipIf(skipUnlessCi(unavailable))(`... ${unavailable ? `: ${unavailable}` : ''}`, () => {   // requirements.ts
 *     it('...', async () => {
 *       const printed = await runInChromium(bundle, { timeoutMs: 30_000 });
 *
 * How a page reports back: the bundle runs inside a page of our own (one HTML file in a throwaway
 * folder under os.tmpdir(), also Chromium's --user-data-dir), whose console.log collects lines.
 * When the bundle has run, the page writes the lines, and any error, into one element as
 * encodeURIComponent(JSON) (no `<`, `&` or `>` that the HTML serializer would escape), removes its
 * scripts, and `chromium --headless --dump-dom` prints the DOM, which we decode. --dump-dom waits
 * for the load event, so a synchronous bundle has always finished; promises it leaves pending are
 * not waited for.
 *
 * Why the bundle is embedded as base64 and run by an indirect eval rather than as a <script>:
 * its text cannot end the script element early (`</script` in a string), a syntax error in it is
 * an exception the page catches with its message, and a file:// page sees the real message of an
 * error (a <script src> of another file:// URL reports only "Script error.").
 */
import { execFileSync, spawn } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';

/** The chromium command: $EVFW_CHROMIUM when set (another build), else the first `chromium` on PATH. */
function findChromium(): string | undefined {
  const chosen = process.env.EVFW_CHROMIUM;
  if (chosen) return existsSync(chosen) ? chosen : undefined;
  const dirs = (process.env.PATH ?? '').split(':').filter(Boolean);
  return dirs.map((dir) => path.join(dir, 'chromium')).find((file) => existsSync(file));
}

/**
 * Why the browser tests cannot run here, or undefined when they can. Synchronous, so that it works
 * at collection time.
 */
export function chromiumUnavailable(): string | undefined {
  const binary = findChromium();
  if (!binary && process.env.EVFW_CHROMIUM) return `EVFW_CHROMIUM names no file: ${process.env.EVFW_CHROMIUM}`;
  if (!binary) return 'chromium is not installed (Debian package chromium): run `bash scripts/install-services.sh` as root';
  try {
    execFileSync(binary, ['--version'], { stdio: 'pipe', timeout: 15_000 });
  } catch (error) {
    return `${binary} --version failed: ${(error instanceof Error ? error.message : String(error)).split('\n')[0]}`;
  }
  return undefined;
}

/** Thrown when the page reported an error (thrown by the bundle, or uncaught later while loading). */
export class ChromiumPageError extends Error {
  constructor(
    message: string,
    /** The lines the page printed before the error. */
    readonly printed: string,
  ) {
    super(message);
    this.name = 'ChromiumPageError';
  }
}

export interface RunInChromiumOptions {
  /** Chromium is killed (its whole process group) after this long; default 30 s. */
  timeoutMs?: number;
}

/** What the page writes into its #evfw-report element (as encodeURIComponent(JSON)). */
interface PageReport {
  lines: string[];
  errors: string[];
  done: boolean;
}

const REPORT_ID = 'evfw-report';

/**
 * The page around the bundle. Its own script is fixed text; the bundle goes in only as base64
 * (letters, digits, `+`, `/`, `=`), so nothing in it can change the page.
 */
function harnessPage(bundleBase64: string): string {
  const script = `
    const report = { lines: [], errors: [], done: false };
    const show = (value) => typeof value === 'string' ? value : (value instanceof Error ? String(value.stack || value) : JSON.stringify(value));
    function flush() {
      document.getElementById(${JSON.stringify(REPORT_ID)}).textContent = encodeURIComponent(JSON.stringify(report));
    }
    console.log = (...values) => { report.lines.push(values.map(show).join(' ')); };
    window.onerror = (message, source, line, column, error) => {
      report.errors.push('uncaught: ' + (error ? show(error) : message));
      flush();
    };
    window.addEventListener('unhandledrejection', (event) => {
      report.errors.push('unhandled rejection: ' + show(event.reason));
      flush();
    });
    try {
      const bytes = Uint8Array.from(atob(${JSON.stringify(bundleBase64)}), (c) => c.charCodeAt(0));
      const source = new TextDecoder().decode(bytes) + '\\n//# sourceURL=bundle.js';
      (0, eval)(source);
      report.done = true;
    } catch (error) {
      report.errors.push(show(error));
    }
    flush();
    for (const element of document.querySelectorAll('script')) element.remove();
  `;
  return `<!doctype html>\n<html><head><meta charset="utf-8"><title>evfw</title></head><body><pre id="${REPORT_ID}"></pre><script>${script}</script></body></html>\n`;
}

/** Reads the report back out of the DOM that --dump-dom printed. */
function readReport(dom: string): PageReport | undefined {
  const match = new RegExp(`<pre id="${REPORT_ID}">([^<]*)</pre>`).exec(dom);
  if (!match?.[1]) return undefined;
  const report: unknown = JSON.parse(decodeURIComponent(match[1]));
  if (typeof report !== 'object' || report === null || !('lines' in report) || !('errors' in report) || !('done' in report)) return undefined;
  const { lines, errors, done } = report;
  if (!Array.isArray(lines) || !Array.isArray(errors) || typeof done !== 'boolean') return undefined;
  return { lines: lines.map(String), errors: errors.map(String), done };
}

/** Chromium's output kept for error messages: the last few KB of stderr are enough. */
const STDERR_KEPT = 4_000;
/** The most DOM we read back; a page printing more is stopped as if it had timed out. */
const MAX_DOM_BYTES = 64 * 1024 * 1024;

/**
 * Runs `js` (a classic script, e.g. an esbuild bundle in iife or plain format) in a fresh headless
 * Chromium and returns what it printed with console.log, one line per call, joined with "\n".
 * Throws ChromiumPageError when the bundle threw, and Error when chromium is missing, fails, or
 * runs past timeoutMs (it is killed then).
 */
export async function runInChromium(js: string, options: RunInChromiumOptions = {}): Promise<string> {
  const binary = findChromium();
  if (!binary) throw new Error(chromiumUnavailable() ?? 'chromium not found');
  const timeoutMs = options.timeoutMs ?? 30_000;
  const dir = mkdtempSync(path.join(tmpdir(), 'evfw-chromium-'));
  try {
    const page = path.join(dir, 'page.html');
    writeFileSync(page, harnessPage(Buffer.from(js, 'utf8').toString('base64')));
    const dom = await dumpDom(binary, path.join(dir, 'profile'), pathToFileURL(page).href, timeoutMs);
    const report = readReport(dom);
    if (!report) throw new Error(`chromium printed no report of the page; its output began: ${dom.slice(0, 500)}`);
    const printed = report.lines.join('\n');
    if (report.errors.length > 0) throw new ChromiumPageError(`the page reported: ${report.errors.join('\n')}`, printed);
    if (!report.done) throw new ChromiumPageError('the bundle did not run to its end', printed);
    return printed;
  } finally {
    // Chromium has exited (or been killed) by now; retries cover files its helpers close late.
    rmSync(dir, { recursive: true, force: true, maxRetries: 5, retryDelay: 100 });
  }
}

/** Starts chromium on one page and resolves with the DOM it prints, killing it after timeoutMs. */
function dumpDom(binary: string, profile: string, url: string, timeoutMs: number): Promise<string> {
  const args = [
    '--headless',
    // Root (as in CI containers) cannot use Chromium's sandbox; the page is our own file.
    '--no-sandbox',
    '--disable-gpu',
    // /dev/shm is small in containers; Chromium falls back to /tmp with this.
    '--disable-dev-shm-usage',
    '--no-first-run',
    '--no-default-browser-check',
    '--disable-extensions',
    `--user-data-dir=${profile}`,
    '--dump-dom',
    url,
  ];
  return new Promise((resolve, reject) => {
    // detached: chromium is a wrapper script starting a browser and its helpers; a process group
    // of their own lets the timeout kill all of them, and nothing else.
    const child = spawn(binary, args, { detached: true, stdio: ['ignore', 'pipe', 'pipe'] });
    const stdout: Buffer[] = [];
    let stdoutBytes = 0;
    let tooLarge = false;
    let stderr = '';
    child.stdout.on('data', (chunk: Buffer) => {
      stdoutBytes += chunk.length;
      if (stdoutBytes > MAX_DOM_BYTES) {
        tooLarge = true;
        killGroup(child.pid);
      } else {
        stdout.push(chunk);
      }
    });
    child.stderr.on('data', (chunk: Buffer) => {
      stderr = (stderr + chunk.toString('utf8')).slice(-STDERR_KEPT);
    });
    let timedOut = false;
    const timer = setTimeout(() => {
      timedOut = true;
      killGroup(child.pid);
    }, timeoutMs);
    child.on('error', (error) => {
      clearTimeout(timer);
      reject(error);
    });
    child.on('close', (code, signal) => {
      clearTimeout(timer);
      // The browser's helpers may outlive the wrapper: stop whatever is left of the group.
      killGroup(child.pid);
      if (tooLarge) {
        reject(new Error(`chromium printed more than ${MAX_DOM_BYTES} bytes of DOM and was killed`));
      } else if (timedOut) {
        reject(new Error(`chromium did not finish the page within ${timeoutMs} ms and was killed (process group ${child.pid}); stderr ends:\n${stderr}`));
      } else if (code !== 0) {
        reject(new Error(`chromium exited with ${code ?? signal}; stderr ends:\n${stderr}`));
      } else {
        resolve(Buffer.concat(stdout).toString('utf8'));
      }
    });
  });
}

/** SIGKILL to the process group `pid` leads (one we started detached); quiet when it is gone. */
function killGroup(pid: number | undefined): void {
  if (pid === undefined) return;
  try {
    process.kill(-pid, 'SIGKILL');
  } catch {
    // ESRCH: the group has already exited.
  }
}
