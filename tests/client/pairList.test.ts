import { describe, expect, it } from 'vitest'
import type { ListNote } from '../../client/src/meeting/list/groupNotes'
import { memberNames, notesPerPair, type PairWords } from '../../client/src/meeting/pairs/pairLabels'
import type { GroupSplit } from '../../shared/groupWork'

/** The list per pair: "Paar 1: Anna & Bram" with that pair's notes, in the split's order. */
const names = new Map([
  ['anna', 'Anna'],
  ['bram', 'Bram'],
  ['carla', 'Carla'],
  ['daan', 'Daan'],
])
const words: PairWords = {
  label: (kind, n) => `${kind === 'pairs' ? 'Paar' : 'Subgroep'} ${n}`,
  nameOf: (id) => names.get(id) ?? '?',
  earlier: 'Eerdere indeling',
  none: 'Niet in een groepje',
}
const split: GroupSplit = {
  kind: 'pairs',
  phaseId: 'modelling',
  split: 2,
  groups: [
    { id: 'g2-1', members: ['anna', 'bram'] },
    { id: 'g2-2', members: ['carla', 'daan'] },
  ],
}
const note = (id: string, authorId: string, groupId: string | null, y = 0): ListNote => ({
  id,
  text: id,
  authorId,
  mark: null,
  x: 0,
  y,
  draft: false,
  groupId,
})

describe('notes per pair', () => {
  it('lists each pair under its members’ names, in the split’s order, notes in reading order', () => {
    const sections = notesPerPair(
      [note('c1', 'carla', 'g2-2'), note('b2', 'bram', 'g2-1', 50), note('a1', 'anna', 'g2-1', 10)],
      split,
      words,
    )
    expect(sections?.map((s) => [s.heading, s.notes.map((n) => n.id)])).toEqual([
      ['Paar 1: Anna & Bram', ['a1', 'b2']],
      ['Paar 2: Carla & Daan', ['c1']],
    ])
  })

  it('names an earlier split’s group by its authors and lists untagged notes last', () => {
    const sections = notesPerPair(
      [
        note('x', 'anna', 'g1-1'),
        note('y', 'carla', 'g1-1'),
        note('z', 'daan', null),
        note('a', 'anna', 'g2-1'),
      ],
      split,
      words,
    )
    expect(sections?.map((s) => s.heading)).toEqual([
      'Paar 1: Anna & Bram',
      'Paar 2: Carla & Daan',
      'Eerdere indeling: Anna & Carla',
      'Niet in een groepje',
    ])
    expect(sections?.[3]?.notes.map((n) => n.id)).toEqual(['z'])
  })

  it('is null when no note carries a pair: the list keeps its own grouping', () => {
    expect(notesPerPair([note('z', 'daan', null)], split, words)).toBeNull()
  })

  it('writes three names with a comma and an ampersand', () => {
    expect(memberNames(['anna', 'bram', 'carla'], words.nameOf)).toBe('Anna, Bram & Carla')
  })
})
