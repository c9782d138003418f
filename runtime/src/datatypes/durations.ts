/**
 * xs:duration (XSD 1.0 Part 2, 3.2.6): lexical form and the partial order of its values.
 *
 * The lexical check follows libxml2's parser, since it is the project's reference validator:
 * designators in order Y M D T H M S, a fraction only on seconds ("PT1.S" and "PT.5S" pass),
 * and each number must fit the 32-bit long of its WebAssembly build once folded into months
 * and days (years at most 178956970, for instance). The spec sets no such limits; documents
 * past them are not realistic and agreeing with libxml2 matters more.
 */

import { dayNumber } from './dates.js';

export interface DurationValue {
  readonly months: number;
  readonly days: number;
  /** Seconds within the last day, fraction included. */
  readonly seconds: number;
}

const LONG_MAX = 2147483647;
const DESIGNATORS = ['Y', 'M', 'D', 'H', 'M', 'S'] as const;
const TIME_START = 3;

export function parseDuration(lexical: string): DurationValue | undefined {
  let pos = 0;
  const negative = lexical.startsWith('-');
  if (negative) pos++;
  if (lexical[pos++] !== 'P' || pos >= lexical.length) return undefined;
  let months = 0;
  let days = 0;
  let secs = 0;
  let fraction = 0;
  let seq = 0;
  while (pos < lexical.length) {
    if (seq >= DESIGNATORS.length) return undefined;
    if (lexical[pos] === 'T') {
      if (seq > TIME_START) return undefined;
      pos++;
      seq = TIME_START;
    } else if (seq === TIME_START) {
      return undefined;
    }
    let num = 0;
    let hasDigits = false;
    let hasFraction = false;
    for (let c = lexical.charCodeAt(pos); c >= 48 && c <= 57; c = lexical.charCodeAt(++pos)) {
      num = num * 10 + (c - 48);
      if (num > LONG_MAX) return undefined;
      hasDigits = true;
    }
    if (lexical[pos] === '.') {
      pos++;
      hasFraction = true;
      let scale = 1;
      for (let c = lexical.charCodeAt(pos); c >= 48 && c <= 57; c = lexical.charCodeAt(++pos)) {
        scale /= 10;
        fraction += (c - 48) * scale;
        hasDigits = true;
      }
    }
    while (lexical[pos] !== DESIGNATORS[seq]) {
      seq++;
      if (seq === TIME_START || seq === DESIGNATORS.length) return undefined;
    }
    pos++;
    if (!hasDigits || (hasFraction && seq !== 5)) return undefined;
    switch (seq) {
      case 0:
        if (num > Math.floor(LONG_MAX / 12)) return undefined;
        months = num * 12;
        break;
      case 1:
        if (months > LONG_MAX - num) return undefined;
        months += num;
        break;
      case 2:
        days = num;
        break;
      default: {
        const perDay = [24, 1440, 86400][seq - TIME_START] ?? 1;
        const unit = [3600, 60, 1][seq - TIME_START] ?? 1;
        const whole = Math.floor(num / perDay);
        if (days > LONG_MAX - whole) return undefined;
        days += whole;
        secs += (num % perDay) * unit;
      }
    }
    seq++;
  }
  const carry = Math.floor(secs / 86400);
  if (days > LONG_MAX - carry) return undefined;
  days += carry;
  const seconds = (secs % 86400) + fraction;
  return negative ? { months: -months, days: -days, seconds: -seconds } : { months, days, seconds };
}

/** The four starting instants of 3.2.6.2 against which durations are ordered. */
const REFERENCES: readonly (readonly [number, number])[] = [
  [1696, 9],
  [1697, 2],
  [1903, 3],
  [1903, 7],
];

function secondsAfter([year, month]: readonly [number, number], d: DurationValue): number {
  const monthIndex = year * 12 + (month - 1) + d.months;
  const y = Math.floor(monthIndex / 12);
  // Every reference date is the first of a month, so adding months never needs pinning the day.
  return (dayNumber(y, monthIndex - y * 12 + 1, 1) + d.days) * 86400 + d.seconds;
}

/** The partial order of 3.2.6.2: undefined when the four references disagree. */
export function compareDurations(a: DurationValue, b: DurationValue): -1 | 0 | 1 | undefined {
  let result: -1 | 0 | 1 | undefined;
  for (const reference of REFERENCES) {
    const x = secondsAfter(reference, a);
    const y = secondsAfter(reference, b);
    const order = x < y ? -1 : x > y ? 1 : 0;
    if (result !== undefined && order !== result) return undefined;
    result = order;
  }
  return result;
}
