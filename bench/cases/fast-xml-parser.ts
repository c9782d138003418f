/**
 * fast-xml-parser: XMLParser to its plain objects (parse only, no schema), and XMLBuilder back to
 * indented XML from the objects its parser gave (made while preparing).
 */
import type { Prepare } from './case.js';
import { loadPeer } from './peer.js';

interface Options {
  readonly ignoreAttributes: boolean;
  readonly format?: boolean;
  readonly indentBy?: string;
}
interface FastXmlParser {
  XMLParser: new (options: Options) => { parse(text: string): Record<string, unknown> };
  XMLBuilder: new (options: Options) => { build(value: unknown): string };
}

const { XMLParser, XMLBuilder } = loadPeer<FastXmlParser>('fast-xml-parser');
/** Attributes kept, as our model keeps them; the builder indents as our serializer does here. */
const OPTIONS = { ignoreAttributes: false, format: true, indentBy: '  ' };

export const parse: Prepare<string> = (docs) => {
  const parser = new XMLParser(OPTIONS);
  return {
    run() {
      let roots = 0;
      for (const doc of docs) if (parser.parse(doc)['cpm-evfw']) roots++;
      return roots;
    },
    check() {
      const missing = docs.findIndex((doc) => !parser.parse(doc)['cpm-evfw']);
      return missing < 0 ? undefined : `document ${missing + 1} gave no <cpm-evfw>`;
    },
  };
};

export const build: Prepare<string> = (docs) => {
  const parser = new XMLParser(OPTIONS);
  const builder = new XMLBuilder(OPTIONS);
  const values = docs.map((doc) => parser.parse(doc));
  return {
    run() {
      let length = 0;
      for (const value of values) length += builder.build(value).length;
      return length;
    },
    check() {
      const missing = values.findIndex((value) => !builder.build(value).includes('<cpm-evfw'));
      return missing < 0 ? undefined : `document ${missing + 1} was written without <cpm-evfw>`;
    },
  };
};
