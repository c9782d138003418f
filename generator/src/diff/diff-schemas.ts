/**
 * `evfw diff`'s comparison: two versions of a schema set, as final IRs (after every
 * transform), to the list of changes between them, each classified for producers and consumers
 * (schema-change.ts). Components are paired by expanded name, local elements by the type they
 * sit in; a change inside a named type is reported once, at the type, with every instance path
 * where it shows. The order is deterministic: by namespace, then by position.
 *
 * Types and then global elements are matched first, in every namespace, because their renames
 * decide whether a reference elsewhere changed. Last, both versions' generated declarations are
 * compared, and the changes that break code written against them marked (mark-api-breaking.ts).
 */
import { qnameKey, type ElementDecl, type NamedSchemaSet, type Schema, type Source, type DeclaredType } from '../ir/ir.js';
import { xsiTypeBases } from '../ir/substitutable-types.js';

/** A type of a schema's list, named: what the diff pairs. */
type TypeDef = DeclaredType<'named'>;
import { compareDocumentation, compareElementDecls } from './compare-declarations.js';
import { compareTypes } from './compare-types.js';
import { BOTH, NARROWS, NEITHER, WIDENS, DiffContext, quote, typeLabel, version, type Place, type Version } from './diff-context.js';
import { fingerprint } from './fingerprint.js';
import { markApiBreaking } from './mark-api-breaking.js';
import { matchComponents, type Matching } from './match-components.js';
import type { SchemaChange } from './schema-change.js';

export { suggestSemver, isBreaking } from './semver.js';
export type { ChangeKind, Effect, SchemaChange, SemverSuggestion, Witness } from './schema-change.js';

export function diffSchemas(before: NamedSchemaSet, after: NamedSchemaSet): SchemaChange[] {
  const ctx = new DiffContext(version(before), version(after));
  const pairs = namespacePairs(before, after);
  const typeMatches = pairs.map(([b, a]) => {
    const matching = matchTypes(ctx, b?.types ?? [], a?.types ?? []);
    for (const [x, y] of matching.renamed) ctx.typeRenames.set(qnameKey(x.name), qnameKey(y.name));
    return matching;
  });
  const elementMatches = pairs.map(([b, a]) => {
    const matching = matchComponents(
      b?.elements ?? [],
      a?.elements ?? [],
      (e) => qnameKey(e.name),
      (e, side) => fingerprint(e, { dropName: true, ...(side === 'before' ? { rename: ctx.renamed } : {}) }),
    );
    for (const [x, y] of matching.renamed) ctx.elementRenames.set(qnameKey(x.name), qnameKey(y.name));
    return matching;
  });
  pairs.forEach(([b, a], i) => {
    const namespace = (a ?? b)!.namespace;
    reportTypes(ctx, namespace, typeMatches[i]!);
    reportElements(ctx, namespace, elementMatches[i]!);
    reportAttributes(ctx, namespace, b, a);
    const place: Place = { namespace, owner: `schema ${namespace || '(no namespace)'}`, paths: [] };
    compareDocumentation(ctx, place, place.owner, b?.documentation, a?.documentation, { ...(b ? { before: firstLine(b) } : {}), ...(a ? { after: firstLine(a) } : {}) });
  });
  // Last, as it needs every change: which of them the generated package's declarations show.
  return ordered(markApiBreaking(ctx, mergeRepeats(ctx.changes)));
}

/**
 * Types by name; then a removed and an added type with the same structure are a rename; then
 * one removed and one added of the same kind used at exactly the same places are a rename
 * whose content also changed (reported inside, at the type), rather than a removal, an
 * addition and a changed type at every use.
 */
function matchTypes(ctx: DiffContext, before: readonly TypeDef[], after: readonly TypeDef[]): Matching<TypeDef> {
  const byName = matchComponents(before, after, (t) => qnameKey(t.name), (t) => fingerprint(t, { dropName: true }));
  const byPlace = matchComponents(byName.removed, byName.added, (t) => qnameKey(t.name), (t, side) => {
    const paths = (side === 'before' ? ctx.before : ctx.after).paths.ofType(t.name);
    return paths.length === 0 ? `${side} unused ${qnameKey(t.name)}` : `${t.kind} ${paths.join(' ')}`;
  });
  return { kept: byName.kept, renamed: [...byName.renamed, ...byPlace.renamed], removed: byPlace.removed, added: byPlace.added };
}

/** Non-built-in schemas of both versions, paired by namespace, sorted. */
function namespacePairs(before: NamedSchemaSet, after: NamedSchemaSet): [Schema<'named'> | undefined, Schema<'named'> | undefined][] {
  const own = (set: NamedSchemaSet) => new Map(set.schemas.filter((s) => !s.builtin).map((s) => [s.namespace, s]));
  const b = own(before);
  const a = own(after);
  return [...new Set([...b.keys(), ...a.keys()])].sort().map((ns) => [b.get(ns), a.get(ns)]);
}

function typePlace(ctx: DiffContext, namespace: string, b: TypeDef | undefined, a: TypeDef | undefined): Place {
  const { name, anonymous } = (a ?? b)!;
  const paths = [...(b ? ctx.before.paths.ofType(b.name) : []), ...(a ? ctx.after.paths.ofType(a.name) : [])];
  return { namespace, owner: `type ${name.name}${anonymous ? ' (anonymous)' : ''}`, paths: [...new Set(paths)] };
}

function reportTypes(ctx: DiffContext, namespace: string, matching: Matching<TypeDef>): void {
  const generated = (t: TypeDef) => (t.tsName ? ` (generated type ${t.tsName})` : '');
  // A type derived from one that elements have shows where xsi:type names it (D-114): added,
  // documents may carry it there; removed, documents that did are refused.
  for (const t of matching.added) {
    const { place, where } = xsiTypePlace(ctx.after, typePlace(ctx, namespace, undefined, t), t, namespace);
    ctx.report('type-added', place, place.owner, `type ${t.name.name} added${generated(t)}${where}`, where ? WIDENS : NEITHER, { after: t.source });
  }
  for (const t of matching.removed) {
    const { place, where } = xsiTypePlace(ctx.before, typePlace(ctx, namespace, t, undefined), t, namespace);
    ctx.report('type-removed', place, place.owner, `type ${t.name.name} removed${generated(t)}${where}`, where ? NARROWS : NEITHER, { before: t.source }, place.paths, t.tsName !== undefined);
  }
  for (const [b, a] of matching.renamed) {
    const place = typePlace(ctx, namespace, b, a);
    const api = b.tsName !== undefined && b.tsName !== a.tsName;
    const code = api ? ` (generated type ${b.tsName} -> ${a.tsName})` : '';
    // Only xsi:type names a type in a document, and nothing can name an anonymous one.
    const effects = b.anonymous && a.anonymous ? NEITHER : BOTH;
    ctx.report('type-renamed', place, place.owner, `type ${quote(b.name.name)} renamed to ${quote(a.name.name)}${code}`, effects, { before: b.source, after: a.source }, place.paths, api);
  }
  for (const [b, a] of [...matching.kept, ...matching.renamed]) compareTypes(ctx, typePlace(ctx, namespace, b, a), b, a);
}

/**
 * Where xsi:type may name `t` in its version: the paths of the types it can stand in for, and
 * the words that say so; `where` is '' when it can stand in for none that documents use.
 */
function xsiTypePlace(side: Version, place: Place, t: TypeDef, namespace: string): { place: Place; where: string } {
  if (t.kind !== 'complex') return { place, where: '' };
  const bases = xsiTypeBases(side.index, t).filter((base) => side.paths.ofType(base.name).length > 0);
  if (bases.length === 0) return { place, where: '' };
  const paths = [...new Set(bases.flatMap((base) => side.paths.ofType(base.name)))];
  const names = bases.map((base) => typeLabel(base.name, namespace)).join(', ');
  return { place: { ...place, paths: [...new Set([...place.paths, ...paths])] }, where: `; xsi:type may name it in place of ${names}` };
}

function reportElements(ctx: DiffContext, namespace: string, matching: Matching<ElementDecl>): void {
  const place = (name: string, paths: readonly string[]): Place => ({ namespace, owner: `element ${name}`, paths });
  for (const e of matching.added) {
    const p = place(e.name.name, ctx.after.paths.ofElement(e.name));
    ctx.report('element-added', p, p.owner, `global element ${e.name.name} added`, WIDENS, { after: e.source });
  }
  for (const e of matching.removed) {
    const p = place(e.name.name, ctx.before.paths.ofElement(e.name));
    ctx.report('element-removed', p, p.owner, `global element ${e.name.name} removed`, NARROWS, { before: e.source });
  }
  for (const [x, y] of matching.renamed) {
    const p = place(y.name.name, [...ctx.before.paths.ofElement(x.name), ...ctx.after.paths.ofElement(y.name)]);
    ctx.report('element-renamed', p, p.owner, `global element ${quote(x.name.name)} renamed to ${quote(y.name.name)}`, BOTH, { before: x.source, after: y.source });
  }
  for (const [x, y] of [...matching.kept, ...matching.renamed]) {
    const p = place(y.name.name, [...new Set([...ctx.before.paths.ofElement(x.name), ...ctx.after.paths.ofElement(y.name)])]);
    const at = { before: x.source, after: y.source };
    compareElementDecls(ctx, p, p.owner, x, y, p.paths);
    if (x.abstract !== y.abstract) ctx.report('type-changed', p, p.owner, `abstract ${x.abstract} -> ${y.abstract}`, y.abstract ? NARROWS : WIDENS, at);
    const head = (e: typeof x) => (e.substitutionGroup ? typeLabel(e.substitutionGroup, namespace) : '(none)');
    const sameHead = x.substitutionGroup && y.substitutionGroup ? qnameKey(x.substitutionGroup) === qnameKey(y.substitutionGroup) : x.substitutionGroup === y.substitutionGroup;
    if (!sameHead) {
      const effects = !x.substitutionGroup ? WIDENS : !y.substitutionGroup ? NARROWS : BOTH;
      ctx.report('type-changed', p, p.owner, `substitution group ${head(x)} -> ${head(y)}`, effects, at);
    }
  }
}

/**
 * Global attributes show in documents only where a type uses them, and every use is a copy
 * (flatten-attribute-groups), compared with its type; here only their coming and going.
 */
function reportAttributes(ctx: DiffContext, namespace: string, b: Schema | undefined, a: Schema | undefined): void {
  const matching = matchComponents(
    b?.attributes ?? [],
    a?.attributes ?? [],
    (d) => qnameKey(d.name),
    (d, side) => fingerprint(d, { dropName: true, ...(side === 'before' ? { rename: ctx.renamed } : {}) }),
  );
  const place: Place = { namespace, owner: 'global attributes', paths: [] };
  for (const d of matching.added) ctx.report('attribute-added', place, `attribute ${d.name.name}`, `global attribute ${d.name.name} added`, NEITHER, { after: d.source });
  for (const d of matching.removed) ctx.report('attribute-removed', place, `attribute ${d.name.name}`, `global attribute ${d.name.name} removed`, NEITHER, { before: d.source });
  for (const [x, y] of matching.renamed) {
    ctx.report('attribute-renamed', place, `attribute ${y.name.name}`, `global attribute ${quote(x.name.name)} renamed to ${quote(y.name.name)}`, NEITHER, { before: x.source, after: y.source });
  }
}

function firstLine(schema: Schema): Source {
  return { file: schema.files[0] ?? '', line: 1, column: 1 };
}

/** A change found the same way at several uses (a group inlined into two types) is one change with all their paths. */
function mergeRepeats(changes: readonly SchemaChange[]): SchemaChange[] {
  const merged = new Map<string, SchemaChange>();
  const at = (s: Source | undefined) => (s ? `${s.file}:${s.line}:${s.column}` : '');
  for (const c of changes) {
    const key = [c.kind, c.namespace, c.subject, c.message, at(c.before), at(c.after)].join('\0');
    const earlier = merged.get(key);
    merged.set(key, earlier ? { ...earlier, paths: [...new Set([...earlier.paths, ...c.paths])].sort() } : c);
  }
  return [...merged.values()];
}

function ordered(changes: SchemaChange[]): SchemaChange[] {
  const cmp = (x: string | number, y: string | number) => (x < y ? -1 : x > y ? 1 : 0);
  return changes.sort((x, y) => {
    const px = x.after ?? x.before;
    const py = y.after ?? y.before;
    return (
      cmp(x.namespace, y.namespace) ||
      cmp(px?.file ?? '', py?.file ?? '') ||
      cmp(px?.line ?? 0, py?.line ?? 0) ||
      cmp(px?.column ?? 0, py?.column ?? 0) ||
      cmp(x.kind, y.kind) ||
      cmp(x.subject, y.subject) ||
      cmp(x.message, y.message)
    );
  });
}
