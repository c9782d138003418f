/**
 * The XPath-like path diagnostics carry: `/cpm-evfw/event-cpm-imap[1]/operation[2]`, local
 * names with the 1-based position among siblings of the same local name (the root, being one,
 * has none). The defect scanner keeps an ElementPath beside its stack of open elements; the
 * tree builder works its paths out from the tree, and only when it has something to report.
 *
 * A path quotes element names, so like a message it is kept short: a name longer than 64
 * characters is cut, and a path deeper than 32 elements loses its middle. Only a hostile or
 * very unusual document notices.
 */
import { excerpt } from '../diagnostics.js';

export interface PathLevel {
  readonly local: string;
  /** 1-based position among siblings of the same local name; 0 for the root, which has none. */
  readonly position: number;
}

interface Level extends PathLevel {
  /** How many children of each local name this element has had so far; made on first use. */
  children?: Map<string, number>;
}

const MAX_SHOWN_LEVELS = 32;

export class ElementPath {
  private readonly top: Level = { local: '', position: 0 };
  private readonly levels: Level[] = [];

  /** The segment the next child element named `local` gets, without entering it. */
  nextSegment(local: string): string {
    return segment({ local, position: this.nextPosition(local) });
  }

  enter(local: string): void {
    const parent = this.current();
    const position = this.nextPosition(local);
    if (this.levels.length > 0) (parent.children ??= new Map()).set(local, position);
    this.levels.push({ local, position });
  }

  leave(): void {
    this.levels.pop();
  }

  /** The path of the current element, plus further segments (`@name`, a child being read). */
  toString(...more: string[]): string {
    return formatPath(this.levels, more);
  }

  private nextPosition(local: string): number {
    // There is one root, so its name needs no position.
    if (this.levels.length === 0) return 0;
    return (this.current().children?.get(local) ?? 0) + 1;
  }

  private current(): Level {
    return this.levels.at(-1) ?? this.top;
  }
}

/** A path from its levels, root first, and further segments; made only for a diagnostic. */
export function formatPath(levels: readonly PathLevel[], more: readonly string[] = []): string {
  const segments = [...levels.map(segment), ...more];
  if (segments.length > MAX_SHOWN_LEVELS) {
    const half = MAX_SHOWN_LEVELS / 2;
    const hidden = segments.length - MAX_SHOWN_LEVELS;
    segments.splice(half, hidden, `...(${hidden} more levels)...`);
  }
  return segments.length === 0 ? '' : `/${segments.join('/')}`;
}

export function segment(level: PathLevel): string {
  const name = excerpt(level.local, 64);
  return level.position === 0 ? name : `${name}[${level.position}]`;
}

/** The local part of a qualified name. */
export function localName(qname: string): string {
  return qname.slice(qname.indexOf(':') + 1);
}
