/**
 * xs:float and xs:double: lexical forms and model values.
 *
 * libxml2 is more lenient than XSD 1.0 3.2.4.1 here and we follow it, because a document it
 * accepts must not be rejected by us: an exponent marker may have no digits ("1e", "1E+"), and
 * values beyond the type's range are accepted (they round to INF). "+INF", "-NaN" and "inf"
 * are refused, as the spec says.
 */

const FLOAT_LEXICAL = /^[+-]?(?:\d+(?:\.\d*)?|\.\d+)(?:[eE][+-]?\d*)?$/;

/** The number a float/double lexical form denotes, or undefined when it is not one. */
export function parseFloatLexical(lexical: string): number | undefined {
  if (lexical === 'INF') return Infinity;
  if (lexical === '-INF') return -Infinity;
  if (lexical === 'NaN') return NaN;
  if (!FLOAT_LEXICAL.test(lexical)) return undefined;
  // Number() refuses an exponent without digits; libxml2 reads it as no exponent.
  return Number(lexical.replace(/[eE][+-]?$/, ''));
}

/** The canonical-enough lexical form of a float/double model value. */
export function floatLexicalOf(value: number): string {
  if (Number.isNaN(value)) return 'NaN';
  if (value === Infinity) return 'INF';
  if (value === -Infinity) return '-INF';
  if (Object.is(value, -0)) return '-0';
  return String(value).replace('e+', 'E').replace('e-', 'E-');
}

/** Value-space equality: float compares at single precision, as libxml2 stores it. */
export function floatsEqual(a: number, b: number, single: boolean): boolean {
  if (Number.isNaN(a) || Number.isNaN(b)) return Number.isNaN(a) && Number.isNaN(b);
  return single ? Math.fround(a) === Math.fround(b) : a === b;
}

export function compareFloats(a: number, b: number, single: boolean): -1 | 0 | 1 | undefined {
  const x = single ? Math.fround(a) : a;
  const y = single ? Math.fround(b) : b;
  if (Number.isNaN(x) || Number.isNaN(y)) return undefined;
  return x < y ? -1 : x > y ? 1 : 0;
}
