/**
 * xmlbuilder2: indented XML written from its object form of each document (made while
 * preparing, by its own parser).
 */
import type { Prepare } from './case.js';
import { loadPeer } from './peer.js';

interface Builder {
  end(options: { format: 'object' } | { prettyPrint: boolean; indent?: string }): unknown;
}
interface Xmlbuilder2 {
  create(source: string | object): Builder;
}

const { create } = loadPeer<Xmlbuilder2>('xmlbuilder2');

export const build: Prepare<string> = (docs) => {
  const values = docs.map((doc) => create(doc).end({ format: 'object' }) as object);
  const write = (value: object) => create(value).end({ prettyPrint: true, indent: '  ' }) as string;
  return {
    run() {
      let length = 0;
      for (const value of values) length += write(value).length;
      return length;
    },
    check() {
      const missing = values.findIndex((value) => !write(value).includes('<cpm-evfw'));
      return missing < 0 ? undefined : `document ${missing + 1} was written without <cpm-evfw>`;
    },
  };
};
