/**
 * What each saxes error message means for evfw: a diagnostic code, a sentence a person can act
 * on, and the offset to point at. saxes reports the character it had just read; where the real
 * fault starts earlier (the "<" of a bad end tag, the start tag of an unclosed element) the
 * explanation points there instead. A message not listed falls back to evfw.xml.not-well-formed
 * with saxes' own wording.
 */
import { excerpt, type DiagnosticCode } from '../diagnostics.js';
import { describeChar, isTypographicQuote, isXmlChar, isXmlSpace } from './characters.js';

export interface OpenTagAt {
  readonly qname: string;
  readonly offset: number;
  readonly line: number;
}

export interface SaxesErrorContext {
  readonly text: string;
  /** Offset of the character saxes had just read when it failed. */
  readonly offset: number;
  /** The last "<" up to `offset`: where the markup being read starts, when in markup. */
  readonly markupStart: number;
  /** Where the character data being read starts (past comments and PIs before it). */
  readonly textStart: number;
  /** The start tag being read, with the offsets of its attributes so far. */
  readonly startTag: { readonly qname: string; readonly offset: number; readonly attributes: readonly AttributeAt[] } | undefined;
  /** Open elements, outermost first. */
  readonly open: readonly OpenTagAt[];
}

export interface AttributeAt {
  readonly qname: string;
  readonly offset: number;
}

export interface Explained {
  readonly code: DiagnosticCode;
  readonly message: string;
  readonly hint?: string;
  readonly offset: number;
}

type Explain = (match: RegExpExecArray, context: SaxesErrorContext) => Explained;

const tag = (name: string) => `<${excerpt(name)}>`;
const charAt = (c: SaxesErrorContext) => c.text.codePointAt(c.offset) ?? 0;
const inTag = (c: SaxesErrorContext) => (c.startTag ? ` in ${tag(c.startTag.qname)}` : '');
const notWellFormed = (message: string, offset: number, hint?: string): Explained => ({
  code: 'evfw.xml.not-well-formed',
  message,
  offset,
  ...(hint ? { hint } : {}),
});

const DOCTYPE_REFUSED: Omit<Explained, 'offset'> = {
  code: 'evfw.xml.doctype',
  message: 'the document has a DOCTYPE; DTDs are refused, so no entity is expanded and nothing is fetched',
  hint: 'remove the <!DOCTYPE ...> declaration',
};

export function explainDoctype(offset: number): Explained {
  return { ...DOCTYPE_REFUSED, offset };
}

/** Checked in order; the first pattern that matches explains the message. */
const EXPLANATIONS: readonly (readonly [RegExp, Explain])[] = [
  [/^disallowed character\.$/, (_, c) => {
    const char = charAt(c);
    if (!isXmlChar(char)) {
      return {
        code: 'evfw.xml.invalid-char',
        message: `the character ${describeChar(char)} is not allowed anywhere in an XML 1.0 document`,
        hint: 'remove it',
        offset: c.offset,
      };
    }
    return notWellFormed(`${describeChar(char)} is not allowed in an attribute value${inTag(c)}`, c.offset, 'write &lt; for "<"');
  }],
  // Without a period: right after "<", which then starts no tag at all.
  [/^disallowed character in tag name$/, (_, c) =>
    notWellFormed(`"<" is followed by ${describeChar(charAt(c))}, so it starts no tag`, c.markupStart,
      'write &lt; for a less-than sign in text')],
  [/^disallowed character in tag name\.$/, (_, c) => ({
    code: 'evfw.xml.invalid-name',
    message: `the element name ${tag(c.startTag?.qname ?? '')} is followed by ${describeChar(charAt(c))}, which XML names cannot contain`,
    hint: 'element names hold letters, digits, "-", "_", "." and one ":" after a namespace prefix',
    offset: c.offset,
  })],
  [/^disallowed character in closing tag\.$/, (_, c) => {
    const char = charAt(c);
    const afterSpace = isXmlSpace(c.text.charCodeAt(c.offset - 1));
    const endTag = excerpt(c.text.slice(c.markupStart, Math.min(c.offset + 1, c.markupStart + 60)));
    if (afterSpace || char === 0x3c) {
      return notWellFormed(`the end tag "${endTag}" holds more than a name`, c.markupStart, 'an end tag is </name>');
    }
    return {
      code: 'evfw.xml.invalid-name',
      message: `the end tag "${endTag}" contains ${describeChar(char)}, which XML names cannot contain`,
      offset: c.offset,
    };
  }],
  [/^disallowed character in attribute name\.$/, (_, c) =>
    notWellFormed(`${describeChar(charAt(c))} cannot start an attribute name${inTag(c)}`, c.offset,
      'attributes are written name="value", separated by white space')],
  [/^no whitespace between attributes\.$/, (_, c) =>
    notWellFormed(`attributes${inTag(c)} must be separated by white space`, c.offset)],
  [/^attribute without value\.$/, (_, c) =>
    notWellFormed(`an attribute${inTag(c)} has no value`, c.offset, 'write name="value"')],
  [/^unquoted attribute value\.$/, (_, c) => {
    const name = attributeNameBefore(c.text, c.offset);
    if (isTypographicQuote(charAt(c))) {
      return {
        code: 'evfw.xml.attribute-quote',
        message: `the value of attribute "${name}"${inTag(c)} starts with the typographic quote ${describeChar(charAt(c))}`,
        hint: 'delimit attribute values with straight quotes (" or \')',
        offset: c.offset,
      };
    }
    return {
      code: 'evfw.xml.attribute-unquoted',
      message: `the value of attribute "${name}"${inTag(c)} is not in quotes`,
      hint: 'put the value in straight quotes: name="value"',
      offset: c.offset,
    };
  }],
  [/^forward-slash in opening tag not followed by >\.$/, (_, c) =>
    notWellFormed(`"/"${inTag(c)} must be followed by ">"`, c.offset)],
  [/^text data outside of root node\.$/, (_, c) =>
    notWellFormed('there is text outside the root element', firstNonSpace(c.text, c.textStart, c.offset),
      'everything but comments and processing instructions belongs inside the root element')],
  [/^documents may contain only one root\.$/, (_, c) =>
    notWellFormed(`a second root element ${tag(c.startTag?.qname ?? '')}: a document has exactly one`,
      c.startTag?.offset ?? c.offset)],
  [/^document must contain a root element\.$/, (_, c) =>
    ({ code: 'evfw.xml.no-root', message: 'the document has no root element', offset: c.offset })],
  [/^unclosed tag: /, (_, c) => {
    const stranded = strandedAmpersand(c);
    if (stranded >= 0) return bareAmpersand(stranded);
    const open = c.open.at(-1);
    return {
      code: 'evfw.xml.unclosed-element',
      message: `${tag(open?.qname ?? '')} (line ${open?.line ?? 0}) is never closed: the document ends first`,
      hint: `add </${excerpt(open?.qname ?? '')}> where the element ends`,
      offset: open?.offset ?? c.offset,
    };
  }],
  [/^unexpected end\.$/, (_, c) => {
    const stranded = strandedAmpersand(c);
    if (stranded >= 0) return bareAmpersand(stranded);
    return notWellFormed('the document ends inside markup (a tag, comment, CDATA section or reference)', c.offset);
  }],
  [/^(unexpected close tag|unmatched closing tag: .*)\.$/, (_, c) => ({
    code: 'evfw.xml.tag-mismatch',
    message: `the end tag "${excerpt(endTagAt(c.text, c.markupStart))}" has no open element to close`,
    hint: 'remove it, or add the start tag it belongs to',
    offset: c.markupStart,
  })],
  [/^weird empty close tag\.$/, (_, c) =>
    notWellFormed('"</>" is not an end tag: it needs the element\'s name', c.markupStart)],
  [/^duplicate attribute: (.*)\.$/s, (match, c) => explainDuplicate(match[1] ?? '', c)],
  [/^unbound namespace prefix: (".*")\.$/s, (match, c) => {
    const prefix = String(JSON.parse(match[1] ?? '""'));
    const attribute = c.startTag?.attributes.find((a) => a.qname.startsWith(`${prefix}:`));
    const onElement = c.startTag?.qname.startsWith(`${prefix}:`);
    return {
      code: 'evfw.xml.namespace',
      message: `the namespace prefix "${excerpt(prefix)}"${inTag(c)} is not declared`,
      hint: `declare it with xmlns:${excerpt(prefix)}="..." on this element or an ancestor`,
      offset: (onElement ? c.startTag?.offset : attribute?.offset) ?? c.offset,
    };
  }],
  [/^invalid attempt to undefine prefix in XML 1\.0$/, (_, c) => ({
    code: 'evfw.xml.namespace',
    message: `a prefix declaration${inTag(c)} binds a prefix to the empty namespace name; XML 1.0 can undeclare only the default namespace (xmlns="")`,
    hint: 'bind the prefix to a namespace URI, or leave it out',
    offset: c.startTag?.attributes.at(-1)?.offset ?? c.offset,
  })],
  [/^(xml prefix must|xmlns prefix must|the default namespace may not|may not assign|tags may not have)/, (match, c) => ({
    code: 'evfw.xml.namespace',
    message: `a namespace declaration${inTag(c)} breaks Namespaces in XML 1.0: ${excerpt(match.input, 120)}`,
    offset: c.startTag?.attributes.at(-1)?.offset ?? c.offset,
  })],
  [/^malformed name: (.*)\.$/s, (match, c) => ({
    code: 'evfw.xml.namespace',
    message: `"${excerpt(match[1] ?? '')}"${inTag(c)} is not a qualified name (at most one ":", between prefix and local name)`,
    offset: c.offset,
  })],
  [/^undefined entity\.$/, (_, c) => ({
    code: 'evfw.xml.entity',
    message: `"${excerpt(referenceAt(c))}" is not one of the predefined entities or a character reference`,
    hint: 'only &lt; &gt; &amp; &apos; &quot; and &#...; are known (no DTD is read); write &amp; for "&"',
    offset: c.text.lastIndexOf('&', c.offset),
  })],
  // saxes reads from "&" to the next ";", however far: what it read is no reference at all.
  [/^(disallowed character in entity name|empty entity name)\.$/, (_, c) => bareAmpersand(c.text.lastIndexOf('&', c.offset))],
  [/^malformed character entity\.$/, (_, c) => {
    const reference = referenceAt(c);
    const wellFormed = /^&#(x[0-9a-fA-F]+|[0-9]+);$/.test(reference);
    return {
      code: wellFormed ? 'evfw.xml.invalid-char' : 'evfw.xml.entity',
      message: wellFormed
        ? `the character reference "${excerpt(reference)}" names a character XML 1.0 does not allow`
        : `"${excerpt(reference)}" is not a valid character reference`,
      offset: c.text.lastIndexOf('&', c.offset),
    };
  }],
  [/^inappropriately located doctype declaration\.$/, (_, c) => explainDoctype(c.markupStart)],
  [/^(an XML declaration must be|the XML declaration must appear) at the start/, (_, c) => ({
    code: 'evfw.xml.declaration-not-at-start',
    message: 'the XML declaration is not the very first thing in the document',
    hint: 'remove everything before "<?xml", including white space',
    offset: c.markupStart,
  })],
  [/^malformed comment\.$/, (_, c) =>
    notWellFormed('"--" is not allowed inside a comment', c.offset)],
  [/^the string "\]\]>" is disallowed in char data\.$/, (_, c) =>
    notWellFormed('"]]>" is not allowed in text', c.offset, 'write ]]&gt;')],
  [/^incorrect syntax\.$/, (_, c) =>
    notWellFormed('"<!" starts neither a comment (<!--) nor a CDATA section (<![CDATA[)', c.markupStart)],
];

export function explainSaxesError(saxesMessage: string, context: SaxesErrorContext): Explained {
  for (const [pattern, explain] of EXPLANATIONS) {
    const match = pattern.exec(saxesMessage);
    if (match) return explain(match, context);
  }
  return notWellFormed(`the document is not well-formed: ${excerpt(saxesMessage, 120)}`, context.offset);
}

function bareAmpersand(offset: number): Explained {
  return notWellFormed('"&" starts no reference: it must be followed by a name or "#" and end with ";"', offset,
    'write &amp; for "&"');
}

/**
 * An "&" with no ";" anywhere after it sends saxes reading a reference to the end of the
 * document, which it then reports as unclosed elements: find that "&" in the construct it was
 * reading (unless that construct is a comment, CDATA section or PI, where "&" is plain text).
 */
function strandedAmpersand(c: SaxesErrorContext): number {
  const { text, textStart, markupStart } = c;
  if (['<!--', '<![CDATA[', '<?'].some((s) => text.startsWith(s, markupStart))) return -1;
  return text.indexOf('&', Math.max(textStart, text.lastIndexOf(';') + 1));
}

function explainDuplicate(name: string, c: SaxesErrorContext): Explained {
  const attributes = c.startTag?.attributes ?? [];
  // The first attribute whose name came before: one pass, for tags of any number of attributes.
  const seen = new Set<string>();
  let second: AttributeAt | undefined;
  for (const a of attributes) {
    if (seen.has(a.qname)) {
      second = a;
      break;
    }
    seen.add(a.qname);
  }
  if (second) {
    return {
      code: 'evfw.xml.duplicate-attribute',
      message: `attribute "${excerpt(second.qname)}" appears twice${inTag(c)}`,
      hint: 'keep one of them',
      offset: second.offset,
    };
  }
  // Different prefixes bound to the same namespace: "{uri}local" is what repeats.
  const local = name.slice(name.lastIndexOf('}') + 1);
  const clash = attributes.filter((a) => a.qname.endsWith(`:${local}`)).at(-1);
  return {
    code: 'evfw.xml.namespace',
    message: `two attributes${inTag(c)} have the same namespace and local name (${excerpt(name, 80)})`,
    hint: 'their prefixes are bound to the same namespace; keep one of them',
    offset: clash?.offset ?? c.startTag?.offset ?? c.offset,
  };
}

/** The name of the attribute whose value starts at `offset`: back over "=", spaces and the name. */
function attributeNameBefore(text: string, offset: number): string {
  let end = offset;
  while (end > 0 && isXmlSpace(text.charCodeAt(end - 1))) end--;
  if (text[end - 1] === '=') end--;
  while (end > 0 && isXmlSpace(text.charCodeAt(end - 1))) end--;
  let start = end;
  while (start > 0 && !isXmlSpace(text.charCodeAt(start - 1)) && !'<"\''.includes(text[start - 1]!)) start--;
  return excerpt(text.slice(start, end));
}

function firstNonSpace(text: string, from: number, to: number): number {
  let i = from;
  while (i < to && isXmlSpace(text.charCodeAt(i))) i++;
  return i;
}

/** The end tag written at `offset`, up to its ">" (or a little of it). */
function endTagAt(text: string, offset: number): string {
  const close = text.indexOf('>', offset);
  return text.slice(offset, close < 0 || close - offset > 80 ? offset + 80 : close + 1);
}

/** The reference saxes just read, from its "&" to the ";". */
function referenceAt(c: SaxesErrorContext): string {
  const amp = c.text.lastIndexOf('&', c.offset);
  return amp < 0 ? '' : c.text.slice(amp, Math.min(c.offset + 1, amp + 80));
}
