import type { ListNote } from '../list/groupNotes'

/**
 * Whether a note is the one being heard now: its author has the turn and, while the method walks
 * through topics, it was written for the topic now on (the advice zones serve every topic, so an
 * advice for an earlier topic is not this turn's). `current` undefined: no turn is running.
 */
export function isTurnNote(note: ListNote, current: string | undefined, topicId: string | null): boolean {
  if (current === undefined || note.authorId !== current) return false
  return topicId === null || note.topicId === topicId
}
