/**
 * Pairs the components of two versions: by expanded name first; then a removed and an added
 * component with the same structure, and no other with it on either side, are one rename.
 * Anything less certain stays a removal and an addition, which is never wrong, only longer.
 */

export interface Matching<T> {
  /** Same name in both versions, in the old version's order. */
  readonly kept: readonly (readonly [T, T])[];
  readonly renamed: readonly (readonly [T, T])[];
  readonly removed: readonly T[];
  readonly added: readonly T[];
}

export function matchComponents<T>(
  before: readonly T[],
  after: readonly T[],
  key: (component: T) => string,
  /** The structure, for renames (old-version names mapped to new ones); undefined: no renames. */
  shape?: (component: T, side: 'before' | 'after') => string,
): Matching<T> {
  const afterByKey = new Map<string, T>();
  for (const a of after) if (!afterByKey.has(key(a))) afterByKey.set(key(a), a);
  const kept: (readonly [T, T])[] = [];
  const removed: T[] = [];
  const used = new Set<T>();
  for (const b of before) {
    const a = afterByKey.get(key(b));
    if (a !== undefined && !used.has(a)) {
      kept.push([b, a]);
      used.add(a);
    } else removed.push(b);
  }
  const added = after.filter((a) => !used.has(a));
  if (!shape || removed.length === 0 || added.length === 0) return { kept, renamed: [], removed, added };

  const shapes = (items: readonly T[], side: 'before' | 'after') => {
    const byShape = new Map<string, T[]>();
    for (const item of items) {
      const s = shape(item, side);
      byShape.set(s, [...(byShape.get(s) ?? []), item]);
    }
    return byShape;
  };
  const removedShapes = shapes(removed, 'before');
  const addedShapes = shapes(added, 'after');
  const renamed: (readonly [T, T])[] = [];
  for (const [s, olds] of removedShapes) {
    const news = addedShapes.get(s);
    if (olds.length === 1 && news?.length === 1) renamed.push([olds[0]!, news[0]!]);
  }
  const renamedOld = new Set(renamed.map(([b]) => b));
  const renamedNew = new Set(renamed.map(([, a]) => a));
  return {
    kept,
    renamed,
    removed: removed.filter((b) => !renamedOld.has(b)),
    added: added.filter((a) => !renamedNew.has(a)),
  };
}
