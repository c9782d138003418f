/**
 * How the fast paths (the fast reader, the streaming validator) leave a document they do not
 * handle: giveUp() throws one shared value from any depth, and the one catch that expects it
 * (scanFast) tells it from a real error with isGiveUp().
 */
class GiveUp {}
const GIVE_UP = new GiveUp();

export function giveUp(): never {
  throw GIVE_UP;
}

export function isGiveUp(error: unknown): boolean {
  return error === GIVE_UP;
}
