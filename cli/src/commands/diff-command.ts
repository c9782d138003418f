/**
 * `evfw diff`: compares two versions of the schemas and classifies every change for producers
 * and consumers. (Placeholder: being written.)
 */
import { Command } from 'commander';

export function diffCommand(): Command {
  return new Command('diff').description('compare two versions of the schemas: what each change breaks, for producers and for consumers');
}
