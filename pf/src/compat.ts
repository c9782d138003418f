/**
 * The known deviations an operator may tell the Participating Function to accept in event
 * reports (`--compat`, D-44): the parser reads them as meant and reports each with a warning of
 * its own code, and the PF logs, once per report, that a deviation was accepted, so that the
 * operator can see which clients still need it.
 */
import type { Diagnostic, ParseOptions } from '@evfw/model';

export type CompatOption = NonNullable<ParseOptions['compat']>[number];

/**
 * Each compat option and the code of the warning the parser gives when it applied. A Record,
 * so that an option added to the runtime does not compile here until it has its code.
 */
const COMPAT_CODES: Readonly<Record<CompatOption, string>> = {
  // `flag="\Seen"` on <operation>, as Appendix M and the Android RCS stack (rcsjta) write it.
  'flag-attribute': 'evfw.attribute.flag-deviation',
};

function isCompatOption(name: string): name is CompatOption {
  return Object.hasOwn(COMPAT_CODES, name);
}

export const COMPAT_OPTIONS: readonly CompatOption[] = Object.keys(COMPAT_CODES).filter(isCompatOption);

/** The option of that name, or undefined when there is none. */
export function compatOption(name: string): CompatOption | undefined {
  return isCompatOption(name) ? name : undefined;
}

/** The options that applied to a report: those whose code is among its warnings. */
export function appliedCompat(compat: readonly CompatOption[], diagnostics: readonly Diagnostic[]): CompatOption[] {
  return compat.filter((option) => diagnostics.some((d) => d.severity === 'warning' && d.code === COMPAT_CODES[option]));
}

/** Whether a diagnostic is the warning of an option that was given (it is logged as such, not as a warning). */
export function isCompatWarning(compat: readonly CompatOption[], d: Diagnostic): boolean {
  return d.severity === 'warning' && compat.some((option) => COMPAT_CODES[option] === d.code);
}

/**
 * The one log line of a report a compat option applied to, without the request's id:
 * `accepted with --compat flag-attribute: 2 x evfw.attribute.flag-deviation, first at 4:27`.
 * Undefined when none applied.
 */
export function describeCompat(compat: readonly CompatOption[], diagnostics: readonly Diagnostic[]): string | undefined {
  const applied = appliedCompat(compat, diagnostics);
  if (applied.length === 0) return undefined;
  const parts = applied.map((option) => {
    const found = diagnostics.filter((d) => d.severity === 'warning' && d.code === COMPAT_CODES[option]);
    const first = found[0]!;
    return `${found.length} x ${first.code}, first at ${first.line}:${first.column}`;
  });
  return `accepted with --compat ${applied.join(',')}: ${parts.join('; ')}`;
}
