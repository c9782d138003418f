/**
 * What every comparison step shares: both versions (their indexes and instance paths), the
 * types matched under a new name, and the list the changes are added to. A `Place` says where
 * a step is: the component its changes are reported at, and the paths where that shows.
 */
import { XSD_NAMESPACE, qnameKey, type NamedSchemaSet, type QName, type Source } from '../ir/ir.js';
import { indexSchemas, type SchemaIndex } from '../ir/schema-index.js';
import { instancePaths, type InstancePaths } from './instance-paths.js';
import type { ChangeKind, SchemaChange } from './schema-change.js';

export interface Version {
  readonly set: NamedSchemaSet;
  readonly index: SchemaIndex<'named'>;
  readonly paths: InstancePaths;
}

export function version(set: NamedSchemaSet): Version {
  return { set, index: indexSchemas(set), paths: instancePaths(set) };
}

/** The two sides of an effect: who a change reaches. */
export interface Effects {
  readonly producers: SchemaChange['producers'];
  readonly consumers: SchemaChange['consumers'];
}

/** Fewer documents are valid: what producers wrote may now be refused. */
export const NARROWS: Effects = { producers: 'breaking', consumers: 'none' };
/** More documents are valid: consumers on the old version may refuse what producers now write. */
export const WIDENS: Effects = { producers: 'none', consumers: 'affected' };
/** Some documents leave, others arrive. */
export const BOTH: Effects = { producers: 'breaking', consumers: 'affected' };
export const NEITHER: Effects = { producers: 'none', consumers: 'none' };

export function effectsOf(narrows: boolean, widens: boolean): Effects {
  return narrows ? (widens ? BOTH : NARROWS) : widens ? WIDENS : NEITHER;
}

/** Where a comparison step reports: `type operation`, and the paths of its instances. */
export interface Place {
  readonly namespace: string;
  /** The component, readably: `type operation`, `element cpm-evfw`, `group event`. */
  readonly owner: string;
  readonly paths: readonly string[];
}

export function placePaths(place: Place, suffix: string): string[] {
  return place.paths.map((p) => `${p}${suffix}`);
}

export class DiffContext {
  readonly changes: SchemaChange[] = [];
  /** Old type key -> new type key, for the types matched under another name. */
  readonly typeRenames = new Map<string, string>();

  constructor(
    readonly before: Version,
    readonly after: Version,
  ) {}

  /** Old global element key -> new key, for the elements matched under another name. */
  readonly elementRenames = new Map<string, string>();

  /** The key a type of the old version has in the new one. */
  renamed = (key: string): string => this.typeRenames.get(key) ?? key;

  /** The key a global element of the old version has in the new one. */
  renamedElement = (key: string): string => this.elementRenames.get(key) ?? key;

  sameTypeName(before: QName, after: QName): boolean {
    return this.renamed(qnameKey(before)) === qnameKey(after);
  }

  report(
    kind: ChangeKind,
    place: Place,
    subject: string,
    message: string,
    effects: Effects,
    positions: { before?: Source | undefined; after?: Source | undefined },
    paths: readonly string[] = place.paths,
    apiBreaking = false,
  ): void {
    this.changes.push({
      kind,
      namespace: place.namespace,
      subject,
      message,
      producers: effects.producers,
      consumers: effects.consumers,
      apiBreaking,
      paths: [...new Set(paths)].sort(),
      ...(positions.before ? { before: positions.before } : {}),
      ...(positions.after ? { after: positions.after } : {}),
    });
  }
}

/** `xs:int`, `operation` (a type of the namespace at hand), `{urn:x}name` (another one). */
export function typeLabel(name: QName, namespace: string): string {
  if (name.namespace === XSD_NAMESPACE) return `xs:${name.name}`;
  return name.namespace === namespace ? name.name : `{${name.namespace}}${name.name}`;
}

/** `"text"`, cut to a readable length, for documentation in messages. */
export function quoteText(text: string | undefined): string {
  if (text === undefined) return '(none)';
  const flat = text.replace(/\s+/g, ' ').trim();
  return quote(flat.length > 60 ? `${flat.slice(0, 57)}...` : flat);
}

/**
 * Two texts as `"...old part..." -> "...new part..."`: around where they differ, so a one-word
 * edit in a long paragraph shows the word rather than the paragraph's identical start.
 */
export function quoteTextChange(before: string | undefined, after: string | undefined): string {
  if (before === undefined || after === undefined) return `${quoteText(before)} -> ${quoteText(after)}`;
  const b = before.replace(/\s+/g, ' ').trim();
  const a = after.replace(/\s+/g, ' ').trim();
  let start = 0;
  while (start < b.length && start < a.length && b[start] === a[start]) start++;
  let end = 0;
  while (end < b.length - start && end < a.length - start && b[b.length - 1 - end] === a[a.length - 1 - end]) end++;
  // Some context on either side, cut at word boundaries; a cut that would save little is not made.
  const context = 20;
  const from = start - context <= 10 ? 0 : b.indexOf(' ', start - context) + 1 || start;
  const cut = (t: string) => {
    const keep = t.length - end + context;
    const to = t.length - keep <= 10 ? t.length : t.lastIndexOf(' ', keep) > t.length - end ? t.lastIndexOf(' ', keep) : keep;
    return quote(`${from > 0 ? '...' : ''}${t.slice(from, to)}${to < t.length ? '...' : ''}`);
  };
  return `${cut(b)} -> ${cut(a)}`;
}

export function occursLabel(max: number | 'unbounded'): string {
  return max === 'unbounded' ? 'unbounded' : String(max);
}

/** A value in a message, as the schema writes it: `"\Seen"`, not JSON's `"\\Seen"`. */
export function quote(value: string | undefined): string {
  return value === undefined ? '(none)' : `"${value}"`;
}
