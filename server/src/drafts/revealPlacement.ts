import { randomInt } from 'node:crypto'
import { ANONYMOUS_META_KEY } from '../../../shared/authorship'
import type { BoardRecord } from '../../../shared/boardRecords'
import { REVEALED_META_KEYS } from '../../../shared/drafts/revealedNotes'
import { type GroupSplit, groupOf } from '../../../shared/groupWork'
import { noteArea } from '../../../shared/layout'
import { privateZonesAt } from '../../../shared/permissions'
import { NOTE_SIZE, nextFreeSlot, type Rect } from '../../../shared/slots'
import type { Template } from '../../../shared/templateSchema'
import { zoneOfBoardShape } from '../meetings/boardNotes'
import { newId } from '../meetings/secrets'
import { serverNote } from '../meetings/serverNote'
import type { RevealedRow, StoredDraft } from '../storage/draftStore'

export interface PlacedNote {
  record: BoardRecord
  row: RevealedRow
}

export interface RevealOptions {
  anonymous: boolean
  /** The meeting's pairs or subgroups, if it has any (groupWork.ts). */
  groups?: GroupSplit | null
}

/**
 * The notes a reveal puts on the board, one per stored draft, made by the server: each carries
 * its author's seal byte for byte and no plain text, goes to a free slot of the zone it was
 * written in (authors wrote without seeing each other's notes), and names its author unless the
 * reveal is anonymous. In random order, so not even the order on the board tells who wrote what.
 * A draft written while pairs worked (Modelling: the pairs' post-its go on the flaps when the
 * time is up) carries its author's pair, as a note written on the board then would.
 */
export function revealedNoteRecords(
  template: Template,
  board: ReadonlyMap<string, BoardRecord>,
  drafts: readonly StoredDraft[],
  { anonymous, groups }: RevealOptions,
): PlacedNote[] {
  const occupied = new Map<string, Rect[]>()
  const taken = new Set(board.keys())
  const placed: PlacedNote[] = []
  for (const draft of shuffled(drafts)) {
    const area = noteArea(template, draft.zoneId)
    const inZone = occupied.get(draft.zoneId) ?? occupiedIn(template, board, draft.zoneId)
    // A full zone still gets the note, over the last slot: nobody's text is left out.
    const slot = nextFreeSlot(area, inZone) ?? { x: area.x, y: area.y, w: NOTE_SIZE, h: NOTE_SIZE }
    occupied.set(draft.zoneId, [...inZone, slot])
    // The draft's own id when it is free (it is random, made in the author's browser).
    const id = taken.has(draft.shapeId) ? `shape:rv-${newId()}` : draft.shapeId
    taken.add(id)
    const meta: Record<string, string | boolean> = {}
    // Anonymous: no author on the board, and the flag every screen and presence filter goes by.
    if (anonymous) meta[ANONYMOUS_META_KEY] = true
    else {
      meta.authorId = draft.participantId
      const pair = pairOfDraft(template, groups, draft)
      if (pair) meta.groupId = pair
    }
    meta[REVEALED_META_KEYS.sealed] = draft.sealed
    if (id !== draft.shapeId) meta[REVEALED_META_KEYS.sealId] = draft.shapeId
    placed.push({
      record: sealedNote(id, slot, meta),
      row: { noteId: id, zoneId: draft.zoneId, authorId: draft.participantId, anonymous },
    })
  }
  return placed
}

/** A revealed note whose text the begeleider removed: it stays, says so, and holds no text. */
export function removedNote(record: BoardRecord): BoardRecord {
  const meta = { ...(record.meta as Record<string, unknown>) }
  delete meta[REVEALED_META_KEYS.sealed]
  delete meta[REVEALED_META_KEYS.sealId]
  meta[REVEALED_META_KEYS.removed] = 'begeleider'
  return {
    ...record,
    meta,
    props: { ...(record.props as Record<string, unknown>), richText: EMPTY_TEXT, textLastEditedBy: null },
  }
}

const EMPTY_TEXT = { type: 'doc', content: [{ type: 'paragraph' }] }

// Each browser fits the text size to the opened text itself; the room keeps tldraw's default,
// which says nothing of the text.
function sealedNote(id: string, slot: Rect, meta: Record<string, string | boolean>): BoardRecord {
  return serverNote(id, slot, meta, EMPTY_TEXT)
}

function occupiedIn(template: Template, board: ReadonlyMap<string, BoardRecord>, zoneId: string): Rect[] {
  const rects: Rect[] = []
  for (const record of board.values()) {
    if (record.typeName !== 'shape' || record.type === 'frame') continue
    if (zoneOfBoardShape(template, board, record.id) !== zoneId) continue
    rects.push({ x: Number(record.x) || 0, y: Number(record.y) || 0, w: NOTE_SIZE, h: NOTE_SIZE })
  }
  return rects
}

/**
 * The pair of a draft's author, where the split was made for a phase in which the draft's zone
 * was private (so the draft was written in that pair's time). Never in an anonymous reveal: a
 * pair's tag would all but name its author.
 */
function pairOfDraft(
  template: Template,
  groups: GroupSplit | null | undefined,
  draft: StoredDraft,
): string | null {
  if (!groups) return null
  const index = template.phases.findIndex((p) => p.id === groups.phaseId)
  if (index < 0 || !privateZonesAt(template, index).has(draft.zoneId)) return null
  return groupOf({ groups }, draft.participantId)?.id ?? null
}

function shuffled<T>(items: readonly T[]): T[] {
  const out = [...items]
  for (let i = out.length - 1; i > 0; i--) {
    const j = randomInt(i + 1)
    ;[out[i], out[j]] = [out[j]!, out[i]!]
  }
  return out
}
