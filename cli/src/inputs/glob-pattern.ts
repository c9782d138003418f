/**
 * Globs that reach evfw unexpanded (quoted, on Windows, or from a script): `*`, `?`, `[...]`,
 * `{a,b}` and `**`. Node 20 has no fs.glob, and this small subset is all a file argument needs, so
 * a pattern becomes a folder to walk (its part before the first wildcard) and a RegExp that the
 * walked paths must match.
 */

const MAGIC = /[*?[{]/;

export function isGlob(arg: string): boolean {
  return MAGIC.test(arg);
}

export interface GlobPattern {
  /** The folder to walk: the segments before the first one with a wildcard ('.' when none). */
  readonly base: string;
  /** Matches paths relative to `base`, with forward slashes. */
  readonly matcher: RegExp;
}

export function compileGlob(pattern: string): GlobPattern {
  const segments = pattern.split(/[\\/]/);
  const firstMagic = segments.findIndex((s) => MAGIC.test(s));
  const baseSegments = segments.slice(0, firstMagic);
  const base = baseSegments.length === 0 ? '.' : baseSegments.join('/') || '/';
  const rest = segments.slice(firstMagic);
  return { base, matcher: new RegExp(`^${rest.map(segmentSource).join('')}$`) };
}

/** One path segment, with the separator that follows it folded into `**`. */
function segmentSource(segment: string, index: number, all: readonly string[]): string {
  const last = index === all.length - 1;
  // `**` spans zero or more whole folders: `a/**/b.xml` matches `a/b.xml` too.
  if (segment === '**') return last ? '.*' : '(?:[^/]*/)*';
  return translate(segment) + (last ? '' : '/');
}

function translate(segment: string): string {
  let out = '';
  for (let i = 0; i < segment.length; i++) {
    const c = segment[i]!;
    if (c === '*') out += '[^/]*';
    else if (c === '?') out += '[^/]';
    else if (c === '[') {
      const close = segment.indexOf(']', i + 2);
      if (close < 0) {
        out += '\\[';
        continue;
      }
      const body = segment.slice(i + 1, close).replace(/^!/, '^').replace(/\\/g, '\\\\');
      out += `[${body}]`;
      i = close;
    } else if (c === '{') {
      const close = segment.indexOf('}', i);
      if (close < 0) {
        out += '\\{';
        continue;
      }
      out += `(?:${segment.slice(i + 1, close).split(',').map(translate).join('|')})`;
      i = close;
    } else out += c.replace(/[.+^$()|\\]/g, '\\$&');
  }
  return out;
}
