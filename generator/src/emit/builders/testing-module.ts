/**
 * What the builders and arbitraries emitters share: the runtime entry they import, string
 * literals (escaped by escape/), and the exported object of one-line members, each with its
 * JSDoc, they both write.
 */
import type { CodeBlockWriter } from 'ts-morph';
import type { ComplexType, ElementDecl } from '../../ir/ir.js';
import type { EmitContext } from '../emitter.js';
import { jsdocText, tsString } from '../escape/index.js';
import type { GeneratedFile } from '../generated-file.js';
import { wrapWords } from '../wrap-words.js';

/** The runtime entry point for tests: builders and arbitraries, which need fast-check. */
export function testingEntry(context: EmitContext): string {
  return `${context.runtimePackage}/testing`;
}

export interface Member {
  /** Paragraphs of the member's JSDoc. */
  readonly docs: readonly string[];
  /** `name: expression` without the trailing comma. */
  readonly text: string;
}

/** `export const name = { ...members };` with JSDoc on the constant and on each member. */
export function addObjectConstant(file: GeneratedFile, name: string, docs: readonly string[], members: readonly Member[]): void {
  file.addStatements((writer) => {
    writeDoc(writer, docs);
    writer.write(`export const ${name} = {`).newLine();
    writer.indent(() => {
      for (const member of members) {
        writeDoc(writer, member.docs);
        writer.writeLine(`${member.text},`);
      }
    });
    writer.writeLine('};');
  });
}

/** A string literal in the quotes the rest of the generated code uses. */
export function stringLiteral(value: string): string {
  return tsString(value);
}

export function origin(def: ComplexType | ElementDecl): string {
  if ('kind' in def && def.kind === 'complex') {
    return def.anonymous ? `@generated from an anonymous complexType (named \`${jsdocText(def.name!.name)}\` here)` : `@generated from complexType \`${jsdocText(def.name!.name)}\``;
  }
  return `@generated from element \`${jsdocText(def.name!.name)}\``;
}

function writeDoc(writer: CodeBlockWriter, paragraphs: readonly string[]): void {
  const lines = paragraphs.flatMap((paragraph, i) => [...(i > 0 ? [''] : []), ...wrapWords(paragraph, 92)]);
  if (lines.length === 1) {
    writer.writeLine(`/** ${lines[0]} */`);
    return;
  }
  writer.writeLine('/**');
  for (const line of lines) writer.writeLine(line ? ` * ${line}` : ' *');
  writer.writeLine(' */');
}
