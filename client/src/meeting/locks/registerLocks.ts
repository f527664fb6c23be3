import type { Editor, TLRecord } from 'tldraw'
import { ANONYMOUS_META_KEY, isAnonymousNote, withoutLastEditor } from '../../../../shared/authorship'
import { groupTagFor } from '../../../../shared/groupWork'
import type { LocalizedText } from '../../../../shared/schema'
import { currentTopic } from '../../../../shared/topicWalk'
import { isDraft, markIfDraft } from '../drafts/drafts'
import type { MeetingState } from '../meetingState'
import { asBoardRecord, judgeOnBoard } from './boardPolicy'
import { keepShapesWhole } from './keepWhole'

/** Record types a participant's edits can touch; session records (camera, pointer…) never leave the browser. */
const GUARDED_TYPES = ['shape', 'asset', 'page', 'document', 'binding'] as const

type Source = 'user' | 'remote'
/** tldraw's side-effect registry, typed for any guarded record type (its generics are per type). */
interface GuardSideEffects {
  registerAfterCreateHandler(type: string, fn: (record: TLRecord, source: Source) => void): () => void
  registerBeforeChangeHandler(
    type: string,
    fn: (prev: TLRecord, next: TLRecord, source: Source) => TLRecord,
  ): () => void
  registerBeforeDeleteHandler(
    type: string,
    fn: (record: TLRecord, source: Source) => false | undefined,
  ): () => void
}

/** What a refused edit would have made of a record (null: a create's prev, a delete's next). */
export interface RefusedEdit {
  prev: { id: string; meta?: unknown } | null
  next: { id: string; meta?: unknown } | null
}

/**
 * Registers tldraw side effects that stop, before they are sent, the changes the server would
 * refuse: a create in a closed zone is removed at once, a change returns the previous record, a
 * delete is cancelled. New shapes and assets get the author's id, which the rules and the server
 * rely on.
 * Returns the unregister function.
 */
export function registerLocks(
  editor: Editor,
  meeting: MeetingState,
  onRefused: (reason: LocalizedText, refused: RefusedEdit) => void,
): () => void {
  // Before the locks judge anything: a shape made or dragged across a zone's edge is shifted whole.
  const keepWhole = keepShapesWhole(editor, meeting)
  const stamp = editor.sideEffects.registerBeforeCreateHandler('shape', (shape, source) => {
    if (source !== 'user') return shape
    // During the walk through the topics: which topic the note is for (topicWalk.ts).
    const view = meeting.$view.get()
    const topic = view ? currentTopic(meeting.template, view.progress) : null
    // While the group works in pairs: the pair the note is written by (groupWork.ts).
    const groupId = groupTagFor(view?.progress.groups, meeting.phaseId(), meeting.participantId)
    // A copy of another pair's note is a new note: it takes my pair, or none (never theirs). A
    // copy of an anonymous note is mine, not anonymous.
    const { groupId: _copied, [ANONYMOUS_META_KEY]: _anonymous, ...meta } = shape.meta
    return markIfDraft(editor, meeting, {
      ...shape,
      meta: {
        ...meta,
        authorId: meeting.participantId,
        ...(topic ? { topicId: topic.topic.noteId } : {}),
        ...(groupId ? { groupId } : {}),
      },
    })
  })
  // Pasted images: the asset carries its author too, and keeps it when tldraw replaces the asset
  // after loading the image (updateAssets overwrites meta).
  const stampAsset = editor.sideEffects.registerBeforeCreateHandler('asset', (asset, source) =>
    source === 'user' ? { ...asset, meta: { ...asset.meta, authorId: meeting.participantId } } : asset,
  )
  const keepAssetAuthor = editor.sideEffects.registerBeforeChangeHandler('asset', (prev, next, source) => {
    const author = prev.meta.authorId
    if (source !== 'user' || author === undefined || next.meta.authorId !== undefined) return next
    return { ...next, meta: { ...next.meta, authorId: author } }
  })
  // tldraw stamps whoever edits a note's text on it and prints the name; an anonymous note keeps
  // none, also when its author edits it (authorship.ts). Registered before the judging handler.
  // Whatever the source: a record that arrives with a name (e.g. opened from a sealed copy) is
  // not drawn with it either, and goes back to the room, if ever, without it.
  const nameless = <T extends TLRecord>(record: T): T =>
    isAnonymousNote(asBoardRecord(record)) ? (withoutLastEditor(record as never) as T) : record
  const keepAnonymous = editor.sideEffects.registerBeforeChangeHandler('shape', (_prev, next) =>
    nameless(next),
  )
  const createAnonymous = editor.sideEffects.registerBeforeCreateHandler('shape', (shape) => nameless(shape))
  const side = editor.sideEffects as unknown as GuardSideEffects
  /** Records we are taking back ourselves (a refused create): their removal is not judged. */
  const rollingBack = new Set<string>()
  const unregister: Array<() => void> = [
    keepWhole,
    stamp,
    stampAsset,
    keepAssetAuthor,
    keepAnonymous,
    createAnonymous,
  ]
  for (const typeName of GUARDED_TYPES) {
    unregister.push(
      side.registerAfterCreateHandler(typeName, (record, source) => {
        if (source !== 'user') return
        const verdict = judgeOnBoard(editor, meeting, [
          { id: record.id, prev: null, next: asBoardRecord(record) },
        ])
        if (verdict.ok) return
        onRefused(verdict.reason, { prev: null, next: record })
        // Inside this handler the record is not in the store yet; remove it right after the
        // operation, before the store's listeners flush, so the room never sees it.
        rollingBack.add(record.id)
        queueMicrotask(() => {
          if (editor.store.has(record.id)) editor.store.remove([record.id])
          rollingBack.delete(record.id)
        })
      }),
      side.registerBeforeChangeHandler(typeName, (prev, next, source) => {
        if (source !== 'user') return next
        // A draft never reached the room: publishing it is, for everyone else, a new note.
        const before = isDraft(prev) && !isDraft(next) ? null : asBoardRecord(prev)
        const verdict = judgeOnBoard(editor, meeting, [
          { id: next.id, prev: before, next: asBoardRecord(next) },
        ])
        if (verdict.ok) return next
        onRefused(verdict.reason, { prev, next })
        return prev
      }),
      side.registerBeforeDeleteHandler(typeName, (record, source) => {
        if (source !== 'user' || rollingBack.has(record.id)) return
        const verdict = judgeOnBoard(editor, meeting, [
          { id: record.id, prev: asBoardRecord(record), next: null },
        ])
        if (verdict.ok) return
        onRefused(verdict.reason, { prev: record, next: null })
        return false
      }),
    )
  }
  return () => {
    for (const fn of unregister) fn()
  }
}
