/**
 * The lower stage: the final IR as the runtime's data, a SchemaDescriptor per namespace, worked
 * out once for every emitter (the descriptors emitter writes them out, the JSON Schema and docs
 * emitters read them) and for tools that validate against a schema set without writing a package.
 *
 * Everything the runtime would otherwise have to work out is settled here (descriptor-builder.ts):
 * derivations are flattened (an extension's content is its base's followed by its own), simple
 * types are written out whole, and each particle carries the model property the types emitter
 * gives it.
 */
import { XML_NAMESPACE_SCHEMA, type SchemaDescriptor } from '@evfw/runtime/schema';
import { XML_NAMESPACE, type NamedSchemaSet } from '../ir/ir.js';
import { indexSchemas } from '../ir/schema-index.js';
import { DescriptorBuilder } from './descriptor-builder.js';

/**
 * The descriptors of every namespace the IR holds, in its order (the xml: namespace's built-in
 * one included when it is used), as the generated registry holds them.
 */
export function schemaDescriptors(ir: NamedSchemaSet): SchemaDescriptor[] {
  const builder = new DescriptorBuilder(indexSchemas(ir));
  return ir.schemas.map((schema) => (schema.namespace === XML_NAMESPACE ? XML_NAMESPACE_SCHEMA : builder.schema(schema)));
}
