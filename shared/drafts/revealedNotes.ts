import type { BoardRecord } from '../boardRecords'
import { plainTextOf } from '../outcome/noteText'
import { deny, type PolicyContext, type RecordChange, type Verdict } from '../policyTypes'
import { judgeAnonymousRevealed } from './anonymousRevealed'
import { DRAFT_LIMITS, isSealedText, type RevealedNote } from './sealedDrafts'
import { SEALED_META, sealedTextOf } from './sealedMeta'

/**
 * A note the server placed at a reveal (sealedDrafts.ts). On the board it stays sealed: the
 * record carries the ciphertext of its text in `meta.sealed` and no plain text at all; every
 * browser with the meeting key opens it for its own screen only. Who wrote it is the server's
 * word (its own store), never a field on the record a client could fill in.
 */
export { SEALED_META, sealedTextOf } from './sealedMeta'
/** The id bound into the seal, when the server had to give the note another id than the draft's. */
export const SEAL_ID_META = 'sealId'
/** Set by the server when the begeleider removed the note: the text is gone, the note stays. */
export const REMOVED_META = 'removedBy'
/** The meeting a note was sealed in, when it came into this one by an import. */
export const SEALED_IN_META = 'sealedIn'
export const REVEALED_META_KEYS = {
  sealed: SEALED_META,
  sealId: SEAL_ID_META,
  removed: REMOVED_META,
  sealedIn: SEALED_IN_META,
} as const

type Meta = Record<string, unknown>
const metaOf = (record: BoardRecord): Meta => (record.meta ?? {}) as Meta

/** The id the note's seal is bound to (sealContext). */
export function sealIdOf(record: BoardRecord): string {
  const sealId = metaOf(record)[SEAL_ID_META]
  return typeof sealId === 'string' ? sealId : record.id
}

/** The meeting id bound into the note's seal: this meeting's, or the one it was imported from. */
export function sealedInOf(record: BoardRecord, meetingId: string): string {
  const from = metaOf(record)[SEALED_IN_META]
  return typeof from === 'string' ? from : meetingId
}

/** Whether the begeleider removed this revealed note (it then shows that, without text). */
export function removedByFacilitator(record: BoardRecord): boolean {
  return metaOf(record)[REMOVED_META] === 'begeleider'
}

/** A record that carries a seal or a removal: only the server puts one on the board. */
export function isSealedRecord(record: BoardRecord): boolean {
  const meta = metaOf(record)
  return SEALED_META in meta || SEAL_ID_META in meta || REMOVED_META in meta || SEALED_IN_META in meta
}

/**
 * Who wrote a revealed note, as the server knows it, and whom the board may name (null in an
 * anonymous reveal). The one place the rest of the rules (and exports, look-back, presence)
 * ask about the authorship of revealed notes; undefined for a note that was not revealed.
 */
export function revealedAuthor(
  note: RevealedNote | undefined,
): { authorId: string; shownAs: string | null } | undefined {
  if (!note) return undefined
  return { authorId: note.authorId, shownAs: note.anonymous ? null : note.authorId }
}

/**
 * The rules that come before the zone rules for sealed notes. Only the server places a sealed
 * note and only it removes one's text (for the begeleider, visibly). On the board nobody but its
 * author changes the text (a new seal; of an anonymous note only through the server,
 * anonymousRevealed.ts), and the text never travels in plain. Moving it is judged
 * by the zone rules as for any note, with the author as its owner. Null: nothing to say here.
 */
export function judgeRevealedChange(ctx: PolicyContext, { id, prev, next }: RecordChange): Verdict | null {
  const note = ctx.releasedNote?.(id)
  if (!note) {
    // A seal, a seal id or a removal that did not come from the server.
    if (next && isSealedRecord(next) && !(prev && sameSealFields(prev, next))) return deny(id, ONLY_SERVER)
    return null
  }
  const isAuthor = note.authorId === ctx.actor.participantId
  if (!prev) return next ? deny(id, ONLY_SERVER) : null
  if (!next) return isAuthor && !removedByFacilitator(prev) ? null : deny(id, NOT_YOURS_TO_DROP)
  if (
    metaOf(prev)[SEAL_ID_META] !== metaOf(next)[SEAL_ID_META] ||
    removedByFacilitator(prev) !== removedByFacilitator(next)
  )
    return deny(id, ONLY_SERVER)
  const anonymous = judgeAnonymousRevealed(ctx, { id, prev, next }, note)
  if (anonymous) return anonymous
  if (!ctx.sealedTextOpened && plainTextOf(next) !== '') return deny(id, STAYS_SEALED)
  if (note.anonymous && (next.props as Meta | undefined)?.textLastEditedBy != null)
    return deny(id, STAYS_SEALED)
  const sealed = sealedTextOf(next)
  if (sealed !== sealedTextOf(prev)) {
    if (!isAuthor || removedByFacilitator(prev)) return deny(id, ONLY_AUTHOR)
    if (!isSealedText(sealed)) return deny(id, BAD_SEAL)
  }
  if (!isAuthor && contentChanged(prev, next)) return deny(id, ONLY_AUTHOR)
  return null
}

/** Whether anything but the place (and the seal, judged above) changed. */
function contentChanged(prev: BoardRecord, next: BoardRecord): boolean {
  const { x: _x, y: _y, parentId: _p, index: _i, rotation: _r, meta: prevMeta, ...prevRest } = prev
  const { x: _x2, y: _y2, parentId: _p2, index: _i2, rotation: _r2, meta: nextMeta, ...nextRest } = next
  const { rating: _ra, ...prevKept } = (prevMeta ?? {}) as Meta
  const { rating: _rb, ...nextKept } = (nextMeta ?? {}) as Meta
  return JSON.stringify([prevRest, prevKept]) !== JSON.stringify([nextRest, nextKept])
}

function sameSealFields(prev: BoardRecord, next: BoardRecord): boolean {
  const a = metaOf(prev)
  const b = metaOf(next)
  return [SEALED_META, SEAL_ID_META, REMOVED_META, SEALED_IN_META].every((key) => a[key] === b[key])
}

const ONLY_SERVER = {
  nl: 'Onthulde notities legt alleen de server neer, versleuteld zoals hun schrijver ze schreef.',
  en: 'Only the server places revealed notes, sealed as their author wrote them.',
}
const NOT_YOURS_TO_DROP = {
  nl: 'Een onthulde notitie haalt alleen wie haar schreef weg; de begeleider kan haar zichtbaar verwijderen.',
  en: 'Only its author takes a revealed note away; the facilitator can remove it visibly.',
}
const ONLY_AUTHOR = {
  nl: 'Alleen wie deze notitie schreef, kan haar tekst veranderen.',
  en: 'Only the author of this note can change its text.',
}
const STAYS_SEALED = {
  nl: 'De tekst van een onthulde notitie blijft versleuteld op het bord.',
  en: 'The text of a revealed note stays sealed on the board.',
}
const BAD_SEAL = {
  nl: `Deze versleutelde tekst is ongeldig of langer dan ${DRAFT_LIMITS.maxSealedChars} tekens.`,
  en: `This sealed text is invalid or longer than ${DRAFT_LIMITS.maxSealedChars} characters.`,
}
