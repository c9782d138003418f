/**
 * Message helpers: every message quotes the offending value, but never more than a short excerpt,
 * so a megabyte of base64 cannot flood a report.
 */
const MAX_QUOTED = 40;

export function quote(value: string): string {
  const chars = Array.from(value);
  const shown = chars.length > MAX_QUOTED ? `${chars.slice(0, MAX_QUOTED - 1).join('')}…` : value;
  return JSON.stringify(shown);
}

/** "a, b, c" with the list cut short when long: enumerations can have hundreds of values. */
export function listValues(values: readonly string[], max = 8): string {
  const shown = values.slice(0, max).map((v) => (v === '' ? '""' : v));
  return values.length > max ? `${shown.join(', ')}, ... (${values.length} in all)` : shown.join(', ');
}
