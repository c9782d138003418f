/**
 * Every option of `evfw validate`, `--help` and `--version`, and the three output formats,
 * through the real binary.
 */
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { DIAGNOSTIC_CODES } from '../../runtime/src/index.js';
import { registry } from '../../generated/src/registry.js';
import { REPO_ROOT, SCHEMAS_DIR } from '../support/paths.js';
import { jsonOf, runEvfw } from '../support/run-evfw.js';

const scratch = mkdtempSync(path.join(os.tmpdir(), 'evfw-cli-options-'));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

const sample = (name: string) => path.join(SCHEMAS_DIR, 'examples', name);
const MINIMAL = sample('valid/minimal.xml');
const FLAG = sample('invalid/operation-flag-misspelled.xml');
const rel = (file: string) => path.relative(REPO_ROOT, file);

/** Two valid documents and one invalid one, for --expect. */
const mixed = path.join(scratch, 'mixed');
mkdirSync(mixed);
for (const name of ['valid/minimal.xml', 'valid/app-event-only.xml', 'invalid/accuracy-negative.xml']) {
  writeFileSync(path.join(mixed, path.basename(name)), readFileSync(sample(name)));
}

const ESC = '\u001b[';

describe('evfw --help, --version', () => {
  const version = (JSON.parse(readFileSync(path.join(REPO_ROOT, 'cli/package.json'), 'utf8')) as { version: string }).version;

  it('--version prints the version of @evfw/cli, also through the installed bin', () => {
    expect(runEvfw(['--version'])).toEqual({ status: 0, stdout: `${version}\n`, stderr: '' });
    const installed = runEvfw(['--version'], { bin: path.join(REPO_ROOT, 'node_modules/.bin/evfw') });
    expect(installed.stdout).toBe(`${version}\n`);
  });

  it('--help lists the commands with examples', () => {
    const run = runEvfw(['--help']);
    expect(run.status).toBe(0);
    expect(run.stdout).toMatch(/validate \[options\] <inputs\.\.\.>/);
    expect(run.stdout).toMatch(/generate \[options\]/);
    expect(run.stdout).toContain('Examples:');
  });

  it('validate --help names every option, the exit statuses, the profiles, and examples', () => {
    const run = runEvfw(['validate', '--help']);
    expect(run.status).toBe(0);
    for (const option of ['--profile', '--compat', '--schema', '--format', '--expect', '--deny-warnings', '--max-errors', '--max-depth', '--max-size', '--max-text-length', '--jobs', '--no-progress', '--no-color']) {
      expect(run.stdout).toContain(option);
    }
    expect(run.stdout).toContain('Exit status: 0');
    expect(run.stdout).toMatch(/"spec" \(the default\).*"invite".*"xsd"/s);
    expect(run.stdout).toContain('$ evfw validate');
  });

  it('generate --help names its options with examples', () => {
    const run = runEvfw(['generate', '--help']);
    expect(run.status).toBe(0);
    for (const option of ['--schemas', '--out', '--check', '--name']) expect(run.stdout).toContain(option);
    expect(run.stdout).toContain('$ evfw generate --check');
  });

  it('a usage error exits 2 with the reason on stderr', () => {
    for (const args of [['validate', '--bogus', MINIMAL], ['validate', '--format', 'xml', MINIMAL], ['validate', '--max-size', 'ten', MINIMAL], ['frobnicate']]) {
      const run = runEvfw(args);
      expect(run.status, args.join(' ')).toBe(2);
      expect(run.stderr, args.join(' ')).toMatch(/^evfw: evfw\.cli\.usage: /);
      expect(run.stdout, args.join(' ')).toBe('');
    }
  });
});

describe('evfw validate --profile', () => {
  const UNIDENTIFIED = sample('valid/object-without-identification.xml');

  it('spec is the default: the prose rules apply to a document the schemas accept', () => {
    const run = runEvfw(['validate', '--format', 'json', UNIDENTIFIED]);
    expect(run.status).toBe(1);
    expect(jsonOf(run).files[0]!.diagnostics.map((d) => d.code)).toEqual(['evfw.rule.object-identifiable']);
    expect(runEvfw(['validate', '--profile', 'spec', UNIDENTIFIED]).status).toBe(1);
  });

  it('xsd checks the schemas alone', () => {
    expect(runEvfw(['validate', '--profile', 'xsd', MINIMAL]).status).toBe(0);
    expect(runEvfw(['validate', '--profile', 'xsd', UNIDENTIFIED]).status).toBe(0);
  });

  it('invite adds the rules of the SIP INVITE mechanism: every object needs a message-id', () => {
    expect(runEvfw(['validate', MINIMAL]).status).toBe(0);
    const run = runEvfw(['validate', '--format', 'json', '--profile', 'invite', MINIMAL]);
    expect(run.status).toBe(1);
    expect(jsonOf(run).files[0]!.diagnostics.map((d) => d.code)).toEqual(['evfw.rule.invite-message-id']);
  });
});

describe('evfw validate --compat, --deny-warnings', () => {
  it('--compat flag-attribute accepts it with a warning: valid, exit 0', () => {
    const run = runEvfw(['validate', '--format', 'json', '--compat', 'flag-attribute', FLAG]);
    expect(run.status).toBe(0);
    const report = jsonOf(run);
    expect(report.files[0]!.valid).toBe(true);
    expect(report.summary).toEqual({ files: 1, valid: 1, invalid: 0, errors: 0, warnings: 1 });
  });

  it('--deny-warnings makes that warning fail the document', () => {
    const run = runEvfw(['validate', '--format', 'json', '--compat', 'flag-attribute', '--deny-warnings', FLAG]);
    expect(run.status).toBe(1);
    expect(jsonOf(run).summary).toEqual({ files: 1, valid: 0, invalid: 1, errors: 0, warnings: 1 });
  });

  it('an unknown compat option is a usage error', () => {
    const run = runEvfw(['validate', '--compat', 'flags-attribute', FLAG]);
    expect(run.status).toBe(2);
    expect(run.stderr).toContain('flag-attribute');
  });
});

describe('evfw validate --expect', () => {
  it('passes on the samples as npm start runs it: valid/ as it is, invalid/ with --expect invalid', () => {
    expect(runEvfw(['validate', '--profile', 'xsd', '--expect', 'valid', sample('valid')]).status).toBe(0);
    const run = runEvfw(['validate', '--profile', 'xsd', '--expect', 'invalid', sample('invalid')]);
    expect(run.status).toBe(0);
    expect(run.stdout).toMatch(/; every file is invalid, as --expect invalid requires\n$/);
  });

  it('names the files that break the expectation, and exits 1', () => {
    const text = runEvfw(['validate', '--expect', 'invalid', mixed]);
    expect(text.status).toBe(1);
    expect(text.stdout).toContain(`${mixed}/app-event-only.xml: valid, but --expect invalid\n`);
    expect(text.stdout).toContain(`${mixed}/minimal.xml: valid, but --expect invalid\n`);
    expect(text.stdout).toMatch(/3 files: 2 valid, 1 invalid \(1 error, 0 warnings\); 2 files are not invalid, as --expect invalid requires\n$/);
    const json = jsonOf(runEvfw(['validate', '--format', 'json', '--expect', 'valid', mixed]));
    expect(json.summary).toEqual({ files: 3, valid: 2, invalid: 1, errors: 1, warnings: 0, expect: 'valid', unexpected: [`${mixed}/accuracy-negative.xml`] });
  });
});

describe('evfw validate limits', () => {
  const codes = (args: string[], file = MINIMAL) => jsonOf(runEvfw(['validate', '--format', 'json', ...args, file])).files[0]!.diagnostics.map((d) => d.code);

  it('--max-errors caps the errors reported per document', () => {
    const ops = [1, 2, 3, 4].map((i) => `<operation name="bad${i}" flags="\\Seen"><object uid="${i}" folder-path="INBOX"/></operation>`).join('');
    const file = path.join(scratch, 'four-errors.xml');
    writeFileSync(file, `<cpm-evfw xmlns="urn:oma:xml:cpm:evfw"><event-cpm-imap type="flags" index="1">${ops}</event-cpm-imap></cpm-evfw>`);
    expect(codes([], file)).toEqual(Array(4).fill('evfw.attribute.enum'));
    expect(codes(['--max-errors', '2'], file)).toEqual(['evfw.attribute.enum', 'evfw.attribute.enum', 'evfw.limit.errors']);
  });

  it('--max-depth, --max-size (with units) and --max-text-length reach the runtime', () => {
    expect(codes(['--max-depth', '3'])).toEqual(['evfw.limit.depth']);
    expect(codes(['--max-size', '100'])).toEqual(['evfw.limit.size']);
    expect(codes(['--max-size', '1K'])).toEqual([]);
    expect(codes(['--max-text-length', '3'])).toContain('evfw.limit.text');
  });
});

describe('evfw validate --format text', () => {
  it('prints file:line:column: severity code: message, the source line with a caret, the path, the hint, then a summary', () => {
    const run = runEvfw(['validate', rel(FLAG)]);
    expect(run.stdout).toBe(
      [
        `${rel(FLAG)}:7:27: error evfw.attribute.flag-deviation: attribute "flag" on <operation> is the spelling of Appendix M and the deployed Android RCS stack; the prose of 6.7.5.1, which is normative, names it "flags"`,
        '  7 |     <operation name="add" flag="\\Seen">',
        '    |                           ^',
        '    = at /cpm-evfw/event-cpm-imap[1]/operation[1]/@flag',
        '    = hint: rename it to flags="\\Seen", or accept it with the compat option "flag-attribute"',
        '',
        '1 file: 0 valid, 1 invalid (1 error, 0 warnings)',
        '',
      ].join('\n'),
    );
  });

  it('puts the caret under the column counted in code points: tabs kept, wide characters two cells', () => {
    const run = runEvfw(['validate', '-'], { input: '<cpm-evfw xmlns="urn:oma:xml:cpm:evfw">\n\t<!-- 日本 😀 --><bogus/>\n</cpm-evfw>\n' });
    const lines = run.stdout.split('\n');
    expect(lines[0]).toMatch(/^<stdin>:2:15: error evfw\.content\.unexpected: /);
    expect(lines[1]).toBe('  2 | \t<!-- 日本 😀 --><bogus/>');
    // "<!-- " 5 cells, 日本 4, " " 1, 😀 2, " -->" 4: 16 cells after the tab.
    expect(lines[2]).toBe(`    | \t${' '.repeat(16)}^`);
  });
});

describe('evfw validate --format json', () => {
  it('is one object in exactly the documented shape', () => {
    const run = runEvfw(['validate', '--format', 'json', rel(MINIMAL), rel(FLAG)]);
    expect(run.status).toBe(1);
    expect(run.stdout.endsWith('}\n')).toBe(true);
    const report = jsonOf(run);
    expect(Object.keys(report)).toEqual(['files', 'summary']);
    expect(report.files[0]).toEqual({ file: rel(MINIMAL), valid: true, diagnostics: [] });
    const flagged = report.files[1]!;
    expect(Object.keys(flagged)).toEqual(['file', 'valid', 'diagnostics']);
    expect(flagged.diagnostics).toEqual([
      {
        code: 'evfw.attribute.flag-deviation',
        severity: 'error',
        message: 'attribute "flag" on <operation> is the spelling of Appendix M and the deployed Android RCS stack; the prose of 6.7.5.1, which is normative, names it "flags"',
        line: 7,
        column: 27,
        path: '/cpm-evfw/event-cpm-imap[1]/operation[1]/@flag',
        hint: 'rename it to flags="\\Seen", or accept it with the compat option "flag-attribute"',
      },
    ]);
    // `hint` last, and only when the diagnostic has one.
    expect(Object.keys(flagged.diagnostics[0]!)).toEqual(['code', 'severity', 'message', 'line', 'column', 'path', 'hint']);
    expect(report.summary).toEqual({ files: 2, valid: 1, invalid: 1, errors: 1, warnings: 0 });
    expect(Object.keys(report.summary)).toEqual(['files', 'valid', 'invalid', 'errors', 'warnings']);
  });
});

describe('evfw validate --format sarif', () => {
  interface Sarif {
    $schema: string;
    version: string;
    runs: {
      tool: { driver: { name: string; version: string; rules: { id: string; shortDescription: { text: string } }[] } };
      columnKind: string;
      results: {
        ruleId: string;
        ruleIndex: number;
        level: string;
        message: { text: string };
        locations: {
          physicalLocation: { artifactLocation: { uri: string; uriBaseId?: string }; region: { startLine: number; startColumn?: number } };
          logicalLocations?: { fullyQualifiedName: string; kind: string }[];
        }[];
      }[];
    }[];
  }

  it('is SARIF 2.1.0 with a rule per diagnostic code and a located result per diagnostic', () => {
    const run = runEvfw(['validate', '--format', 'sarif', rel(MINIMAL), rel(FLAG), path.join(mixed, 'accuracy-negative.xml')]);
    expect(run.status).toBe(1);
    const log = JSON.parse(run.stdout) as Sarif;
    expect(log.version).toBe('2.1.0');
    expect(log.$schema).toBe('https://json.schemastore.org/sarif-2.1.0.json');
    expect(log.runs).toHaveLength(1);
    const [sarifRun] = log.runs;
    expect(sarifRun!.tool.driver.name).toBe('evfw');
    const rules = sarifRun!.tool.driver.rules;
    // The runtime's codes, then the prose rules of the schemas used (D-60).
    const proseRules = registry.ruleSets().flatMap((set) => set.rules.map((r) => `evfw.rule.${r.id}`));
    expect(rules.map((r) => r.id)).toEqual([...Object.keys(DIAGNOSTIC_CODES), ...proseRules]);
    for (const rule of rules.slice(0, Object.keys(DIAGNOSTIC_CODES).length)) expect(rule.shortDescription.text).toBe(DIAGNOSTIC_CODES[rule.id as keyof typeof DIAGNOSTIC_CODES]);
    expect(sarifRun!.columnKind).toBe('unicodeCodePoints');
    expect(sarifRun!.results).toHaveLength(2);
    const [flag, accuracy] = sarifRun!.results;
    expect(flag).toMatchObject({
      ruleId: 'evfw.attribute.flag-deviation',
      level: 'error',
      locations: [{ physicalLocation: { artifactLocation: { uri: rel(FLAG), uriBaseId: '%SRCROOT%' }, region: { startLine: 7, startColumn: 27 } } }],
    });
    expect(rules[flag!.ruleIndex]!.id).toBe(flag!.ruleId);
    expect(flag!.locations[0]!.logicalLocations).toEqual([{ fullyQualifiedName: '/cpm-evfw/event-cpm-imap[1]/operation[1]/@flag', kind: 'attribute' }]);
    // The hint travels in the message: SARIF has no field of its own for it.
    expect(flag!.message.text).toContain('rename it to flags=');
    // An absolute path becomes a file: URI.
    expect(accuracy!.locations[0]!.physicalLocation.artifactLocation.uri).toBe(`file://${mixed}/accuracy-negative.xml`);
  });

  it('a prose rule\'s result points at its rule, with the rule\'s severity', () => {
    const run = runEvfw(['validate', '--format', 'sarif', sample('spec-profile/invalid/uid-imap.xml')]);
    const [sarifRun] = (JSON.parse(run.stdout) as Sarif).runs;
    const [result] = sarifRun!.results;
    expect(result).toMatchObject({ ruleId: 'evfw.rule.uid-imap', level: 'warning' });
    expect(sarifRun!.tool.driver.rules[result!.ruleIndex]!.id).toBe('evfw.rule.uid-imap');
  });
});

describe('evfw validate colour', () => {
  const flagged = (env: Record<string, string>, args: string[] = []) => runEvfw(['validate', ...args, FLAG], { env }).stdout;

  // Off when stdout is not a terminal: the exact text of the --format text tests has no escapes.
  it('is on with FORCE_COLOR, and off again when NO_COLOR is set', () => {
    expect(flagged({ FORCE_COLOR: '1' })).toContain(ESC);
    expect(flagged({ FORCE_COLOR: '1', NO_COLOR: '1' })).not.toContain(ESC);
  });

  it('--color and --no-color win over the environment', () => {
    expect(flagged({ NO_COLOR: '1' }, ['--color'])).toContain(ESC);
    expect(flagged({ FORCE_COLOR: '1' }, ['--no-color'])).not.toContain(ESC);
  });
});
