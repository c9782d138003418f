/**
 * The one error shape of the protocol package: a stable code to branch on, a sentence a person
 * can act on, and a hint when the fix is known. SIP, MSRP, results and sessions each have their
 * own subclass and list of codes; the message reads `code: sentence; hint` everywhere.
 */
export class CodedError<Code extends string = string> extends Error {
  constructor(
    readonly code: Code,
    message: string,
    readonly hint?: string,
  ) {
    super(`${code}: ${message}${hint ? `; ${hint}` : ''}`);
  }
}
