/**
 * SARIF 2.1.0, as GitHub code scanning reads it: one run, evfw as the tool, one rule per
 * diagnostic code (the table of generated/DIAGNOSTICS.md), one result per diagnostic with the
 * file, line and column. Columns count Unicode code points, which the run declares.
 */
import { pathToFileURL } from 'node:url';
import path from 'node:path';
import { DIAGNOSTIC_CODES, ruleCode, type Diagnostic, type RuleDescriptor } from '@evfw/runtime';
import type { FileResult } from '../validate/file-result.js';
import { STDIN_NAME } from './file-name.js';

export const SARIF_SCHEMA = 'https://json.schemastore.org/sarif-2.1.0.json';

export interface ToolInfo {
  readonly name: string;
  readonly version: string;
}

/** `proseRules`: the rules files' rules of the schemas used, after the runtime's codes (D-60). */
export function sarifReport(results: readonly FileResult[], tool: ToolInfo, proseRules: readonly RuleDescriptor[] = []): string {
  const codes = Object.keys(DIAGNOSTIC_CODES) as (keyof typeof DIAGNOSTIC_CODES)[];
  const rules = [
    ...codes.map((code) => ({
      id: code as string,
      shortDescription: { text: DIAGNOSTIC_CODES[code] },
      fullDescription: { text: DIAGNOSTIC_CODES[code] },
      help: { text: DIAGNOSTIC_CODES[code] },
      defaultConfiguration: { level: 'error' },
    })),
    ...proseRules.map((rule) => ({
      id: ruleCode(rule) as string,
      shortDescription: { text: `${rule.section}: ${rule.message.replace(/\{(element|value)\}/g, '...')}` },
      fullDescription: { text: rule.description },
      help: { text: rule.hint ?? rule.description },
      defaultConfiguration: { level: rule.severity },
    })),
  ];
  const ruleIndex = new Map<string, number>(rules.map((rule, i) => [rule.id, i]));
  const log = {
    $schema: SARIF_SCHEMA,
    version: '2.1.0',
    runs: [
      {
        tool: { driver: { name: tool.name, version: tool.version, semanticVersion: tool.version, rules } },
        columnKind: 'unicodeCodePoints',
        results: results.flatMap((r) => r.diagnostics.map((d) => sarifResult(r.file, d, ruleIndex.get(d.code)!))),
      },
    ],
  };
  return `${JSON.stringify(log, null, 2)}\n`;
}

function sarifResult(file: string, d: Diagnostic, ruleIndex: number): object {
  return {
    ruleId: d.code,
    ruleIndex,
    level: d.severity,
    message: { text: d.hint ? `${d.message}; ${d.hint}` : d.message },
    locations: [
      {
        physicalLocation: {
          artifactLocation: artifactLocation(file),
          // GitHub requires a start line; a diagnostic without a position points at the file's first.
          region: d.line > 0 ? { startLine: d.line, startColumn: Math.max(1, d.column) } : { startLine: 1 },
        },
        ...(d.path ? { logicalLocations: [{ fullyQualifiedName: d.path, kind: /\/@[^/]*$/.test(d.path) ? 'attribute' : 'element' }] } : {}),
      },
    ],
  };
}

/**
 * Relative paths stay relative to where evfw ran (the repository root in CI), percent-encoded.
 * Standard input has the name every report gives it, `<stdin>`, as a URI reference (`%3Cstdin%3E`)
 * with no base: it names no file of the repository.
 */
function artifactLocation(file: string): { uri: string; uriBaseId?: string; description?: { text: string } } {
  if (file === '-') return { uri: encodeURIComponent(STDIN_NAME), description: { text: 'standard input' } };
  if (path.isAbsolute(file)) return { uri: pathToFileURL(file).href };
  const segments = path.normalize(file).split(path.sep).map((s) => (s === '..' ? s : encodeURIComponent(s)));
  return { uri: segments.join('/'), uriBaseId: '%SRCROOT%' };
}
