import type { AssetLimits } from './assetLimits'
import type { BoardRecord } from './boardRecords'
import type { RevealedNote } from './drafts/sealedDrafts'
import type { GroupSplit } from './groupWork'
import type { ZoneRect } from './layout'
import type { RecordLimits } from './recordText'
import type { LocalizedText, RoleId } from './schema'
import type { Template } from './templateSchema'

/** The person whose changes are judged. */
export interface Actor {
  participantId: string
  role: RoleId
  /** The display name the server knows; the actor's tldraw user record must carry it. */
  name?: string
}

/** What the rules need to know about the board and the meeting to judge a batch. */
export interface PolicyContext {
  template: Template
  phaseId: string
  actor: Actor
  rects: readonly ZoneRect[]
  /** The record as it is now (before the batch), by id. */
  current: (id: string) => BoardRecord | undefined
  /** All shapes as they are now, to count a quota (and to find children without `children`). */
  allShapes: () => Iterable<BoardRecord>
  /**
   * Optional: the shapes whose parentId is `parentId`, as they are now. Needed for groups and
   * frames (a group's box is its children's; moving a frame moves what is in it). Without it the
   * rules build a parent index from `allShapes()` once per batch that needs one.
   */
  children?: (parentId: string) => Iterable<BoardRecord>
  /**
   * Optional: every binding as it is now (arrows drawn to the shapes they are bound to), or an
   * index of them (`bindingsFrom`/`bindingsTo`, the client's store has one). Without either,
   * arrows are judged as unbound.
   */
  allBindings?: () => Iterable<BoardRecord>
  bindingsFrom?: (shapeId: string) => Iterable<BoardRecord>
  bindingsTo?: (shapeId: string) => Iterable<BoardRecord>
  /** Optional: limits other than the defaults (DEFAULT_RECORD_LIMITS). */
  limits?: Partial<RecordLimits>
  /**
   * Optional: notes the server placed at a reveal (drafts/revealedNotes.ts), by shape id, with
   * their author as the server knows them (also in an anonymous reveal).
   */
  releasedNote?: (shapeId: string) => RevealedNote | undefined
  /**
   * Optional: true where sealed notes are judged with their text opened (a browser with the key),
   * so the text rules (sentence limits) see it; the server sees them sealed, without text.
   */
  sealedTextOpened?: boolean
  /**
   * Optional: true in a browser that keeps its drafts (notes in a zone private to its author)
   * to itself, never sending them to the room (drafts/privateWriting.ts). Unset on the server:
   * whatever reaches it in a private zone went over the room, and is refused.
   */
  keepsDrafts?: boolean
  /**
   * Optional: true in the first moments of a phase (permissions.ts `revealGraceOpen`), when a
   * browser without the meeting key may still put its drafts on the board at their reveal.
   * Unset: closed, the zone is as the phase says.
   */
  revealGrace?: boolean
  /** Optional: the pairs or subgroups of the meeting (groupWork.ts); new notes carry their author's. */
  groups?: GroupSplit | null
  /** Optional: every asset as it is now, to bound their total (assetPolicy.ts); without it, unbounded. */
  allAssets?: () => Iterable<BoardRecord>
  /** Optional: asset sizes other than the defaults (DEFAULT_ASSET_LIMITS). */
  assetLimits?: Partial<AssetLimits>
}

/** One record created (prev null), changed, or deleted (next null). */
export interface RecordChange {
  id: string
  prev: BoardRecord | null
  next: BoardRecord | null
}

export type Verdict = { ok: true } | { ok: false; recordId: string; reason: LocalizedText }

export function deny(recordId: string, reason: LocalizedText): Verdict {
  return { ok: false, recordId, reason }
}
