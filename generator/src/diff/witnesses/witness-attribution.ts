/**
 * Whether a refusal belongs to a change. Two versions usually differ in more than one place, so
 * a document the other version refuses proves a change only when the refusal sits where that
 * change shows:
 * - at one of its paths (any code: the changed element or attribute itself is refused);
 * - at the parent element, for a change of presence (added, removed, renamed, made required or
 *   optional, cardinality), since a missing required child or attribute is reported on the
 *   element that lacks it. The parent may lack something else that another change made
 *   required, so when the document is given, the element reported must lack the change's own
 *   child or attribute;
 * - below one of its paths, for a wildcard change, since the refused element is the one the
 *   wildcard matched, below the element that holds it;
 * - at an element's xsi:type attribute, for a refusal of the type it names (evfw.xsi.type).
 */
import { readXml, type SourceElement } from '@evfw/runtime';
import type { ChangeKind } from '../schema-change.js';

/** Changes of how many times an element may occur (witness-mutants.ts also repeats elements for these). */
export const CARDINALITY_KINDS: ReadonlySet<ChangeKind> = new Set(['cardinality-widened', 'cardinality-narrowed']);

const PRESENCE_KINDS: ReadonlySet<ChangeKind> = new Set([
  'element-added',
  'element-removed',
  'element-renamed',
  'attribute-added',
  'attribute-removed',
  'attribute-renamed',
  'made-required',
  'made-optional',
  ...CARDINALITY_KINDS,
]);

const WILDCARD_KINDS: ReadonlySet<ChangeKind> = new Set(['wildcard-namespace-widened', 'wildcard-namespace-narrowed', 'wildcard-namespace-changed', 'wildcard-process-contents-changed']);

export interface Refusal {
  readonly code: string;
  /** As diagnostics write it: `/cpm-evfw/event-cpm-imap[2]/operation[1]/@flags`. */
  readonly path: string;
}

/**
 * A diagnostic's path as a change's paths are written: no positions (`[2]`), and no prefix on
 * attribute names (`@ns1:flag` -> `@flag`), since change paths hold local names.
 */
export function indexFree(path: string): string {
  return path.replace(/\[\d+\]/g, '').replace(/\/@[^/:]*:/g, '/@');
}

/** Whether `refusal` is attributable to a change of `kind` showing at `paths`, in `document` when given. */
export function attributable(refusal: Refusal, kind: ChangeKind, paths: readonly string[], document?: string): boolean {
  // An xsi:type naming a type the version lacks is reported at the attribute, and is a fault of
  // the element that carries it: where a type change shows (D-114).
  const at = segments(indexFree(refusal.code === 'evfw.xsi.type' ? refusal.path.replace(/\/@[^/]*$/, '') : refusal.path));
  return paths.some((path) => {
    const target = segments(path);
    if (endsWith(at, target)) return true;
    if (PRESENCE_KINDS.has(kind) && target.length > 1 && endsWith(at, target.slice(0, -1))) return parentFault(refusal, kind, target.at(-1)!, document);
    return WILDCARD_KINDS.has(kind) && at.length > 1 && endsWith(at.slice(0, -1), target);
  });
}

/** Whether an element or attribute at `path` (as diagnostics write it) is where one of `paths` shows. */
export function showsAt(path: string, paths: readonly string[]): boolean {
  const at = segments(indexFree(path));
  return paths.some((p) => endsWith(at, segments(p)));
}

/** Elements on a path, attributes not counted: how deep a document must go to show it. */
export function elementDepth(path: string): number {
  return segments(path).filter((s) => !s.startsWith('@')).length;
}

/** The first element of a path: the global element a document showing it starts with. */
export function headOf(path: string): string | undefined {
  return segments(path)[0];
}

/** Whether a refusal at the parent is about `child` (`@name` for an attribute). */
function parentFault(refusal: Refusal, kind: ChangeKind, child: string, document: string | undefined): boolean {
  const element = document === undefined ? undefined : elementAt(document, refusal.path);
  if (document !== undefined && element === undefined) return false;
  if (child.startsWith('@')) {
    const name = child.slice(1);
    return refusal.code === 'evfw.attribute.required' && (element === undefined || !element.attributes.some((a) => a.name === name));
  }
  // Too few or too many of a child that is there: only a cardinality change explains it.
  if (CARDINALITY_KINDS.has(kind)) return refusal.code === 'evfw.content.missing' || refusal.code === 'evfw.content.unexpected';
  return refusal.code === 'evfw.content.missing' && (element === undefined || !element.children.some((c) => c.kind === 'element' && c.name === child));
}

/** The element a diagnostic path names (`/a/b[2]/c[1]`, local names counted per name). */
function elementAt(document: string, path: string): SourceElement | undefined {
  let element = readXml(document).root;
  for (const step of segments(path).slice(1)) {
    const [, name, position] = /^([^[]+)(?:\[(\d+)\])?$/.exec(step) ?? [];
    if (!element || name === undefined || name.startsWith('@')) return undefined;
    const same = element.children.filter((c): c is SourceElement => c.kind === 'element' && c.name === name);
    element = same[Number(position ?? 1) - 1];
  }
  return element;
}

function segments(path: string): string[] {
  return path.split('/').filter((s) => s !== '');
}

/**
 * Whether `at` ends with `target`. A document may reach the change through a container (a
 * wildcard of another namespace), so the path need only be a suffix; `*` and `@*` in a change
 * path stand for any element and any attribute.
 */
function endsWith(at: readonly string[], target: readonly string[]): boolean {
  if (target.length === 0 || target.length > at.length) return false;
  const offset = at.length - target.length;
  return target.every((t, i) => matches(at[offset + i]!, t));
}

function matches(segment: string, pattern: string): boolean {
  if (pattern === '*') return !segment.startsWith('@');
  if (pattern === '@*') return segment.startsWith('@');
  return segment === pattern;
}
