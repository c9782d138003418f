/**
 * `evfw docs`: the schemas' reference, in Markdown and one HTML file, into generated/docs/.
 * (Placeholder: being written.)
 */
import { Command } from 'commander';

export function docsCommand(): Command {
  return new Command('docs').description('write the reference of the schemas (Markdown and HTML) into generated/docs/');
}
