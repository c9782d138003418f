/** Parsers for option values; commander reports what they throw as a usage error (exit 2). */
import { InvalidArgumentError } from 'commander';

/** A whole number of at least `min`. */
export function positiveInteger(min = 1): (value: string) => number {
  return (value) => {
    if (!/^\d+$/.test(value) || Number(value) < min || !Number.isSafeInteger(Number(value))) {
      throw new InvalidArgumentError(`expected a whole number of at least ${min}, got "${value}".`);
    }
    return Number(value);
  };
}

const UNITS: Record<string, number> = { '': 1, k: 1024, m: 1024 ** 2, g: 1024 ** 3 };

/** A size in bytes: `1048576`, `512K`, `64M`, `1G` (binary units; a trailing B or iB is allowed). */
export function byteSize(value: string): number {
  const match = /^(\d+)\s*([kmg]?)(?:i?b)?$/i.exec(value.trim());
  if (!match) throw new InvalidArgumentError(`expected a size such as 1048576, 512K or 64M, got "${value}".`);
  const bytes = Number(match[1]) * UNITS[match[2]!.toLowerCase()]!;
  if (bytes < 1 || !Number.isSafeInteger(bytes)) throw new InvalidArgumentError(`expected a size of at least one byte, got "${value}".`);
  return bytes;
}

/** Collects a repeatable option's values in order. */
export function collect(value: string, previous: readonly string[] | undefined): string[] {
  return [...(previous ?? []), value];
}
