/**
 * One example document per namespace, made by the runtime's own fixture tools and checked by
 * its own validator, so an example in the reference cannot be wrong. A generated candidate the
 * validator refuses is left out; when every candidate is refused (a schema the fixture tools
 * cannot fully satisfy: a keyref, say, whose values must match a key's), the page says so and
 * names what the validator found, instead of showing a wrong example or failing the build.
 *
 * Readers want an example that shows the namespace, not the smallest valid document, and one
 * that passes the strictest profile with rules for it (cpm-evfw's minimal document breaks
 * evfw.rule.object-identifiable). So, deterministically:
 *  1. candidates: the minimal document (defaultDocument), the fullest one (fullDocument: every
 *     optional part once), then documents drawn by documentArbitrary from a fixed seed, without
 *     foreign content and with one of each repeat;
 *  2. the candidate showing the most element names of the namespace comes first;
 *  3. its random strings are replaced, one at a time, by readable ones (the property's own name,
 *     "1", a SIP or TEL URI...), each kept only if the document has no more diagnostics than
 *     before, a schema error weighing more than any number of rule findings: this clears the
 *     prose rules' findings as well as the noise;
 *  4. the first candidate with no diagnostic left (errors or warnings) is the example.
 * When no candidate can be polished clean for the strictest profile (the rules ask for values
 * the readable replacements do not offer), the next profile down is tried, down to `xsd`, which
 * every candidate passes; the page names the profile the example passes. A schema edit must
 * never make the reference fail to build.
 */
import fc from 'fast-check';
import { SchemaRegistry, parseDocument, readXml, serializeDocument, type Profile, type SourceElement } from '@evfw/runtime';
import { GenerationError, defaultDocument, documentArbitrary, fullDocument } from '@evfw/runtime/testing';
import type { Schema } from '../../ir/ir.js';
import type { DocsExample } from './docs-model.js';

const SEED = 20_260_601;
const SAMPLES = 12;
/** A drawn value that reads well enough to keep when the property's name does not fit. */
const PLAIN = /^(?:[A-Za-z][A-Za-z0-9._-]*|[0-9]+)$/;
/** Polishing costs a validation per try: the fullest few candidates get it, the rest are never better. */
const POLISHED = 4;
/**
 * Polishing validates the document once per string or more: an example whose size in characters
 * times its number of strings is past this (a large minOccurs) is shown as drawn. Our own
 * schemas' examples are at 5,000, the largest of the corpus at 700,000.
 */
const POLISHING_WORK = 2_000_000;
/** Readable replacements for random strings, tried in this order after the property's own name. */
const READABLE = ['1', 'example', 'sip:alice@example.com', 'tel:+15550100', 'https://example.com/', '2026-01-01T12:00:00Z', '2026-01-01'];

export function exampleDocuments(registry: SchemaRegistry, schema: Schema): DocsExample[] {
  const globals = registry.globalElements().filter((e) => e.namespace === schema.namespace);
  const root = globals.find((e) => !e.abstract);
  if (!root) {
    const reason = globals.length === 0 ? 'the namespace declares no global element, so no document can start with one of its elements' : 'every global element of the namespace is abstract, so none can be a document root';
    return [{ root: globals[0] ? `<${globals[0].name}>` : schema.namespace, reason }];
  }
  const key = `{${root.namespace}}${root.name}`;
  const profile = strictestProfile(schema);
  try {
    return [{ root: `<${root.name}>`, ...exampleOf(registry, key, schema.namespace, profile) }];
  } catch (error) {
    if (error instanceof GenerationError) return [{ root: `<${root.name}>`, reason: `no valid document can be generated: ${error.message.replace(/^evfw: /, '')}` }];
    if (error instanceof NoValidCandidate) return [{ root: `<${root.name}>`, reason: error.message }];
    throw error;
  }
}

/**
 * Every candidate the fixture tools drew fails the schema: the tools do not satisfy every
 * constraint a schema can state. The message is the reason the page gives.
 */
class NoValidCandidate extends Error {
  override readonly name = 'NoValidCandidate';
}

/** `invite` when the namespace has rules of that profile, `spec` when it has any, else `xsd`. */
export function strictestProfile(schema: Schema): Profile {
  const rules = schema.rules ?? [];
  if (rules.some((r) => r.profile === 'invite')) return 'invite';
  return rules.length > 0 ? 'spec' : 'xsd';
}

/**
 * Examples already made in this process, by schema, root and profile: the test suite generates
 * the same schemas many times, and polishing an example costs a few hundred validations.
 */
const made = new Map<string, Example>();

interface Example {
  readonly document: string;
  /** The profile the document passes without a diagnostic: the strictest one asked for, or the next below. */
  readonly profile: Profile;
}

/** The profile to try when no example passes this one; every generated document passes `xsd`. */
const WEAKER: Readonly<Record<Profile, Profile | undefined>> = { invite: 'spec', spec: 'xsd', xsd: undefined };

function exampleOf(registry: SchemaRegistry, key: string, namespace: string, strictest: Profile): Example {
  const id = `${strictest} ${key} ${JSON.stringify(registry.schemas)}`;
  const earlier = made.get(id);
  if (earlier !== undefined) return earlier;
  for (let profile: Profile | undefined = strictest; profile; profile = WEAKER[profile]) {
    const document = makeExample(registry, key, namespace, profile);
    if (document === undefined) continue;
    made.set(id, { document, profile });
    return { document, profile };
  }
  throw new Error(`evfw docs: no generated example of ${key} passes even the xsd profile; this is a bug of the fixture tools`);
}

/** The polished example that passes `profile` with no diagnostic, or undefined when none of the candidates can. */
function makeExample(registry: SchemaRegistry, key: string, namespace: string, profile: Profile): string | undefined {
  const write = (value: unknown) => serializeDocument(registry, key, value, { indent: 2 });
  // A schema error can hide the rules of the elements around it, so no number of rule findings
  // fixed is worth one schema error more.
  const problems = (text: string): Problems => {
    const diagnostics = parseDocument(registry, key, text, { profile }).diagnostics;
    return { score: diagnostics.reduce((sum, d) => sum + (d.code.startsWith('evfw.rule.') ? 1 : 1000), 0), about: diagnostics.map((d) => `${d.path} ${d.message}`).join('\n') };
  };
  const drawn = [defaultDocument<unknown>(registry, key), fullDocument<unknown>(registry, key), ...fc.sample(documentArbitrary<unknown>(registry, key, { maxOccurs: 1, extensions: false }), { seed: SEED, numRuns: SAMPLES })];
  // The generators aim at schema-valid values but do not satisfy every constraint (a keyref's
  // values must match a key's, for one): a candidate the validator refuses is left out.
  let refused: string | undefined;
  const candidates = drawn
    .flatMap((value, order) => {
      const text = write(value);
      const checked = parseDocument(registry, key, text, { profile: 'xsd' });
      if (!checked.ok) {
        refused ??= checked.diagnostics.find((d) => d.severity === 'error')?.message;
        return [];
      }
      return [{ value, text, order, shown: namesShown(text, namespace) }];
    })
    .sort((a, b) => b.shown - a.shown || a.order - b.order);
  if (candidates.length === 0) throw new NoValidCandidate(`the fixture tools could not build a valid one (the first they drew is refused: ${refused ?? 'no error reported'})`);
  for (const candidate of candidates.slice(0, POLISHED)) {
    const polished = polish(candidate.value, write, problems);
    if (polished !== undefined) return polished;
  }
  return undefined;
}

/** How many distinct element names of the namespace the document shows. */
function namesShown(text: string, namespace: string): number {
  const names = new Set<string>();
  const walk = (e: SourceElement) => {
    if (e.namespace === namespace) names.add(e.name);
    for (const child of e.children) if (child.kind === 'element') walk(child);
  };
  const root = readXml(text).root;
  if (root) walk(root);
  return names.size;
}

/** A document's diagnostics: a score to bring to 0, and the paths and messages, which name what to change. */
interface Problems {
  readonly score: number;
  readonly about: string;
}

/**
 * Replaces each string of the value, in document order, by a readable one. Every string gets
 * its property's own name if that does no harm; the strings a diagnostic names (by path or in
 * its message) also try the other readable values, and take the one that leaves the fewest
 * diagnostics. A second pass catches what the first could only fix once a later value was
 * readable. Returns the text when no diagnostic is left.
 */
function polish(value: unknown, write: (value: unknown) => string, problems: (text: string) => Problems): string | undefined {
  let current = value;
  let text = write(current);
  let found = problems(text);
  // Each try validates the whole document again, and a large minOccurs makes both the document
  // and the number of strings large: quadratic. Past this much work the example stays as drawn.
  if (text.length * stringPaths(current).length > POLISHING_WORK) return found.score === 0 ? text : undefined;
  for (let pass = 0; (pass < 2 && found.score > 0) || pass === 0; pass++) {
    for (const path of stringPaths(current)) {
      const own = ownName(path);
      const named = own !== undefined && found.score > 0 && found.about.includes(own);
      const drawn = get(current, path) as string;
      let best: { value: unknown; text: string; found: Problems } | undefined;
      for (const replacement of [...(own ? [own] : []), ...READABLE]) {
        if (replacement === drawn) continue;
        // The other readable values are for what a diagnostic names, and for drawn values that
        // read as noise where the own name does not fit; a plain word or number stays.
        if (replacement !== own && own !== undefined && !named && (best || PLAIN.test(drawn))) break;
        const next = set(current, path, replacement);
        let nextText: string;
        try {
          nextText = write(next);
        } catch {
          continue; // the replacement does not fit the model (an enumeration, a pattern)
        }
        const nextFound = problems(nextText);
        if (nextFound.score <= found.score && (!best || nextFound.score < best.found.score)) best = { value: next, text: nextText, found: nextFound };
        // Nothing left to fix, or one fixed: no need to look further.
        if (best && (best.found.score === 0 || best.found.score < found.score)) break;
      }
      if (best) [current, text, found] = [best.value, best.text, best.found];
    }
  }
  return found.score === 0 ? text : undefined;
}

/** The XML name a string of the model stands for: its property's (a list item's, a simple content's element's), in kebab-case. */
function ownName(path: Path): string | undefined {
  const key = [...path].reverse().find((k): k is string => typeof k === 'string' && k !== '$value');
  return key?.replace(/[A-Z]/g, (c) => `-${c.toLowerCase()}`);
}

type Path = readonly (string | number)[];

/**
 * Paths to every string of a model value, in key order; `$case` (which branch of a choice) is structure,
 * and foreign content (XmlElement and XmlText nodes, whose strings are names) is left as drawn.
 */
function stringPaths(value: unknown, path: Path = []): Path[] {
  if (typeof value === 'string') return [path];
  if (Array.isArray(value)) return value.flatMap((item, i) => stringPaths(item, [...path, i]));
  if (value && typeof value === 'object') {
    const kind = (value as { kind?: unknown }).kind;
    if ((kind === 'element' && 'children' in value) || (kind === 'text' && 'text' in value)) return [];
    return Object.entries(value as Record<string, unknown>).flatMap(([k, v]) => (k === '$case' ? [] : stringPaths(v, [...path, k])));
  }
  return [];
}

function get(value: unknown, path: Path): unknown {
  return path.reduce<unknown>((v, k) => (v as Record<string | number, unknown>)[k], value);
}

function set(value: unknown, path: Path, replacement: string): unknown {
  if (path.length === 0) return replacement; // a root element of a simple type
  const copy = structuredClone(value);
  const parent = get(copy, path.slice(0, -1)) as Record<string | number, unknown>;
  parent[path[path.length - 1]!] = replacement;
  return copy;
}
