/**
 * Exact decimals: xs:decimal and every integer type compare in the value space without ever
 * going through a JavaScript number, so 9007199254740993 stays itself and "1.0" equals "1".
 */

/** A decimal as sign, integer digits without leading zeros and fraction digits without trailing zeros. */
export interface Decimal {
  readonly negative: boolean;
  readonly int: string;
  readonly frac: string;
}

const DECIMAL_LEXICAL = /^([+-]?)(\d*)(?:\.(\d*))?$/;

/** XSD 1.0 decimal lexical space: optional sign, digits, optional point; "5." and ".5" count. */
export function parseDecimal(lexical: string): Decimal | undefined {
  const match = DECIMAL_LEXICAL.exec(lexical);
  if (!match) return undefined;
  const [, sign = '', intDigits = '', fracDigits = ''] = match;
  if (intDigits === '' && fracDigits === '') return undefined;
  const int = intDigits.replace(/^0+/, '');
  const frac = fracDigits.replace(/0+$/, '');
  // Zero has no sign in the value space: "-0" equals "0".
  return { negative: sign === '-' && (int !== '' || frac !== ''), int, frac };
}

export function parseInteger(lexical: string): bigint | undefined {
  return /^[+-]?\d+$/.test(lexical) ? BigInt(lexical) : undefined;
}

export function isZero(d: Decimal): boolean {
  return d.int === '' && d.frac === '';
}

function compareMagnitude(a: Decimal, b: Decimal): number {
  if (a.int.length !== b.int.length) return a.int.length < b.int.length ? -1 : 1;
  if (a.int !== b.int) return a.int < b.int ? -1 : 1;
  const width = Math.max(a.frac.length, b.frac.length);
  const fa = a.frac.padEnd(width, '0');
  const fb = b.frac.padEnd(width, '0');
  return fa === fb ? 0 : fa < fb ? -1 : 1;
}

export function compareDecimals(a: Decimal, b: Decimal): -1 | 0 | 1 {
  if (a.negative !== b.negative) return a.negative ? -1 : 1;
  const magnitude = compareMagnitude(a, b);
  const signed = a.negative ? -magnitude : magnitude;
  return signed < 0 ? -1 : signed > 0 ? 1 : 0;
}

/** totalDigits counts significant digits: leading and trailing zeros do not count, 0 has one. */
export function totalDigitsOf(d: Decimal): number {
  return Math.max(1, d.int.length + d.frac.length);
}

export function fractionDigitsOf(d: Decimal): number {
  return d.frac.length;
}

/** The canonical lexical form (XSD 1.0 3.2.3.2), used for lexicalOf. */
export function canonicalDecimal(d: Decimal): string {
  return `${d.negative ? '-' : ''}${d.int || '0'}.${d.frac || '0'}`;
}
