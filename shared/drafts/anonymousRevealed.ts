import type { BoardRecord } from '../boardRecords'
import { classifyShapeUpdate } from '../boardRecords'
import { deny, type PolicyContext, type RecordChange, type Verdict } from '../policyTypes'
import type { RevealedNote } from './sealedDrafts'
import { sealedTextOf } from './sealedMeta'

/**
 * A note revealed without names changes only by the server's own writes. Every Yjs item carries
 * the client id of the browser that wrote it, and presence (and the server's client-id claims)
 * tie client ids to people: one write by the author on her anonymous note would name her to
 * anyone who reads the document's history. So her new text goes to the server as a seal
 * (PUT …/drafts/revealed/:noteId/seal), which writes it as the server. Nobody else writes the
 * text either; only the begeleider moves or rates such a note (that names the begeleider, who
 * tidies every note, not its author). Null: nothing to say here, the other rules judge.
 */
export function judgeAnonymousRevealed(
  ctx: PolicyContext,
  { id, prev, next }: RecordChange,
  note: RevealedNote,
): Verdict | null {
  if (!note.anonymous || !prev || !next) return null
  const isAuthor = note.authorId === ctx.actor.participantId
  // Anyone else's new seal is refused by the rule that only the author changes the text.
  if (sealedTextOf(prev) !== sealedTextOf(next)) return isAuthor ? deny(id, THROUGH_SERVER) : null
  // In a browser the author's typing stays on her own screen until it leaves as a seal through
  // the server; the text is judged there as an edit of hers (revealedNotes.ts), nothing else is.
  const judged = ctx.sealedTextOpened ? withTextOf(prev, next) : next
  const change = classifyShapeUpdate(prev, judged)
  const facilitator = ctx.actor.role === 'begeleider'
  if ((change.placement || change.rating) && !facilitator) return deny(id, ONLY_FACILITATOR_MOVES)
  if (change.content) return isAuthor ? deny(id, THROUGH_SERVER) : null
  // The same record written again says nothing new, but would still carry the writer's client id.
  if (!ctx.sealedTextOpened && !change.placement && !change.rating && !facilitator)
    return deny(id, THROUGH_SERVER)
  return null
}

function withTextOf(prev: BoardRecord, next: BoardRecord): BoardRecord {
  const richText = (prev.props as Record<string, unknown> | undefined)?.richText
  return { ...next, props: { ...(next.props as Record<string, unknown>), richText } }
}

const THROUGH_SERVER = {
  nl: 'Een anoniem onthulde notitie verandert alleen via de server, zodat niets haar aan jou koppelt.',
  en: 'An anonymously revealed note changes only through the server, so nothing links it to you.',
}
const ONLY_FACILITATOR_MOVES = {
  nl: 'Anoniem onthulde notities verplaatst alleen de begeleider, zodat niemand ze aan hun schrijver kan koppelen.',
  en: 'Only the facilitator moves anonymously revealed notes, so nobody can link them to their author.',
}
