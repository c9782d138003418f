/**
 * Whether an attribute value of a schema document is valid for its type in the schema for
 * schemas (schema-for-schemas.ts): the built-in types through the runtime's own checks, the
 * enumerations and derivation sets as their lists, and the identity constraints' restricted
 * XPath (XSD 1.0 part 1, 3.11.6) with a small tokenizer and parser, both linear in the value.
 */
import { checkSimpleValue } from '@evfw/runtime';
import type { ValueType } from './schema-for-schemas.js';

/** Why a value is refused, as the end of a sentence ("is not ..."), or undefined when it is valid. */
export type ValueProblem = string | undefined;

/** Collapses XML whitespace, as every type but xs:string does before checking. */
export function collapse(value: string): string {
  return value.replace(/[ \t\r\n]+/g, ' ').trim();
}

const builtin = (name: string) => ({ kind: 'builtin', name }) as const;

function isBuiltin(name: string, value: string): boolean {
  return checkSimpleValue(builtin(name), value).ok;
}

export function isNCName(value: string): boolean {
  return isBuiltin('NCName', value);
}

/** A lexical QName split at its colon, or undefined when it is not one. */
export function splitQName(value: string): { prefix: string; local: string } | undefined {
  const colon = value.indexOf(':');
  const prefix = colon < 0 ? '' : value.slice(0, colon);
  const local = colon < 0 ? value : value.slice(colon + 1);
  if ((colon >= 0 && !isNCName(prefix)) || !isNCName(local)) return undefined;
  return { prefix, local };
}

const ENUMERATIONS: Partial<Record<ValueType, readonly string[]>> = {
  form: ['qualified', 'unqualified'],
  use: ['optional', 'prohibited', 'required'],
  processContents: ['skip', 'lax', 'strict'],
  whiteSpace: ['preserve', 'replace', 'collapse'],
  zeroOrOne: ['0', '1'],
  one: ['1'],
};

/** The tokens each derivation set lists, besides #all. */
const DERIVATION_SETS: Partial<Record<ValueType, readonly string[]>> = {
  blockSet: ['extension', 'restriction', 'substitution'],
  derivationSet: ['extension', 'restriction'],
  simpleDerivationSet: ['list', 'union', 'restriction'],
  fullDerivationSet: ['extension', 'restriction', 'list', 'union'],
};

/**
 * Checks the lexical form of `raw` against `type`. QNames are checked for their form only; their
 * prefixes and namespaces are the caller's (they need the element's namespace bindings), and so
 * are the XPath expressions (see checkXPath).
 */
export function valueProblem(type: ValueType, raw: string): ValueProblem {
  if (type === 'string') return undefined;
  const value = collapse(raw);
  const enumeration = ENUMERATIONS[type];
  if (enumeration) return enumeration.includes(value) ? undefined : `not one of ${enumeration.join(', ')}`;
  const tokens = DERIVATION_SETS[type];
  if (tokens) {
    if (value === '#all') return undefined;
    const bad = value.split(' ').find((token) => token !== '' && !tokens.includes(token));
    return bad === undefined ? undefined : `not #all or a list of ${tokens.join(', ')} ("${bad}")`;
  }
  switch (type) {
    case 'ID':
    case 'NCName':
      return isNCName(value) ? undefined : 'not an NCName (an XML name without ":")';
    case 'QName':
      return splitQName(value) ? undefined : 'not a QName';
    case 'QNames': {
      const bad = value.split(' ').find((token) => token !== '' && !splitQName(token));
      return bad === undefined ? undefined : `not a list of QNames ("${bad}")`;
    }
    case 'anyURI':
    case 'token':
    case 'language':
    case 'boolean':
    case 'nonNegativeInteger':
    case 'positiveInteger':
      return isBuiltin(type, value) ? undefined : `not a valid xs:${type}`;
    case 'maxOccurs':
      return value === 'unbounded' || isBuiltin('nonNegativeInteger', value) ? undefined : 'not a non-negative integer or "unbounded"';
    case 'namespaceList':
      return namespaceListProblem(value);
    default:
      // The XPath types: checked by the caller with checkXPath.
      return undefined;
  }
}

/** ##any | ##other | a list of (anyURI | ##targetNamespace | ##local). */
function namespaceListProblem(value: string): ValueProblem {
  if (value === '##any' || value === '##other') return undefined;
  for (const token of value.split(' ')) {
    if (token === '' || token === '##targetNamespace' || token === '##local') continue;
    if (token.startsWith('##') || !isBuiltin('anyURI', token)) {
      return `not ##any, ##other or a list of URIs, ##targetNamespace and ##local ("${token}")`;
    }
  }
  return undefined;
}

/** A non-negative integer's digits without leading zeros or sign, to compare occurrence bounds of any size. */
export function integerDigits(value: string): string {
  const digits = collapse(value).replace(/^[+-]/, '').replace(/^0+/, '');
  return digits === '' ? '0' : digits;
}

/** a <= b for two non-negative integers written as digits without leading zeros. */
export function notGreater(a: string, b: string): boolean {
  return a.length !== b.length ? a.length < b.length : a <= b;
}

type Token = { kind: '|' | '/' | '//' | '.' | '@' | '*' | '::' } | { kind: 'name'; prefix: string; local: string } | { kind: 'prefix*'; prefix: string };

/** Characters that end a name in an XPath expression; what a name is made of is then isNCName's. */
const DELIMITERS = new Set([' ', '\t', '\r', '\n', '/', '|', '@', '*', ':', '[', ']', '(', ')', '=', '"', "'", ',', '<', '>', '!', '$', '+']);

/**
 * Splits an XPath expression into the tokens the restricted grammar uses; undefined when
 * something else appears. Whitespace may separate tokens (XPath's ExprWhitespace) but not split
 * a name, `prefix:*` or `::`.
 */
function tokenize(text: string): Token[] | undefined {
  const tokens: Token[] = [];
  const chars = [...text];
  let at = 0;
  const readName = (): string | undefined => {
    const start = at;
    while (at < chars.length && !DELIMITERS.has(chars[at] ?? ' ')) at++;
    const name = chars.slice(start, at).join('');
    return isNCName(name) ? name : undefined;
  };
  while (at < chars.length) {
    const c = chars[at] ?? '';
    const next = chars[at + 1];
    if (c === ' ' || c === '\t' || c === '\r' || c === '\n') {
      at++;
    } else if (c === '/' && next === '/') {
      tokens.push({ kind: '//' });
      at += 2;
    } else if (c === ':' && next === ':') {
      tokens.push({ kind: '::' });
      at += 2;
    } else if (c === '|' || c === '/' || c === '.' || c === '@' || c === '*') {
      tokens.push({ kind: c });
      at++;
    } else if (!DELIMITERS.has(c)) {
      const first = readName();
      if (first === undefined) return undefined;
      if (chars[at] === ':' && chars[at + 1] === '*') {
        tokens.push({ kind: 'prefix*', prefix: first });
        at += 2;
      } else if (chars[at] === ':' && chars[at + 1] !== ':') {
        at++;
        const local = readName();
        if (local === undefined) return undefined;
        tokens.push({ kind: 'name', prefix: first, local });
      } else {
        tokens.push({ kind: 'name', prefix: '', local: first });
      }
    } else {
      return undefined;
    }
  }
  return tokens;
}

/**
 * Checks a selector's or a field's xpath against XSD 1.0's restricted grammar:
 *
 *   Selector ::= Path ( '|' Path )*          Path ::= ('.//')? Step ( '/' Step )*
 *   Field    ::= Path ( '|' Path )*          Path ::= ('.//')? ( Step '/' )* ( Step | '@' NameTest )
 *   Step     ::= '.' | NameTest              NameTest ::= QName | '*' | NCName ':' '*'
 *
 * with `child::` and `attribute::` as the unabbreviated `@`, as XMLSchema.xsd's patterns allow.
 * `prefixes` tells whether a prefix is declared. Returns the problem, or undefined.
 */
export function checkXPath(text: string, field: boolean, prefixes: (prefix: string) => boolean): ValueProblem {
  const tokens = tokenize(text);
  if (!tokens) return 'holds a character the restricted XPath of identity constraints does not allow';
  let at = 0;
  const peek = (offset = 0): Token | undefined => tokens[at + offset];
  const isAxis = (name: string): boolean => {
    const t = peek();
    return t?.kind === 'name' && t.prefix === '' && t.local === name && peek(1)?.kind === '::';
  };
  /** NameTest ::= QName | '*' | NCName ':' '*'; the problem, or undefined after consuming it. */
  const nameTest = (): ValueProblem => {
    const t = peek();
    if (t?.kind === '*') {
      at++;
      return undefined;
    }
    if (t?.kind === 'name' || t?.kind === 'prefix*') {
      at++;
      if (t.prefix !== '' && !prefixes(t.prefix)) return `uses the prefix "${t.prefix}", which is not declared`;
      return undefined;
    }
    return 'has a step that is not ".", a name, "*" or "prefix:*"';
  };
  for (;;) {
    // One path: ('.//')? then steps separated by '/'.
    if (peek()?.kind === '.' && peek(1)?.kind === '//') at += 2;
    for (;;) {
      let attribute = false;
      if (peek()?.kind === '.') {
        at++;
      } else {
        if (field && peek()?.kind === '@') {
          at++;
          attribute = true;
        } else if (field && isAxis('attribute')) {
          at += 2;
          attribute = true;
        } else if (isAxis('child')) {
          at += 2;
        }
        const problem = nameTest();
        if (problem) return problem;
      }
      const after = peek();
      if (after?.kind !== '/') break;
      if (attribute) return 'selects an attribute before its last step';
      at++;
    }
    const after = peek();
    if (after === undefined) return undefined;
    if (after.kind !== '|') return `has "${after.kind === 'name' || after.kind === 'prefix*' ? 'a name' : after.kind}" where "/", "|" or the end belongs`;
    at++;
  }
}
