/**
 * The one error shape of the protocol package: a stable code to branch on, a sentence a person
 * can act on, and a hint when the fix is known. SIP, MSRP, results, sessions and the SIP client
 * each have their own subclass and list of codes, as do the Participating Function's errors; the message reads `code: sentence; hint` everywhere.
 */
export class CodedError<Code extends string = string> extends Error {
  constructor(
    readonly code: Code,
    message: string,
    readonly hint?: string,
    options?: ErrorOptions,
  ) {
    super(`${code}: ${message}${hint ? `; ${hint}` : ''}`, options);
  }
}
