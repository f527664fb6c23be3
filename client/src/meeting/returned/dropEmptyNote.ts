import type { Editor, TLShapeId } from 'tldraw'
import type { RefusedEdit } from '../locks/registerLocks'
import { textOf } from './returnedNotes'

/**
 * The note a refused edit leaves empty behind, to take away: my own note that had no text yet
 * when its first text was refused (a case too long for the list, pasted or typed into a fresh
 * note). Its words went to my returned notes; an empty note would only stand on the list as
 * "(zonder tekst)". Null for anything else: a note with text keeps it, someone else's note stays.
 */
export function emptyLeftBehind(refused: RefusedEdit, participantId: string): string | null {
  const { prev, next } = refused
  if (!prev || !next || authorOf(prev) !== participantId) return null
  if (textOf(prev).trim() !== '' || textOf(next).trim() === '') return null
  return (prev as { type?: unknown }).type === 'note' ? prev.id : null
}

/**
 * Takes away the empty note a refused edit left (see emptyLeftBehind), once the refusal is
 * over: the edit is undone first (the locks return the record as it was), then the note goes.
 * It is mine and empty, so taking it away loses nothing; the locks judge the delete as usual.
 */
export function dropEmptyLeftBehind(editor: Editor, refused: RefusedEdit, participantId: string): void {
  const id = emptyLeftBehind(refused, participantId) as TLShapeId | null
  if (!id) return
  queueMicrotask(() => {
    const shape = editor.getShape(id)
    if (!shape || textOf(shape).trim() !== '') return
    if (editor.getEditingShapeId() === id) editor.setEditingShape(null)
    editor.deleteShape(id)
  })
}

function authorOf(record: { meta?: unknown }): string | null {
  const meta = record.meta as { authorId?: unknown } | undefined
  return typeof meta?.authorId === 'string' ? meta.authorId : null
}
