import type { GroupSplit, GroupWorkKind } from '../../../../shared/groupWork'
import type { ListNote } from '../list/groupNotes'
import { readingOrder } from '../list/groupNotes'

/** What the list and the strip need to name a group: "Paar 1: Anna & Bram". */
export interface PairWords {
  label: (kind: GroupWorkKind, n: number) => string
  nameOf: (participantId: string) => string
  earlier: string
  none: string
}

/** "Anna & Bram", "Anna, Bram & Carla": the members of a group in the split's order. */
export function memberNames(members: readonly string[], nameOf: (id: string) => string): string {
  const names = members.map(nameOf)
  if (names.length <= 1) return names.join('')
  return `${names.slice(0, -1).join(', ')} & ${names[names.length - 1]}`
}

export interface PairSection {
  /** The group id; null for the notes of no group. */
  groupId: string | null
  heading: string
  notes: ListNote[]
}

/**
 * The notes of a zone per pair, in the split's order, each in the board's reading order; then
 * notes of groups of an earlier split (named by their authors), then notes of no group. Null when
 * no note in the zone carries a group: the list shows its usual grouping.
 */
export function notesPerPair(
  notes: readonly ListNote[],
  split: GroupSplit | null | undefined,
  words: PairWords,
): PairSection[] | null {
  if (!notes.some((n) => n.groupId)) return null
  const sections: PairSection[] = (split?.groups ?? []).map((group, i) => ({
    groupId: group.id,
    heading: `${words.label(split!.kind, i + 1)}: ${memberNames(group.members, words.nameOf)}`,
    notes: [],
  }))
  const earlier = new Map<string, PairSection>()
  const loose: PairSection = { groupId: null, heading: words.none, notes: [] }
  for (const note of [...notes].sort(readingOrder)) {
    const id = note.groupId ?? null
    const known = sections.find((s) => s.groupId === id)
    if (known) known.notes.push(note)
    else if (id === null) loose.notes.push(note)
    else {
      const section = earlier.get(id) ?? { groupId: id, heading: words.earlier, notes: [] }
      section.notes.push(note)
      earlier.set(id, section)
    }
  }
  for (const section of earlier.values()) {
    const authors = [...new Set(section.notes.map((n) => n.authorId).filter((a) => a !== null))]
    section.heading = `${words.earlier}: ${memberNames(authors, words.nameOf)}`
  }
  return [...sections, ...earlier.values(), ...(loose.notes.length > 0 ? [loose] : [])]
}
