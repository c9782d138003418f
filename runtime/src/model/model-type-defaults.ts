/**
 * Default and fixed values of elements in the typed model (XSD 1.0 part 1, cvc-elt 5.1.2): an
 * empty element whose declaration has a default or fixed value has that value, and the model
 * holds it, typed as any other value (1.5 for an xs:float, not ""). Written back, a value equal
 * to it is written as an empty element again, so that a round trip adds no text the document
 * did not have: `<f/>` reads as 1.5 and is written `<f/>`. (`<f>1.5</f>` is then also written
 * `<f/>`, which a schema-aware reader takes for the same value.)
 *
 * Absent attributes are left out of the model (the reader applies their default, as the JSDoc
 * of each property says), so none is ever written that the document did not have.
 */
import { checkSimpleValue, type SimpleTypeDescriptor } from '../datatypes/index.js';
import type { ElementDescriptor } from '../schema/descriptor.js';

/** The written form of each default value, per simple type and default; null when it has none. */
const written = new WeakMap<SimpleTypeDescriptor, Map<string, string | null>>();

/**
 * The text `lexicalOf` writes for the model value of `decl`'s default or fixed value read as
 * `type`; undefined when the declaration has neither, or `type` refuses it.
 */
export function defaultText(decl: ElementDescriptor, type: SimpleTypeDescriptor, lexicalOf: (value: unknown) => string | undefined): string | undefined {
  const constraint = decl.default ?? decl.fixed;
  if (constraint === undefined) return undefined;
  let byValue = written.get(type);
  if (!byValue) written.set(type, (byValue = new Map()));
  let text = byValue.get(constraint);
  if (text === undefined) {
    const read = checkSimpleValue(type, constraint);
    text = (read.ok ? lexicalOf(read.value) : undefined) ?? null;
    // Bounded: one entry per default of the schema, never per document value.
    byValue.set(constraint, text);
  }
  return text ?? undefined;
}
