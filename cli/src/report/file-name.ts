/**
 * How every report names a document. Standard input ("-" on the command line) is `<stdin>` in
 * the text, JSON and SARIF reports alike, as compilers name it, so one grep finds it in any of
 * them. SARIF needs a URI there: sarif-report.ts writes this name percent-encoded.
 */
export const STDIN_NAME = '<stdin>';

export function reportedFile(file: string): string {
  return file === '-' ? STDIN_NAME : file;
}
