import type * as Y from 'yjs'
import { isAnonymousNote } from '../../../shared/authorship'
import { isEntry, recordsArray } from '../board/boardRecords'

/**
 * The ids of the notes of a room that were revealed without names (authorship.ts), for presence:
 * nobody's selection may point at one. Kept up to date by watching the records list, one set per
 * document (whether a note is anonymous is in its base entry's meta, never in a field entry,
 * see recordLayout.ts). It only grows: an anonymous note stays anonymous (the rules refuse taking the flag
 * off), and shape ids are random, so an id once anonymous is never anyone's note.
 */
const byDoc = new WeakMap<Y.Doc, Set<string>>()

export function anonymousNotesOf(doc: Y.Doc): ReadonlySet<string> {
  const known = byDoc.get(doc)
  if (known) return known
  const ids = new Set<string>()
  const array = recordsArray(doc)
  const note = (value: unknown) => {
    if (isEntry(value) && isAnonymousNote(value.val)) ids.add(value.key)
  }
  for (const value of array.toArray()) note(value)
  array.observe((event) => {
    for (const item of event.changes.added) for (const value of item.content.getContent()) note(value)
  })
  byDoc.set(doc, ids)
  return ids
}
