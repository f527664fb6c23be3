import { describe, expect, it } from 'vitest'
import type { BoardRecord } from '../../shared/boardRecords'
import {
  checkGroupMembers,
  type GroupSplit,
  groupOf,
  groupTagFor,
  groupWorkZones,
  proposeGroups,
} from '../../shared/groupWork'
import { noteArea } from '../../shared/layout'
import { applyCommand, type MeetingCommand, type MeetingProgress } from '../../shared/phaseMachine'
import type { RecordChange } from '../../shared/recordPolicy'
import { slotsFor } from '../../shared/slots'
import { parseTemplate } from '../../shared/templateSchema'
import { method, progressAt } from '../client/support'
import { noteRecord } from '../helpers/records'
import { judgeOnBoard } from './judgeOnBoard'

/**
 * Pairs and subgroups: Modelling works in pairs (the inbrenger joins one), Balint may judge in
 * subgroups (the inbrenger listens). The facilitator splits; each note written then carries its
 * author's pair, and the rules refuse a note tagged with another pair, an untagged one, or a tag
 * changed afterwards.
 */
const modelling = method('modelling')
const balint = method('balintmethode')
const PAIRS_PHASE = modelling.phases.findIndex((p) => p.id === 'modelling')
const inPairsPhase = progressAt(PAIRS_PHASE, { phaseStartedAt: 0 })

function run(p: MeetingProgress, ...commands: MeetingCommand[]): MeetingProgress {
  for (const cmd of commands) {
    const r = applyCommand(modelling, p, cmd, 1000)
    if (!r.ok) throw new Error(r.error)
    p = r.progress
  }
  return p
}

describe('the templates say where the group works in pairs', () => {
  it('Modelling writes its five flaps in pairs; Balint judges in subgroups', () => {
    expect(modelling.phases[PAIRS_PHASE]?.groupWork).toBe('pairs')
    expect(groupWorkZones(modelling.phases[PAIRS_PHASE]!)).toHaveLength(5)
    expect(balint.phases.find((p) => p.id === 'oordeelsvorming')?.groupWork).toBe('subgroups')
  })

  it('refuses group work in a phase where nobody writes', () => {
    const raw = structuredClone(modelling) as unknown as { phases: Array<Record<string, unknown>> }
    // "Walk the flaps": nobody writes there (step 1 now writes: the case list).
    const quiet = raw.phases.findIndex((p) => p.id === 'reflectie')
    raw.phases[quiet]!.groupWork = 'pairs'
    const parsed = parseTemplate(raw)
    expect(parsed.ok).toBe(false)
    if (!parsed.ok) expect(parsed.errors.join()).toContain(`phases[${quiet}].groupWork`)
  })
})

describe('splitting the group', () => {
  it('proposes pairs, with a trio for an odd one out, and subgroups of three or four', () => {
    expect(proposeGroups(['a', 'b', 'c', 'd'], 'pairs')).toEqual([
      ['a', 'b'],
      ['c', 'd'],
    ])
    expect(proposeGroups(['a', 'b', 'c', 'd', 'e'], 'pairs')).toEqual([
      ['a', 'b'],
      ['c', 'd', 'e'],
    ])
    expect(proposeGroups(['a'], 'pairs')).toEqual([])
    const sub = proposeGroups(['a', 'b', 'c', 'd', 'e', 'f', 'g'], 'subgroups')
    expect(sub.map((g) => g.length)).toEqual([4, 3])
  })

  it('stores the split in progress; groupOf finds each person, nobody else', () => {
    const p = run(inPairsPhase, {
      type: 'splitGroups',
      groups: [
        ['anna', 'bram'],
        ['carla', 'daan'],
      ],
    })
    expect(p.groups).toMatchObject({ kind: 'pairs', phaseId: 'modelling', split: 1 })
    expect(groupOf(p, 'bram')?.members).toEqual(['anna', 'bram'])
    expect(groupOf(p, 'daan')?.id).toBe(groupOf(p, 'carla')?.id)
    expect(groupOf(p, 'anna')?.id).not.toBe(groupOf(p, 'carla')?.id)
    expect(groupOf(p, 'eva')).toBeNull()
    // A new split never reuses the old groups' ids (their notes keep their own pair).
    const again = run(p, {
      type: 'splitGroups',
      groups: [
        ['anna', 'carla'],
        ['bram', 'daan'],
      ],
    })
    expect(groupOf(again, 'anna')?.id).not.toBe(groupOf(p, 'anna')?.id)
  })

  it('refuses a split outside group work, someone in two groups, and ending what is not split', () => {
    const before = progressAt(1, { phaseStartedAt: 0 })
    expect(applyCommand(modelling, before, { type: 'splitGroups', groups: [['a', 'b']] }, 0).ok).toBe(false)
    const twice = {
      type: 'splitGroups' as const,
      groups: [
        ['a', 'b'],
        ['b', 'c'],
      ],
    }
    expect(applyCommand(modelling, inPairsPhase, twice, 0).ok).toBe(false)
    expect(applyCommand(modelling, inPairsPhase, { type: 'endGroups' }, 0).ok).toBe(false)
  })

  it('ending the group work keeps the pairs for the list but tags no new note', () => {
    const p = run(inPairsPhase, { type: 'splitGroups', groups: [['anna', 'bram']] }, { type: 'endGroups' })
    expect(groupOf(p, 'anna')).not.toBeNull()
    expect(groupTagFor(p.groups, 'modelling', 'anna')).toBeNull()
  })

  it('takes only those who take part: not the begeleider or observer; the inbrenger where the method says', () => {
    const people = [
      { id: 'ina', role: 'inbrenger' as const },
      { id: 'bo', role: 'begeleider' as const },
      { id: 'obi', role: 'observer' as const },
      { id: 'dee', role: 'deelnemer' as const },
    ]
    const pairs = modelling.phases[PAIRS_PHASE]!
    expect(checkGroupMembers(pairs, [['ina', 'dee']], people).ok).toBe(true)
    expect(checkGroupMembers(pairs, [['bo', 'dee']], people)).toMatchObject({ ok: false, reason: 'role' })
    expect(checkGroupMembers(pairs, [['obi', 'dee']], people)).toMatchObject({ ok: false, reason: 'role' })
    expect(checkGroupMembers(pairs, [['x', 'dee']], people)).toMatchObject({ ok: false, reason: 'unknown' })
    // Balint: the inbrenger listens in silence while the subgroups judge.
    const judging = balint.phases.find((p) => p.id === 'oordeelsvorming')!
    expect(checkGroupMembers(judging, [['ina', 'dee']], people)).toMatchObject({ ok: false, reason: 'role' })
  })
})

// Modelling's pairs write sealed drafts (their notes get the pair at the reveal, see
// tests/server/pairs.test.ts); the rule on a tag sent over the room is Balint's subgroups'.
describe('the rule on a note’s pair or subgroup', () => {
  const JUDGING = balint.phases.findIndex((p) => p.id === 'oordeelsvorming')
  const r = applyCommand(
    balint,
    progressAt(JUDGING, { phaseStartedAt: 0 }),
    {
      type: 'splitGroups',
      groups: [
        ['anna', 'bram'],
        ['carla', 'daan'],
      ],
    },
    1000,
  )
  if (!r.ok) throw new Error(r.error)
  const groups = r.progress.groups as GroupSplit
  const [pair1, pair2] = groups.groups.map((g) => g.id)
  const slots = slotsFor(noteArea(balint, 'adviezen'), 4)
  const note = (id: string, author: string, groupId?: string): BoardRecord => {
    const r = noteRecord({ id: `shape:${id}`, ...slots[0]!, authorId: author, text: 'luisteren' })
    return groupId ? { ...r, meta: { ...r.meta, groupId } } : r
  }
  const create = (r: BoardRecord): RecordChange => ({ id: r.id, prev: null, next: r })
  const judge = (author: string, changes: RecordChange[], existing: BoardRecord[] = []) =>
    judgeOnBoard(balint, 'oordeelsvorming', { participantId: author, role: 'deelnemer' }, changes, existing, {
      groups,
    })

  it('accepts a note with its author’s own pair', () => {
    expect(judge('anna', [create(note('a1', 'anna', pair1))]).ok).toBe(true)
  })

  it('refuses another pair’s tag and an untagged note while the pairs work', () => {
    const wrong = judge('anna', [create(note('a1', 'anna', pair2))])
    expect(wrong.ok).toBe(false)
    if (!wrong.ok) expect(wrong.reason.nl).toContain('eigen paar')
    expect(judge('anna', [create(note('a2', 'anna'))]).ok).toBe(false)
  })

  it('refuses a pair tag from someone in no pair, and any tag outside the pairs’ phase', () => {
    expect(judge('eva', [create(note('e1', 'eva', pair1))]).ok).toBe(false)
    expect(judge('eva', [create(note('e2', 'eva'))]).ok).toBe(true)
    const later = judgeOnBoard(
      balint,
      'besluit',
      { participantId: 'anna', role: 'begeleider' },
      [create(note('a3', 'anna', pair1))],
      [],
      { groups },
    )
    expect(later.ok).toBe(false)
  })

  it('refuses moving a note to another pair afterwards', () => {
    const mine = note('a1', 'anna', pair1)
    const moved = { ...mine, meta: { ...mine.meta, groupId: pair2 } }
    expect(judge('anna', [{ id: mine.id, prev: mine, next: moved }], [mine]).ok).toBe(false)
    const edited = { ...mine, x: (mine.x as number) + 5 }
    expect(judge('anna', [{ id: mine.id, prev: mine, next: edited }], [mine]).ok).toBe(true)
  })
})
