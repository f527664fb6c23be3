import { type Editor, react, type TLRecord, type TLShape } from 'tldraw'
import type { BoardRecord } from '../../../../shared/boardRecords'
import { draftZonesAt, draftZonesFor } from '../../../../shared/drafts/preparation'
import { judgeOnBoard, zoneOnBoard } from '../locks/boardPolicy'
import type { MeetingState } from '../meetingState'

/**
 * "Each writes for themself", for real: a note written in a zone while it is private is a draft.
 * Drafts stay in this browser (never sent to the room, so nobody else, the facilitator and the
 * server included, can read them) and are kept in localStorage against a reload. When the zone is
 * no longer private (the reveal), they are put on the shared board.
 */
export function isDraft(record: TLRecord): boolean {
  return record.typeName === 'shape' && (record.meta as { draft?: unknown }).draft === true
}

/** Marks a new shape as a draft if it lands in a zone that is private for me now. */
export function markIfDraft(editor: Editor, meeting: MeetingState, shape: TLShape): TLShape {
  const me = meeting.me()
  const view = meeting.$view.get()
  if (!me || !view) return shape
  const zone = zoneOnBoard(editor, meeting, shape)
  if (zone === null || view.progress.phaseIndex < 0) return shape
  if (!draftZonesFor(meeting.template, view.progress, me.role).includes(zone)) return shape
  return { ...shape, meta: { ...shape.meta, draft: true } }
}

const KEY_PREFIX = 'intervisiebord.drafts.'

/** Forgets every draft of a meeting kept in this browser (the meeting was erased). */
export function forgetDrafts(meetingId: string): void {
  const prefix = `${KEY_PREFIX}${meetingId}.`
  for (let i = localStorage.length - 1; i >= 0; i--) {
    const key = localStorage.key(i)
    if (key?.startsWith(prefix)) localStorage.removeItem(key)
  }
}

/**
 * Restores this browser's drafts and keeps them saved here. Without a meeting key (a meeting made
 * before keys, or a link without one) it also publishes them itself once their zone opens up; with
 * one, the begeleider's browser does that from the sealed copies (draftSync.ts, revealPublisher.ts).
 */
export function keepDrafts(
  editor: Editor,
  meeting: MeetingState,
  meetingId: string,
  { publishAtReveal }: { publishAtReveal: boolean },
): () => void {
  const key = `${KEY_PREFIX}${meetingId}.${meeting.participantId}`
  const saved = readSaved(key)
  if (saved.length > 0) {
    editor.store.mergeRemoteChanges(() => {
      editor.store.put(saved.filter((r) => !editor.store.has(r.id)))
    })
  }
  const stopSaving = editor.store.listen(
    () => {
      const drafts = editor.store.allRecords().filter(isDraft)
      if (drafts.length > 0) localStorage.setItem(key, JSON.stringify(drafts))
      else localStorage.removeItem(key)
    },
    { scope: 'document' },
  )
  const stopPublishing = react('publish drafts at the reveal', () => {
    if (!publishAtReveal) return
    const view = meeting.$view.get()
    if (!view) return
    const privateNow = draftZonesAt(meeting.template, view.progress.phaseIndex)
    const ready = editor
      .getCurrentPageShapes()
      .filter((shape) => isDraft(shape))
      .filter((shape) => {
        const zone = zoneOnBoard(editor, meeting, shape)
        return zone === null || !privateNow.has(zone)
      })
      .map((shape) => ({ ...shape, meta: { ...shape.meta, draft: false } }))
      // Only what the rules let me put on the board now; the rest waits, still private.
      .filter(
        (shape) => judgeOnBoard(editor, meeting, [{ id: shape.id, prev: null, next: asRecord(shape) }]).ok,
      )
    if (ready.length > 0)
      queueMicrotask(() => editor.updateShapes(ready.map(({ id, type, meta }) => ({ id, type, meta }))))
  })
  return () => {
    stopSaving()
    stopPublishing()
  }
}

function asRecord(shape: TLShape): BoardRecord {
  return shape as unknown as BoardRecord
}

function readSaved(key: string): TLRecord[] {
  try {
    const parsed = JSON.parse(localStorage.getItem(key) ?? '[]') as unknown
    return Array.isArray(parsed) ? (parsed as TLRecord[]).filter((r) => r && isDraft(r)) : []
  } catch {
    return []
  }
}
