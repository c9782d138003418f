/**
 * One report from two sources: the conformant parser's fatal error and the defect scanner's
 * findings. The parser's error comes first, since it is what any conformant XML tool would
 * report; the scanner's findings follow in document order. When the scanner found the same
 * defect (the same code on the same line; any code on that line when the parser could only say
 * evfw.xml.not-well-formed), its more specific finding takes the parser's place. The list is
 * capped like every other.
 */
import { DiagnosticSink, type Diagnostic } from '../diagnostics.js';

export function mergeDefects(fatal: Diagnostic, defects: readonly Diagnostic[], maxErrors: number): Diagnostic[] {
  const generic = fatal.code === 'evfw.xml.not-well-formed';
  const same = defects.find((d) => d.line === fatal.line && (generic || d.code === fatal.code));
  const rest = defects.filter((d) => d !== same).sort((a, b) => a.line - b.line || a.column - b.column);
  const sink = new DiagnosticSink(maxErrors);
  for (const d of [same ?? fatal, ...rest]) sink.add(d);
  return sink.items;
}
