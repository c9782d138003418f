/**
 * @evfw/runtime: the hand-written library that generated code imports.
 *
 * Generated modules hold types and schema descriptors (plain data); everything that reads,
 * checks and writes XML is here, once: the XML reader (a conformant parser behind one small
 * interface), the validator and model binder that interpret descriptors, the serializer, the
 * simple-type checks, diagnostics and limits.
 */
export type { XmlAttribute, XmlElement, XmlNode, XmlText } from './xml-node.js';

export { DIAGNOSTIC_CODES, DiagnosticSink, excerpt, formatDiagnostic } from './diagnostics.js';
export { printable } from './datatypes/messages.js';
export type { Diagnostic, DiagnosticCode, Severity } from './diagnostics.js';
export { DEFAULT_LIMITS, resolveLimits } from './limits.js';
export type { Limits } from './limits.js';

export { readXml } from './xml/read-xml.js';
export type { ReadXmlOptions, ReadXmlResult } from './xml/read-xml.js';
export type { NamespaceDeclaration, SourceAttribute, SourceElement, SourceNode, SourcePoint, SourceText } from './xml/source-tree.js';
export { writeXml } from './xml/write-xml.js';
export type { WriteXmlOptions } from './xml/write-xml.js';

export { checkSimpleValue, checkXsdPattern, lexicalOf, translateXsdPattern, xsdPatternStep, XsdPatternTooLargeError } from './datatypes/index.js';
export type { CheckResult, Facets, SimpleTypeDescriptor, SimpleValue } from './datatypes/index.js';

export { componentKey } from './schema/descriptor.js';
export type {
  AttributeDescriptor,
  AttributeUseDescriptor,
  ComplexTypeDescriptor,
  ContentDescriptor,
  ElementDescriptor,
  ElementType,
  GroupParticleDescriptor,
  IdentityDescriptor,
  ParticleDescriptor,
  SchemaDescriptor,
  WildcardDescriptor,
} from './schema/descriptor.js';
export { SchemaRegistry } from './schema/registry.js';
export { substituteKeys } from './model/xsi-type-model.js';
export { XML_NAMESPACE_SCHEMA } from './schema/xml-namespace.js';

export { ModelError, parseDocument, serializeDocument, validateDocument } from './document.js';
export { objectDiagnostics } from './object/object-diagnostics.js';
export type { ObjectSchemaError, ObjectValidator } from './object/object-diagnostics.js';
export type { ParseOptions, ParseResult, SerializeOptions } from './document.js';
export type { CompatOption } from './validate/known-deviations.js';
export { PROFILES, profileApplies, ruleCode } from './rules/rule-descriptor.js';
export type { Profile, RuleCheck, RuleCode, RuleDescriptor } from './rules/rule-descriptor.js';
export { isUriOf } from './rules/uri-syntax.js';
