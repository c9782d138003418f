/**
 * What the builders and arbitraries emitters share: the runtime entry they import, and the
 * exported object of one-line members, each with its JSDoc, they both write.
 */
import type { DeclaredComplexType, ElementDecl } from '../../ir/ir.js';
import type { EmitContext } from '../emitter.js';
import { jsdocText } from '../escape/index.js';
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
  file.exportConst({ name, docs: wrapped(docs), value: members.map((member) => ({ docs: wrapped(member.docs), text: member.text })) });
}

export function origin(def: DeclaredComplexType | ElementDecl): string {
  if ('kind' in def && def.kind === 'complex') {
    return def.anonymous ? `@generated from an anonymous complexType (named \`${jsdocText(def.name.name)}\` here)` : `@generated from complexType \`${jsdocText(def.name.name)}\``;
  }
  return `@generated from element \`${jsdocText(def.name.name)}\``;
}

/** Paragraphs wrapped to 92 columns, an empty line between two. */
function wrapped(paragraphs: readonly string[]): string {
  return paragraphs.map((paragraph) => wrapWords(paragraph, 92).join('\n')).join('\n\n');
}
