/**
 * Content of namespaces no schema here knows, for lax and skip wildcards: small XmlElement
 * trees with attributes, text and child elements. They are written and read back exactly (the
 * reader keeps extension content as it is), so they survive a round trip; they are kept in the
 * shape the reader produces (no empty text nodes, never two text nodes in a row).
 */
import type { XmlAttribute, XmlElement, XmlNode } from '../xml-node.js';
import { FIXTURE_ATTRIBUTE_NAMESPACE, FIXTURE_NAMESPACE, type Draw } from './draw.js';

/** A foreign element in `namespace`, nested at most `depth` levels. */
export function foreignElement(draw: Draw, namespace: string, depth = 2): XmlElement {
  return { kind: 'element', namespace, name: draw.name(), attributes: foreignAttributes(draw), children: foreignChildren(draw, namespace, depth) };
}

function foreignAttributes(draw: Draw): XmlAttribute[] {
  const out: XmlAttribute[] = [];
  const count = draw.count(0, 2);
  for (let i = 0; i < count; i++) {
    const namespace = draw.pick(2) === 0 ? '' : FIXTURE_ATTRIBUTE_NAMESPACE;
    const name = draw.name();
    if (out.some((a) => a.namespace === namespace && a.name === name)) continue;
    out.push({ namespace, name, value: draw.text() });
  }
  return out;
}

function foreignChildren(draw: Draw, namespace: string, depth: number): XmlNode[] {
  const shape = depth <= 0 ? draw.pick(2) : draw.pick(3);
  if (shape === 0) return [];
  if (shape === 1) return textNode(draw.text());
  const out: XmlNode[] = [];
  const count = draw.count(1, 3);
  for (let i = 0; i < count; i++) {
    if (draw.chance()) out.push(...textNode(draw.text()));
    out.push(foreignElement(draw, draw.chance() ? namespace : FIXTURE_NAMESPACE, depth - 1));
  }
  if (draw.chance()) out.push(...textNode(draw.text()));
  return out;
}

function textNode(text: string): XmlNode[] {
  return text === '' ? [] : [{ kind: 'text', text }];
}
