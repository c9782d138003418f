/**
 * folder-path and uid as the Message Store adapter reads them (6.7.5.1, Appendix M; D-17, D-8).
 * No IMAP server needed.
 */
import { describe, expect, it } from 'vitest';
import { folderPathToMailbox, parseUid } from '../../pf/src/message-store.js';

describe('folderPathToMailbox', () => {
  it('reads Appendix M\'s folder-path, trailing slash and all, as a mailbox name', () => {
    expect(folderPathToMailbox('Default/thisConversationID1234/thisContributionID5678/')).toBe(
      'Default/thisConversationID1234/thisContributionID5678',
    );
  });

  it('drops the leading slash of the Appendix M comments ("/Default folder")', () => {
    expect(folderPathToMailbox('/Default')).toBe('Default');
    expect(folderPathToMailbox('//UserFolder1/a//')).toBe('UserFolder1/a');
  });

  it('joins the levels with the server\'s delimiter', () => {
    expect(folderPathToMailbox('Default/conv/contrib/', '.')).toBe('Default.conv.contrib');
  });

  it('keeps case and inner characters as written', () => {
    expect(folderPathToMailbox('Default/Conv Id/ü')).toBe('Default/Conv Id/ü');
  });

  it('names no mailbox for an empty path', () => {
    for (const path of ['', '/', '///', '  ']) expect(folderPathToMailbox(path)).toBeUndefined();
  });
});

describe('parseUid', () => {
  it('accepts the IMAP UIDs of RFC 3501 (1 to 4294967295)', () => {
    expect(parseUid('58175')).toBe(58175);
    expect(parseUid('1')).toBe(1);
    expect(parseUid('4294967295')).toBe(4294967295);
    expect(parseUid(' 007 ')).toBe(7);
  });

  it('refuses what is not one', () => {
    for (const uid of ['0', '4294967296', '-1', '+5', '1.0', '1e3', 'abc', '', '12 34', '99999999999']) {
      expect(parseUid(uid), uid).toBeUndefined();
    }
  });
});
