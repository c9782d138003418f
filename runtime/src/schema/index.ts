/** The schema-descriptor entry point (`@evfw/runtime/schema`): data shapes and the registry. */
export * from './descriptor.js';
export type { Profile, RuleCheck, RuleDescriptor } from '../rules/rule-descriptor.js';
export { SchemaRegistry } from './registry.js';
export { XML_NAMESPACE_SCHEMA } from './xml-namespace.js';
/** Known deviations of real documents (Appendix M's `flag`), for tools that describe the schema. */
export { ATTRIBUTE_DEVIATIONS } from '../validate/known-deviations.js';
export type { AttributeDeviation } from '../validate/known-deviations.js';
