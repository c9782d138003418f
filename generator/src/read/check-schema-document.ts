/** (being written) */
import type { XmlNode } from './xml-tree.js';

export function checkSchemaDocument(_root: XmlNode): void {}
