/**
 * What every report format of `evfw validate` carries alike (issue 19, items 5 and 6): the hint
 * (text, JSON and SARIF), one name for standard input (`<stdin>`), values quoted as the document
 * writes them, and text that cannot drive a terminal, whatever the document holds.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { SCHEMAS_DIR } from '../support/paths.js';
import { jsonOf, runEvfw } from '../support/run-evfw.js';

const SHARED = readFileSync(path.join(SCHEMAS_DIR, 'examples/valid/app-and-imap-events-share-index.xml'), 'utf8');
/** The sample with its one flags="\Seen" written as `flags` (already escaped for XML). */
const withFlags = (flags: string) => {
  expect(SHARED.match(/flags="\\Seen"/g)).toHaveLength(1);
  return SHARED.replace('flags="\\Seen"', `flags="${flags}"`);
};

interface SarifLog {
  runs: {
    results: {
      ruleId: string;
      message: { text: string };
      locations: { physicalLocation: { artifactLocation: { uri: string; uriBaseId?: string; description?: { text: string } } } }[];
    }[];
  }[];
}

describe('the hint in every format', () => {
  const input = withFlags('Seen');

  it('text', () => {
    const run = runEvfw(['validate', '-'], { input });
    expect(run.status).toBe(1);
    expect(run.stdout).toContain('= hint: did you mean "\\Seen"?');
  });

  it('JSON, as a field of the diagnostic, present only when there is one', () => {
    const run = runEvfw(['validate', '--format', 'json', '-'], { input });
    const [diagnostic] = jsonOf(run).files[0]!.diagnostics;
    expect(diagnostic).toEqual({
      code: 'evfw.attribute.enum',
      severity: 'error',
      message: 'attribute "flags": "Seen" is not one of the allowed values: \\Seen, \\Deleted',
      line: 6,
      column: 27,
      path: '/cpm-evfw/event-cpm-imap[1]/operation[1]/@flags',
      hint: 'did you mean "\\Seen"?',
    });
    const without = jsonOf(runEvfw(['validate', '--format', 'json', '-'], { input: withFlags('\\Flagged') }));
    expect(without.files[0]!.diagnostics[0]).not.toHaveProperty('hint');
  });

  it('SARIF, after the message', () => {
    const run = runEvfw(['validate', '--format', 'sarif', '-'], { input });
    const [result] = (JSON.parse(run.stdout) as SarifLog).runs[0]!.results;
    expect(result!.message.text).toBe('attribute "flags": "Seen" is not one of the allowed values: \\Seen, \\Deleted; did you mean "\\Seen"?');
  });
});

describe('standard input is <stdin> in every format', () => {
  const input = withFlags('\\Flagged');

  it('text', () => {
    expect(runEvfw(['validate', '-'], { input }).stdout).toMatch(/^<stdin>:6:27: error evfw\.attribute\.enum: /);
  });

  it('JSON, in files and in the --expect summary', () => {
    const report = jsonOf(runEvfw(['validate', '--format', 'json', '--expect', 'valid', '-'], { input }));
    expect(report.files.map((f) => f.file)).toEqual(['<stdin>']);
    expect(report.summary.unexpected).toEqual(['<stdin>']);
  });

  it('SARIF: the same name as a URI reference with no base, so it names no file of the repository', () => {
    const run = runEvfw(['validate', '--format', 'sarif', '-'], { input });
    const [result] = (JSON.parse(run.stdout) as SarifLog).runs[0]!.results;
    const location = result!.locations[0]!.physicalLocation.artifactLocation;
    expect(location).toEqual({ uri: '%3Cstdin%3E', description: { text: 'standard input' } });
    expect(decodeURIComponent(location.uri)).toBe('<stdin>');
  });
});

describe('values as the document writes them, and nothing for a terminal to obey', () => {
  it('a backslash is one backslash in every format', () => {
    const input = withFlags('\\\\Flagged');
    const text = runEvfw(['validate', '-'], { input }).stdout;
    expect(text).toContain('attribute "flags": "\\\\Flagged" is not one of the allowed values: \\Seen, \\Deleted');
    const json = jsonOf(runEvfw(['validate', '--format', 'json', '-'], { input }));
    expect(json.files[0]!.diagnostics[0]!.message).toBe('attribute "flags": "\\\\Flagged" is not one of the allowed values: \\Seen, \\Deleted');
  });

  it('C1 controls, line breaks and bidi controls are shown as escapes, in the message and in the source line', () => {
    // U+009B is a one-character CSI for terminals that read C1 controls; XML 1.0 allows it.
    const input = withFlags('\u009b2J&#10;\u202eX\u2028');
    const run = runEvfw(['validate', '-'], { input });
    expect(run.stdout).toContain('"\\u{9B}2J\\u{A}\\u{202E}X\\u{2028}" is not one of the allowed values');
    expect(run.stdout).not.toMatch(/[\u0000-\u0009\u000b-\u001f\u007f-\u009f\u2028\u2029\u202a-\u202e\u2066-\u2069]/);
    // The source line is shown with a stand-in for each of them.
    expect(run.stdout).toContain('flags="\ufffd2J&#10;\ufffdX\ufffd"');
  });
});
