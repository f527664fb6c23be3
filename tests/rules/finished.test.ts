import { describe, expect, it } from 'vitest'
import type { BoardRecord } from '../../shared/boardRecords'
import { boardLayout } from '../../shared/layout'
import { accessFor, FINISHED_PHASE_ID } from '../../shared/permissions'
import { applyCommand, rulePhaseId } from '../../shared/phaseMachine'
import type { Actor, RecordChange } from '../../shared/recordPolicy'
import type { RoleId } from '../../shared/schema'
import { progressAt } from '../client/support'
import { noteRecord } from '../helpers/records'
import { builtinTemplates } from '../templates/support'
import { judgeOnBoard } from './judgeOnBoard'

/**
 * After "Afgerond" the board is read-only for everyone, the begeleider included: the rules judge
 * against FINISHED_PHASE_ID (rulePhaseId), which opens nothing. Going back to a phase opens it again.
 */
const wnk = builtinTemplates().get('warm-neutraal-koud')!
const lastPhase = wnk.phases.length - 1
const evaluation = boardLayout(wnk).find((r) => r.zoneId === 'evaluatie')!
const actor = (role: RoleId): Actor => ({ participantId: `p-${role}`, role, name: role })
const noteBy = (role: RoleId, id: string, x = evaluation.x + 20, y = evaluation.y + 60): BoardRecord =>
  noteRecord({ id, x, y, authorId: `p-${role}`, text: 'wat ik meeneem' })
const create = (r: BoardRecord): RecordChange[] => [{ id: r.id, prev: null, next: r }]

describe('the phase the rules judge against', () => {
  it('is the current phase while the meeting runs, none before the start, FINISHED after "Afgerond"', () => {
    expect(rulePhaseId(wnk, progressAt(-1))).toBe('')
    expect(rulePhaseId(wnk, progressAt(lastPhase))).toBe('evaluatie')
    const finished = applyCommand(wnk, progressAt(lastPhase), { type: 'finish' }, 1000)
    if (!finished.ok) throw new Error(finished.error)
    expect(rulePhaseId(wnk, finished.progress)).toBe(FINISHED_PHASE_ID)
    // Going back to a phase reopens the board.
    const back = applyCommand(wnk, finished.progress, { type: 'goto', phaseId: 'evaluatie' }, 2000)
    if (!back.ok) throw new Error(back.error)
    expect(rulePhaseId(wnk, back.progress)).toBe('evaluatie')
  })

  it('is no phase id a template can have', () => {
    for (const template of builtinTemplates().values())
      expect(template.phases.some((p) => p.id === FINISHED_PHASE_ID)).toBe(false)
  })
})

describe('after "Afgerond" nobody writes', () => {
  it('the evaluation zone, open in the last phase, is closed to everyone once finished', () => {
    for (const role of ['inbrenger', 'deelnemer'] as RoleId[]) {
      expect(judgeOnBoard(wnk, 'evaluatie', actor(role), create(noteBy(role, `shape:e-${role}`))).ok).toBe(
        true,
      )
      const refused = judgeOnBoard(
        wnk,
        FINISHED_PHASE_ID,
        actor(role),
        create(noteBy(role, `shape:f-${role}`)),
      )
      expect(refused.ok, role).toBe(false)
      if (!refused.ok) expect(refused.reason.nl).toMatch(/afgerond/)
    }
    expect(accessFor(wnk, FINISHED_PHASE_ID, 'evaluatie', 'begeleider').can.size).toBe(0)
  })

  it('the begeleider too: no note anywhere, no move, no removal, no change of the page', () => {
    const begeleider = actor('begeleider')
    const own = noteBy('begeleider', 'shape:b-own', -3000, -3000)
    const theirs = noteBy('deelnemer', 'shape:d-theirs')
    const finished = (changes: RecordChange[], existing: BoardRecord[] = []) =>
      judgeOnBoard(wnk, FINISHED_PHASE_ID, begeleider, changes, existing).ok
    expect(finished(create(noteBy('begeleider', 'shape:b-new', -3000, -3000)))).toBe(false)
    expect(finished([{ id: own.id, prev: own, next: { ...own, x: -2900 } }], [own])).toBe(false)
    expect(finished([{ id: theirs.id, prev: theirs, next: null }], [theirs])).toBe(false)
    const page = { id: 'page:page', typeName: 'page', name: 'Warm-neutraal-koud', index: 'a1', meta: {} }
    expect(finished([{ id: page.id, prev: page, next: { ...page, name: 'Anders' } }], [page])).toBe(false)
    // While the meeting ran, the same changes were the begeleider's to make (someone else's
    // evaluation stays theirs: its removal was not, authorship.ts; its place was).
    expect(
      judgeOnBoard(wnk, 'evaluatie', begeleider, [{ id: own.id, prev: own, next: null }], [own]).ok,
    ).toBe(true)
    const moved = { ...theirs, x: theirs.x! + 10 }
    expect(
      judgeOnBoard(wnk, 'evaluatie', begeleider, [{ id: theirs.id, prev: theirs, next: moved }], [theirs]).ok,
    ).toBe(true)
    expect(finished([{ id: theirs.id, prev: theirs, next: moved }], [theirs])).toBe(false)
  })

  it('the inbrenger cannot mark any more', () => {
    const question = boardLayout(wnk).find((r) => r.zoneId === 'vragen')!
    const q = noteBy('deelnemer', 'shape:q', question.x + 20, question.y + 60)
    const marked = { ...q, meta: { ...q.meta, rating: 'W' } }
    const change: RecordChange[] = [{ id: q.id, prev: q, next: marked }]
    expect(judgeOnBoard(wnk, 'vragen-waarderen', actor('inbrenger'), change, [q]).ok).toBe(true)
    expect(judgeOnBoard(wnk, FINISHED_PHASE_ID, actor('inbrenger'), change, [q]).ok).toBe(false)
  })
})
