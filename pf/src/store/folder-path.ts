/**
 * From an object's `folder-path` and `uid` (6.7.5.1, strings with no defined syntax: D-17, D-8) to
 * an IMAP mailbox name and UID.
 *
 * folder-path: Appendix M writes `Default/thisConversationID1234/thisContributionID5678/`, with
 * "/" between levels and a trailing "/", and its comments say "/Default folder", with a leading one.
 * Neither slash can be part of an IMAP mailbox name whose levels are separated by "/", so both are
 * trimmed; the levels between are joined with the server's own hierarchy delimiter, so the same
 * event works on a store whose delimiter is ".". The path is otherwise kept as written (no
 * namespace prefix added, no case folding: only INBOX is case-insensitive in IMAP, RFC 3501 5.1).
 */

const MAX_UID = 4_294_967_295;

/** The mailbox a folder-path names, or undefined when it names none ("", "/", "//"). */
export function folderPathToMailbox(folderPath: string, delimiter = '/'): string | undefined {
  const levels = folderPath.trim().replace(/^\/+|\/+$/g, '');
  if (levels === '') return undefined;
  return delimiter === '/' ? levels : levels.split('/').join(delimiter);
}

/**
 * The UID a `uid` attribute holds: digits only (no sign, no spaces inside), 1 to 2^32-1 (RFC 3501
 * 2.3.1.1 nz-number). Leading zeros are accepted, as the number is the same.
 */
export function parseUid(uid: string): number | undefined {
  const text = uid.trim();
  if (!/^[0-9]{1,10}$/.test(text)) return undefined;
  const value = Number(text);
  return value >= 1 && value <= MAX_UID ? value : undefined;
}
