/**
 * Where the inbrenger's reflection report starts when the page opens, from what the server holds
 * (sealed) and what this browser holds. Nobody's text is lost: answers typed here and not stored
 * yet (offline, or from before the server kept reports) go up, over the server's copy; otherwise
 * the server's copy is the latest (from another device, say). A signed-off report stays as
 * signed, and answers this browser still holds are then left where they are, not overwritten.
 */
export type ReflectionStart =
  /** Show the server's copy, and keep it in this browser too. */
  | 'server'
  /** Show the server's (signed) copy; leave this browser's unsent answers untouched. */
  | 'serverKeepLocal'
  /** Store this browser's answers (the carry-over, or what was typed offline). */
  | 'upload'
  /** Nothing to do: no report anywhere yet. */
  | 'nothing'

export function reflectionStart(here: {
  /** The server holds a report of mine. */
  stored: boolean
  signedOff: boolean
  /** This browser holds answers with text. */
  localHasText: boolean
  /** Those answers differ from what this browser last stored on the server. */
  unsent: boolean
}): ReflectionStart {
  const pendingHere = here.localHasText && here.unsent
  if (here.stored && here.signedOff) return pendingHere ? 'serverKeepLocal' : 'server'
  if (pendingHere) return 'upload'
  return here.stored ? 'server' : 'nothing'
}
