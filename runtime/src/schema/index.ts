/** The schema-descriptor entry point (`@evfw/runtime/schema`): data shapes and the registry. */
export * from './descriptor.js';
export type { Profile, RuleCheck, RuleDescriptor } from '../rules/rule-descriptor.js';
export { SchemaRegistry } from './registry.js';
export { XML_NAMESPACE_SCHEMA } from './xml-namespace.js';
