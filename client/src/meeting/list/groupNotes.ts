/** One note as the list shows it: its text, who wrote it, its mark, where it sits on the board. */
export interface ListNote {
  id: string
  text: string
  authorId: string | null
  mark: string | null
  /** Top-left of its page bounds: the list follows the board's reading order. */
  x: number
  y: number
  /** Written during private writing and not yet on the shared board. */
  draft: boolean
  /** The topic it was written for, in the quick advice rounds (topicWalk.ts). */
  topicId?: string | null
  /** The pair or subgroup it was written by (groupWork.ts). */
  groupId?: string | null
}

export interface NoteGroup {
  /** The mark of the group; null: not rated yet (or, in a zone that is not rated, every note). */
  mark: string | null
  notes: ListNote[]
}

/**
 * The notes of a zone grouped by mark, the way a flip-over shows them at a glance: first those
 * not rated yet, then one group per value of the scale in its order (W, N, K), each in the
 * board's reading order, empty groups included so the counts read the same on every screen. A
 * value outside the scale (the server refuses those) counts as not rated. Without a scale: one
 * group of all notes. `highestFirst` (a score of 1 to 10): the highest score first, the notes
 * not scored yet last.
 */
export function groupByMark(
  notes: readonly ListNote[],
  scale: readonly string[] | null,
  highestFirst = false,
): NoteGroup[] {
  const ordered = [...notes].sort(readingOrder)
  if (!scale) return [{ mark: null, notes: ordered }]
  // A score ranks (topics of the quick advice rounds): highest first, the unscored after them.
  const marks = highestFirst ? [...[...scale].reverse(), null] : [null, ...scale]
  const groups: NoteGroup[] = marks.map((mark) => ({ mark, notes: [] }))
  for (const note of ordered) {
    const group = groups.find((g) => g.mark === note.mark) ?? groups.find((g) => g.mark === null)!
    group.notes.push(note)
  }
  return groups
}

/** Top to bottom, then left to right; ids break ties so every screen lists the same order. */
export function readingOrder(a: ListNote, b: ListNote): number {
  return a.y - b.y || a.x - b.x || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0)
}

/** The notes of all groups in list order: where the arrow keys go. */
export function listOrder(groups: readonly NoteGroup[]): ListNote[] {
  return groups.flatMap((g) => g.notes)
}

/**
 * Where focus goes after a note got a mark from the keyboard: a note that was not rated yet
 * hands focus to the next one still waiting (the rater works down the pile); otherwise focus
 * stays with the note, in its new group. Null: stay on the note.
 */
export function focusAfterMarking(before: readonly NoteGroup[], noteId: string): string | null {
  const waiting = before.find((g) => g.mark === null)?.notes ?? []
  const at = waiting.findIndex((n) => n.id === noteId)
  if (at < 0 || before.every((g) => g.mark === null)) return null
  const rest = [...waiting.slice(at + 1), ...waiting.slice(0, at)]
  return rest[0]?.id ?? null
}

/** "3 warm, 2 neutraal, 0 koud, 4 nog niet gewaardeerd": the groups' counts in words, for a screen reader. */
export function tallyOf(groups: readonly NoteGroup[], name: (mark: string | null) => string): string {
  const rated = groups.filter((g) => g.mark !== null)
  const waiting = groups.find((g) => g.mark === null)
  return [...rated, ...(waiting ? [waiting] : [])].map((g) => `${g.notes.length} ${name(g.mark)}`).join(', ')
}
