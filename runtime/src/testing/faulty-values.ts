/**
 * Values a simple type refuses for one named reason: outside its enumeration ('enum'), not in
 * its lexical space ('datatype'), or breaking a facet such as a bound, a length or a pattern
 * ('facet'). Candidates are derived from the type's facts and the current value, and each is
 * kept only when checkSimpleValue refuses it for exactly that reason.
 */
import { checkSimpleValue, type Fault, type SimpleTypeDescriptor } from '../datatypes/index.js';
import { isXmlText, typeFacts, type Bound } from './type-facts.js';

/** Values every lexical space refuses some of; none has whitespace at its edges (D-42 keeps that out). */
const GENERIC = ['not a value', 'x', '-', '%zz', '1.5.2', '2000-13-45', 'INF', 'true', '1abc', 'P', ':', '[', '+', 'yes', '-1', '1E400', '99999999999999999999', 'a:b:c', '#x#', '0x1F', ''];

export function faultyValue(type: SimpleTypeDescriptor, fault: Fault, current: string): string | undefined {
  for (const candidate of candidates(type, fault, current)) {
    if (!isXmlText(candidate)) continue;
    const result = checkSimpleValue(type, candidate);
    if (!result.ok && result.fault === fault) return candidate;
  }
  return undefined;
}

function candidates(type: SimpleTypeDescriptor, fault: Fault, current: string): string[] {
  const facts = typeFacts(type);
  if (fault === 'enum') {
    const values = facts.enumeration ?? [];
    const variants = values.flatMap((v) => [`${v}x`, `x${v}`, v.toUpperCase(), v.toLowerCase(), v.slice(1), `${v}1`]);
    return [...variants, 'not-allowed', 'x', '0', '1', '2', '-5', 'true', 'name', '2000-01-01', 'PT1S', 'urn:x', ...GENERIC];
  }
  if (fault === 'datatype') return GENERIC;
  return [...boundViolations(facts.lower, -1), ...boundViolations(facts.upper, 1), ...lengthViolations(facts.minLength, facts.maxLength, current), ...digitViolations(facts.totalDigits, facts.fractionDigits), ...patternViolations(current)];
}

/** Just past a bound: below a lower one, above an upper one; an exclusive bound itself. */
function boundViolations(bound: Bound | undefined, direction: 1 | -1): string[] {
  if (!bound) return [];
  const out = bound.inclusive ? [] : [bound.value];
  if (/^[+-]?\d+$/.test(bound.value)) out.push(String(BigInt(bound.value) + BigInt(direction)));
  const n = Number(bound.value);
  if (Number.isFinite(n)) out.push(String(n + direction), String(n + direction / 10), String(n + direction * 100));
  // Dates, times and durations: move the year or add a day.
  out.push(bound.value.replace(/^(-?)(\d{4})/, (_, sign: string, year: string) => `${sign}${String(Number(year) + direction).padStart(4, '0')}`));
  return out;
}

function lengthViolations(minLength: number | undefined, maxLength: number | undefined, current: string): string[] {
  const out: string[] = [];
  const unit = current.length > 0 ? [...current][0]! : 'x';
  if (maxLength !== undefined) out.push(unit.repeat(maxLength + 1), 'x'.repeat(maxLength + 1), '00'.repeat(maxLength + 1), Array(maxLength + 1).fill('x').join(' '), 'AAAA'.repeat(Math.ceil((maxLength + 1) / 3) + 1));
  if (minLength !== undefined && minLength > 0) out.push(unit.repeat(minLength - 1), 'x'.repeat(minLength - 1), '00'.repeat(minLength - 1), Array(minLength - 1).fill('x').join(' '), '');
  return out;
}

function digitViolations(totalDigits: number | undefined, fractionDigits: number | undefined): string[] {
  const out: string[] = [];
  if (totalDigits !== undefined) out.push('1'.repeat(totalDigits + 1), `0.${'1'.repeat(totalDigits + 1)}`);
  if (fractionDigits !== undefined) out.push(`0.${'1'.repeat(fractionDigits + 1)}`, `1.${'5'.repeat(fractionDigits + 1)}`);
  return out;
}

/** Near misses of a value that matched its pattern. */
function patternViolations(current: string): string[] {
  return [`${current}!`, `!${current}`, current.slice(1), current.toUpperCase(), `A${current}`, `${current} x`, 'x', '0', 'A', '-', '_', 'x:', ':x', 'Aa:b', '00', '0.0', '1.0000', 'x y', 'x1'];
}
