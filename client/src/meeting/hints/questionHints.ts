import { type QuestionHint, questionHint } from '../../../../shared/openQuestions'
import type { RoleId } from '../../../../shared/schema'
import type { ListNote } from '../list/groupNotes'

export interface NoteHint {
  noteId: string
  hint: QuestionHint
}

/**
 * Which question notes get the open-question hint, and which hint: notes with text in a question
 * zone whose text reads as closed or suggestive, shown to their author (to rewrite it) and to the
 * begeleider (to help the group), not to the others, so the hint stays quiet and nobody is put on
 * the spot.
 */
export function hintsFor(notes: readonly ListNote[], me: { id: string; role: RoleId }): NoteHint[] {
  const hints: NoteHint[] = []
  for (const note of notes) {
    if (me.role !== 'begeleider' && note.authorId !== me.id) continue
    const hint = questionHint(note.text)
    if (hint) hints.push({ noteId: note.id, hint })
  }
  return hints
}
