/**
 * How XSD names become TypeScript names. Every generated identifier goes through here, so the
 * rules live in one place: PascalCase types, camelCase properties, English plurals for arrays,
 * and a suffix where a name would shadow a JavaScript global or clash with another.
 */

/** Splits `event-cpm-imap`, `listType`, `display_name`, `URIList` into words. */
export function words(name: string): string[] {
  return name
    .replace(/([a-z0-9])([A-Z])/g, '$1 $2')
    .replace(/([A-Z]+)([A-Z][a-z])/g, '$1 $2')
    .split(/[^A-Za-z0-9]+/)
    .filter(Boolean);
}

export function pascalCase(name: string): string {
  const result = words(name)
    .map((w) => w.charAt(0).toUpperCase() + w.slice(1))
    .join('');
  return /^[0-9]/.test(result) ? `T${result}` : result || 'T';
}

export function camelCase(name: string): string {
  const pascal = pascalCase(name);
  const camel = pascal.charAt(0).toLowerCase() + pascal.slice(1);
  return /^[0-9]/.test(camel) ? `_${camel}` : camel;
}

const IRREGULAR: Readonly<Record<string, string>> = { person: 'people', child: 'children', datum: 'data', index: 'indexes' };
const UNCHANGED = new Set(['data', 'info', 'information', 'media', 'series', 'rules', 'extensions', 'status']);

/** The plural of the last word of a camelCase name: operation -> operations, entry -> entries. */
export function plural(name: string): string {
  const match = /^(.*?)([A-Z]?[a-z0-9]*)$/.exec(name);
  const head = match?.[1] ?? '';
  const last = match?.[2] ?? name;
  const lower = last.toLowerCase();
  const cap = (s: string) => (last.charAt(0) === last.charAt(0).toUpperCase() ? s.charAt(0).toUpperCase() + s.slice(1) : s);
  if (!last) return `${name}s`;
  if (UNCHANGED.has(lower)) return name;
  if (IRREGULAR[lower]) return head + cap(IRREGULAR[lower]);
  // A final s after a consonant is taken as a plural already: `exists`, `rules`.
  if (/[^aeious]s$/.test(lower)) return name;
  if (/[^aeiou]y$/.test(lower)) return `${head}${last.slice(0, -1)}ies`;
  if (/(s|x|z|ch|sh)$/.test(lower)) return `${head}${last}es`;
  return `${name}s`;
}

/**
 * Globals a generated type must not shadow: a module that declares `Object` or `Error` breaks
 * code in it (or next to it) that means the global one.
 */
const SHADOWED_GLOBALS = new Set([
  'Array', 'ArrayBuffer', 'BigInt', 'Boolean', 'DataView', 'Date', 'Error', 'EvalError', 'Function',
  'Infinity', 'Intl', 'JSON', 'Map', 'Math', 'NaN', 'Number', 'Object', 'Promise', 'Proxy',
  'RangeError', 'ReferenceError', 'Reflect', 'RegExp', 'Set', 'String', 'Symbol', 'SyntaxError',
  'TypeError', 'URIError', 'URL', 'WeakMap', 'WeakSet', 'Record', 'Partial', 'Required', 'Readonly',
  'Pick', 'Omit', 'Exclude', 'Extract', 'NonNullable', 'ReturnType', 'Uint8Array', 'Event',
  'Element', 'Node', 'Document', 'Attr', 'Text', 'Comment', 'Location', 'Request', 'Response',
  'Headers', 'XmlElement', 'XmlAttribute', 'XmlNode', 'XmlText',
]);

/**
 * Types the generated modules import (from @evfw/runtime and fast-check) beside the generated
 * types: a generated type of the same name would clash with the import in that module.
 */
const IMPORTED_TYPES = new Set([
  'Diagnostic', 'ParseOptions', 'ParseResult', 'SerializeOptions', 'SchemaDescriptor', 'ObjectValidator',
  'Arbitrary', 'ArbitraryOptions',
]);

/** A PascalCase type name that shadows no global nor imported type: `object` -> `ObjectType`. */
export function typeName(xsdName: string): string {
  const name = pascalCase(xsdName);
  return SHADOWED_GLOBALS.has(name) || IMPORTED_TYPES.has(name) ? `${name}Type` : name;
}

/** Returns `wanted`, or `wanted2`, `wanted3`... whichever is not yet in `taken`; records it. */
export function uniqueName(wanted: string, taken: Set<string>): string {
  let name = wanted;
  for (let n = 2; taken.has(name); n++) name = `${wanted}${n}`;
  taken.add(name);
  return name;
}

/**
 * Words that cannot name a variable, function or namespace export in a strict ES module, or
 * should not: the reserved words, `arguments` and `eval` (strict mode forbids binding them), and
 * the global values a declaration would shadow (`undefined`, `NaN`, `Infinity`, `globalThis`).
 * Property keys may use any of them.
 */
const RESERVED = new Set(
  ('break case catch class const continue debugger default delete do else enum export extends false finally for ' +
    'function if import in instanceof new null return super switch this throw true try typeof var void while with ' +
    'yield let static implements interface package private protected public await ' +
    'arguments eval undefined NaN Infinity globalThis').split(' '),
);

/**
 * An identifier safe to declare, derived from any text (a schema name, a file name): ASCII
 * identifiers are kept; anything else is camelCased from its ASCII letters and digits (`t` when
 * none are left, a leading `_` before a digit); reserved words get a trailing underscore. The
 * result is never pasted from the input, so it cannot carry code.
 */
export function safeIdentifier(name: string): string {
  const cleaned = /^[A-Za-z_$][A-Za-z0-9_$]*$/.test(name) ? name : camelCase(name);
  return RESERVED.has(cleaned) ? `${cleaned}_` : cleaned;
}

/**
 * The identifiers declared in one scope. Two different inputs can derive the same identifier
 * (`a-b` and `a_b`, or two non-ASCII names that both become `t`): the second gets a number,
 * and the clash is recorded, so an emitter can say in the output which input it renamed.
 */
export class IdentifierScope {
  private readonly owners = new Map<string, string>();
  readonly clashes: { readonly input: string; readonly identifier: string; readonly clashesWith: string }[] = [];

  /** The identifier of `input` in this scope: the same for the same input, unique otherwise. */
  declare(input: string): string {
    const wanted = safeIdentifier(input);
    let identifier = wanted;
    for (let n = 2; this.owners.has(identifier) && this.owners.get(identifier) !== input; n++) identifier = `${wanted}${n}`;
    if (identifier !== wanted && !this.owners.has(identifier)) this.clashes.push({ input, identifier, clashesWith: this.owners.get(wanted)! });
    this.owners.set(identifier, input);
    return identifier;
  }
}
