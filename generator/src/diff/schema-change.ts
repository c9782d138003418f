/**
 * What `evfw diff` reports: one SchemaChange per difference between two versions of a schema
 * set, classified for both sides of the wire.
 *
 * - producers write documents: a change breaks them when a document valid under the old
 *   version may be invalid under the new one (the schema narrowed);
 * - consumers read documents: a change affects them when a document valid under the new
 *   version may have been invalid under the old one (the schema widened), so a consumer still
 *   on the old version refuses what an updated producer writes.
 */
import type { Source } from '../ir/ir.js';

export type ChangeKind =
  | 'element-added'
  | 'element-removed'
  | 'element-renamed'
  | 'attribute-added'
  | 'attribute-removed'
  | 'attribute-renamed'
  | 'type-added'
  | 'type-removed'
  | 'type-renamed'
  /** A data type or content type replaced by another (xs:string -> xs:int, one complex type by another). */
  | 'type-changed'
  | 'made-required'
  | 'made-optional'
  | 'cardinality-widened'
  | 'cardinality-narrowed'
  /** The order or grouping of a content model changed in a way neither wider nor narrower. */
  | 'content-model-changed'
  | 'enumeration-value-added'
  | 'enumeration-value-removed'
  | 'facet-tightened'
  | 'facet-loosened'
  /** A facet changed in a way that is neither (a new pattern). */
  | 'facet-changed'
  | 'wildcard-namespace-widened'
  | 'wildcard-namespace-narrowed'
  | 'wildcard-namespace-changed'
  | 'wildcard-process-contents-changed'
  | 'documentation-changed'
  /** xs:unique, xs:key or xs:keyref added (narrows), removed (widens) or changed. */
  | 'identity-constraint-changed'
  /** A break of the generated package's declarations that no other change accounts for (mark-api-breaking.ts). */
  | 'generated-api-changed';

/** Whether one side of the wire is affected: `breaking` for producers, `affected` for consumers. */
export type Effect = 'none' | 'breaking' | 'affected';

export interface SchemaChange {
  readonly kind: ChangeKind;
  readonly namespace: string;
  /**
   * The component, readably: `element cpm-evfw`, `element operation in type operation`,
   * `attribute flags of type operation`, `type imap-event-type`, `wildcard in type object`.
   */
  readonly subject: string;
  /** One sentence: what changed, with the old and new value where there are. */
  readonly message: string;
  /** Documents valid under the old version may be invalid under the new one. */
  readonly producers: 'none' | 'breaking';
  /** Documents valid under the new version may have been invalid under the old one. */
  readonly consumers: 'none' | 'affected';
  /**
   * Code written against the old generated package may not compile against the new one: an
   * exported declaration removed or renamed, a property removed, added as required, made
   * required or optional or given another type, a union narrowed (generated-api.ts). A major
   * change for code.
   */
  readonly apiBreaking: boolean;
  /**
   * Where the change shows in documents: index-free instance paths from a global element, such
   * as `/cpm-evfw/event-cpm-imap/operation/@flags`, with local names (the namespace is
   * `namespace`). A witness's diagnostic must sit at one of these paths or at its parent element.
   * Empty when the change never shows in a document (documentation, an unused type). A
   * wildcard's paths end in `/*` (any child element there) or `/@*` (any attribute).
   */
  readonly paths: readonly string[];
  /** Where the component was, in the old version's files (absent when added). */
  readonly before?: Source;
  /** Where it is, in the new version's files (absent when removed). */
  readonly after?: Source;
}

/** A document that proves a classification: valid under one version, refused by the other. */
export interface Witness {
  /** The root element, `{namespace}name`. */
  readonly root: string;
  readonly document: string;
  /** The version the document is valid under; the other one refuses it. */
  readonly validUnder: 'before' | 'after';
  /** The first error the other version reports. */
  readonly rejection: {
    readonly code: string;
    readonly message: string;
    readonly line: number;
    readonly column: number;
    readonly path: string;
  };
}

/** The semver step a set of changes asks for, for the schemas and the generated package. */
export type SemverSuggestion = 'major' | 'minor' | 'patch' | 'none';
