/**
 * Prose rules as data: what a schema's rules file (`schemas/<module>.rules.json`) declares and the
 * generator copies into the schema descriptor. The runtime interprets them after XSD validation
 * (run-rules.ts); a rule never changes what the model binder builds.
 */
import type { Severity } from '../diagnostics.js';

/** `xsd` is the schemas alone; `spec` adds the prose rules; `invite` adds those of 6.7.3.2 too. */
export type Profile = 'xsd' | 'spec' | 'invite';

export const PROFILES: readonly Profile[] = ['xsd', 'spec', 'invite'];

/** The code every rule diagnostic carries: `evfw.rule.<id>`. */
export type RuleCode = `evfw.rule.${string}`;

/** Elements are named by local name in the namespace of the schema that declares the rule. */
export type RuleCheck =
  /** At least one alternative has every listed attribute and child present with a non-blank value. */
  | {
      readonly kind: 'one-of-identifications';
      readonly element: string;
      readonly alternatives: readonly { readonly attributes?: readonly string[]; readonly children?: readonly string[] }[];
    }
  /**
   * The value (text of the element, whitespace collapsed, or one of its attributes when present)
   * matches `regex` whole; an empty value is checked too, unless a rule already refused the
   * element or an enclosing one (run-rules.ts), so one empty value gives one diagnostic.
   */
  | { readonly kind: 'pattern'; readonly element: string; readonly attribute?: string; readonly regex: string }
  /** A non-empty text value is a URI of one of the schemes, by the syntax uri-syntax.ts checks. */
  | { readonly kind: 'uri'; readonly element: string; readonly schemes: readonly ('tel' | 'sip' | 'sips')[] }
  /** The element has the child, with a non-blank value. */
  | { readonly kind: 'required-child'; readonly element: string; readonly child: string };

export interface RuleDescriptor {
  /** kebab-case; the diagnostic code is `evfw.rule.<id>`. */
  readonly id: string;
  /** Where the rule comes from: `6.7.5.1`, `6.7.3.2, 6.7.5.1`. */
  readonly section: string;
  /** error for SHALL text; warning for conditional or SHOULD-like text. */
  readonly severity: Severity;
  /** The lowest profile that applies the rule; `invite` includes every `spec` rule. */
  readonly profile: Exclude<Profile, 'xsd'>;
  /** The diagnostic message. `{element}` and `{value}` are replaced by excerpts. */
  readonly message: string;
  /** The likely fix, when there is one. */
  readonly hint?: string;
  /** For the reference table: what the rule checks, with the text and grammar it cites. */
  readonly description: string;
  readonly check: RuleCheck;
}

export function ruleCode(rule: Pick<RuleDescriptor, 'id'>): RuleCode {
  return `evfw.rule.${rule.id}`;
}

/** Whether a profile applies a rule: `spec` its own rules, `invite` those and its own. */
export function profileApplies(profile: Profile, rule: Pick<RuleDescriptor, 'profile'>): boolean {
  return profile === 'invite' || (profile === 'spec' && rule.profile === 'spec');
}
