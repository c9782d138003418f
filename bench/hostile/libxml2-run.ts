/**
 * libxml2 (libxml2-wasm) as a peer of the hostile cases: the schema compiled once, untimed; each
 * run parses the document and validates it, since libxml2 checks nothing without a document.
 * The outcome is libxml2's own word, so a wrong verdict or an internal error shows in the report.
 */
import { XmlDocument, XmlLibError, XsdValidator } from 'libxml2-wasm';
import type { HostileRun } from './hostile-case.js';

export function libxml2Run(schemaText: string, documentText: string): HostileRun {
  const schemaDoc = XmlDocument.fromString(schemaText);
  const validator = XsdValidator.fromDoc(schemaDoc);
  schemaDoc.dispose();
  return {
    run: () => {
      const doc = XmlDocument.fromString(documentText);
      try {
        validator.validate(doc);
        return 'valid';
      } catch (error) {
        if (error instanceof XmlLibError) return `invalid: ${(error.details[0]?.message ?? error.message).trim()}`;
        // Its regex engine gives up on some patterns with an internal error: report it.
        return `libxml2 error: ${error instanceof Error ? error.message : String(error)}`;
      } finally {
        doc.dispose();
      }
    },
  };
}
