/**
 * The document-level entry points the generated functions call: parse (text or bytes to a typed
 * value, or diagnostics), validate (diagnostics only) and serialize (typed value to text).
 * None of them throws on bad input: bad documents give diagnostics. serialize throws a
 * ModelError only when handed a value that does not fit the schema, which is a program error.
 */
import { DiagnosticSink, excerpt, type Diagnostic } from './diagnostics.js';
import { resolveLimits, type Limits } from './limits.js';
import { componentKey, type ElementDescriptor } from './schema/descriptor.js';
import type { SchemaRegistry } from './schema/registry.js';
import { modelToText } from './model/model-to-text.js';
import { ElementReader } from './validate/element-reader.js';
import type { CompatOption } from './validate/known-deviations.js';
import { validateFast } from './validate/fast-validator.js';
import { decodeXml } from './xml/decode.js';
import { readXml } from './xml/read-xml.js';
import type { Profile } from './rules/rule-descriptor.js';
import { rulesByElement, runRules, type RulesByElement } from './rules/run-rules.js';
import type { SourceElement } from './xml/source-tree.js';

export interface ParseOptions {
  /** Limits on size, depth, text length and error count; libxml2's defaults otherwise. */
  readonly limits?: Partial<Limits>;
  /** Known deviations to accept (with a warning) instead of rejecting. */
  readonly compat?: readonly CompatOption[];
  /**
   * Which rules apply: `xsd` (the default) the schemas alone; `spec` adds the prose rules of the
   * schemas' rules files; `invite` adds those of the bi-directional SIP INVITE mechanism (6.7.3.2).
   */
  readonly profile?: Profile;
}

export type ParseResult<T> =
  | { readonly ok: true; readonly value: T; readonly diagnostics: readonly Diagnostic[] }
  | { readonly ok: false; readonly diagnostics: readonly Diagnostic[] };

export interface SerializeOptions {
  /** Indent element-only content by this many spaces. Default: compact. */
  readonly indent?: number;
  /** Write the XML declaration. Default true. */
  readonly declaration?: boolean;
}

export class ModelError extends Error {
  constructor(readonly diagnostics: readonly Diagnostic[]) {
    super(`the value does not fit the schema: ${diagnostics.map((d) => d.message).join('; ')}`);
    this.name = 'ModelError';
  }
}

/**
 * Parses a document whose root must be the global element `rootKey` (any global element of
 * the registry when it is undefined; the value is then the root's model value).
 */
export function parseDocument<T>(registry: SchemaRegistry, rootKey: string | undefined, input: string | Uint8Array, options: ParseOptions = {}): ParseResult<T> {
  return (fastPath(registry, rootKey, input, options, true) as ParseResult<T> | undefined) ?? parseFullPath(registry, rootKey, input, options);
}

/**
 * The full path alone: the source tree, then validation with every diagnostic and its position.
 * parseDocument takes it for any document the fast path does not claim; the tests compare both.
 */
export function parseFullPath<T>(registry: SchemaRegistry, rootKey: string | undefined, input: string | Uint8Array, options: ParseOptions = {}): ParseResult<T> {
  const limits = resolveLimits(options.limits);
  const read = readXml(input, { limits });
  if (!read.root) return { ok: false, diagnostics: read.diagnostics };
  const sink = new DiagnosticSink(limits.maxErrors);
  for (const d of read.diagnostics) sink.add(d);
  let value: unknown;
  try {
    const decl = rootDeclaration(registry, rootKey, read.root, sink);
    if (decl) value = new ElementReader(registry, sink, { compat: options.compat ?? [] }).document(read.root, decl);
    const profile = options.profile ?? 'xsd';
    if (decl && profile !== 'xsd' && !sink.full) runRules(read.root, registry.ruleSets(), profile, sink);
  } catch (error) {
    // A bug of ours must not become a crash of the caller's: report it as a diagnostic.
    sink.add({ code: 'evfw.internal', severity: 'error', message: `the validator failed unexpectedly (${excerpt(String(error), 120)}); this is a bug in evfw, not in the document`, line: 0, column: 0, path: '' });
  }
  if (sink.errorCount > 0 || value === undefined) return { ok: false, diagnostics: sink.items };
  return { ok: true, value: value as T, diagnostics: sink.items };
}

/**
 * A valid document is read in one pass with no source tree (validate/fast-validator.ts), its
 * profile's prose rules checked on the way. Any document with a fault or a rule to report, and
 * anything the fast path does not handle, falls through to the full path, which reports every
 * diagnostic with its position. The value is read only if `bind`.
 */
function fastPath(registry: SchemaRegistry, rootKey: string | undefined, input: string | Uint8Array, options: ParseOptions, bind: boolean): ParseResult<unknown> | undefined {
  const limits = resolveLimits(options.limits);
  const size = typeof input === 'string' ? input.length : input.byteLength;
  // Within the limit by UTF-16 units means within it by characters; beyond, the full path counts.
  if (size > limits.maxDocumentSize) return undefined;
  const decoded = decodeXml(input);
  if ('error' in decoded) return undefined;
  try {
    const profile = options.profile ?? 'xsd';
    const rules = profile === 'xsd' ? undefined : rulesOf(registry, profile);
    const valid = validateFast(registry, rootKey, decoded.text, limits, { compat: options.compat ?? [], bind, ...(rules ? { rules } : {}) });
    return valid ? { ok: true, value: valid.value, diagnostics: [] } : undefined;
  } catch {
    // A bug of the fast path is no reason to fail: the full path reads the document again.
    return undefined;
  }
}

const rulesByRegistry = new WeakMap<SchemaRegistry, Map<Profile, RulesByElement>>();

/** A profile's rules by element, worked out once per registry. */
function rulesOf(registry: SchemaRegistry, profile: Profile): RulesByElement {
  let byProfile = rulesByRegistry.get(registry);
  if (!byProfile) rulesByRegistry.set(registry, (byProfile = new Map()));
  let rules = byProfile.get(profile);
  if (!rules) byProfile.set(profile, (rules = rulesByElement(registry.ruleSets(), profile)));
  return rules;
}

/** Every diagnostic of a document: errors and warnings. Empty means valid and clean. */
export function validateDocument(registry: SchemaRegistry, rootKey: string | undefined, input: string | Uint8Array, options: ParseOptions = {}): readonly Diagnostic[] {
  return (fastPath(registry, rootKey, input, options, false) ?? parseFullPath(registry, rootKey, input, options)).diagnostics;
}

export function serializeDocument<T>(registry: SchemaRegistry, rootKey: string, value: T, options: SerializeOptions = {}): string {
  const decl = registry.element(rootKey);
  if (!decl) throw new Error(`evfw: no global element ${rootKey}; regenerate the package`);
  const written = modelToText(registry, decl, value, options);
  if (!written.ok) throw new ModelError(written.problems);
  return written.text;
}

function rootDeclaration(registry: SchemaRegistry, rootKey: string | undefined, root: SourceElement, sink: DiagnosticSink): ElementDescriptor | undefined {
  const key = componentKey(root.namespace, root.name);
  const decl = rootKey === undefined || rootKey === key ? registry.element(key) : undefined;
  if (decl && !decl.abstract) return decl;
  const candidates = rootKey ? [registry.element(rootKey)!] : registry.globalElements();
  const sameName = candidates.find((c) => c.name === root.name);
  const expected = candidates.map((c) => `<${c.name}>${c.namespace ? ` in namespace "${c.namespace}"` : ''}`);
  const name = excerpt(root.name, 64);
  const namespace = excerpt(root.namespace, 80);
  sink.add({
    code: 'evfw.root.unknown',
    severity: 'error',
    message: `the root element <${name}>${root.namespace ? ` in namespace "${namespace}"` : ' in no namespace'} is not ${expected.length === 1 ? expected[0] : `one of ${expected.slice(0, 5).join(', ')}${expected.length > 5 ? ', ...' : ''}`}`,
    line: root.line,
    column: root.column,
    path: `/${name}`,
    ...(sameName && sameName.namespace !== root.namespace ? { hint: `declare the namespace: <${name} xmlns="${sameName.namespace}">` } : {}),
  });
  return undefined;
}
