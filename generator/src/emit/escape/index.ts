/**
 * One escaping function per output context: every string that comes from a schema reaches
 * generated output through one of these (names, namespace URIs, documentation, default and
 * fixed values, enumeration values, patterns, file names, rule texts). Identifiers are not
 * escaped but derived: see `safeIdentifier` in naming/names.ts.
 */
export { jsdocText, lineCommentText, xmlCommentText } from './comments.js';
export { htmlText } from './html.js';
export { markdownCode, markdownText } from './markdown.js';
export { jsonText, literal, tsString } from './typescript.js';
