import { describe, expect, it } from 'vitest'
import type { BoardRecord } from '../../shared/boardRecords'
import { boardLayout } from '../../shared/layout'
import { accessFor, PAUSED_PHASE_ID } from '../../shared/permissions'
import {
  applyCommand,
  type MeetingCommand,
  type MeetingProgress,
  rulePhaseId,
  timerAt,
} from '../../shared/phaseMachine'
import type { Actor, RecordChange } from '../../shared/recordPolicy'
import type { RoleId } from '../../shared/schema'
import { method, progressAt } from '../client/support'
import { noteRecord } from '../helpers/records'
import { judgeOnBoard } from './judgeOnBoard'

/**
 * A break ("Pauze"): the facilitator makes the board read-only for everyone, the begeleider too,
 * by the same rule the server's guard and the client's locks judge against (rulePhaseId), and
 * lifts it; the timer stands still meanwhile.
 */
// Method 12's open questions: written on the board, under a quota (method 5's are sealed drafts).
const m12 = method('modelling')
const questions = boardLayout(m12).find((r) => r.zoneId === 'vragen')!
const phase = m12.phases.findIndex((p) => p.id === 'open-vragen')
const actor = (role: RoleId): Actor => ({ participantId: `p-${role}`, role, name: role })
const question = (id: string): BoardRecord =>
  noteRecord({
    id,
    x: questions.x + 20,
    y: questions.y + 120,
    authorId: 'p-deelnemer',
    text: 'Wat heb je al geprobeerd?',
  })
const create = (r: BoardRecord): RecordChange[] => [{ id: r.id, prev: null, next: r }]
const MIN = 60_000

function run(commands: Array<[MeetingCommand, number]>, p: MeetingProgress): MeetingProgress {
  for (const [cmd, at] of commands) {
    const r = applyCommand(m12, p, cmd, at)
    if (!r.ok) throw new Error(r.error)
    p = r.progress
  }
  return p
}

describe('a break', () => {
  const writing = progressAt(phase, { phaseStartedAt: 0 })
  const onBreak = run([[{ type: 'breakStart' }, 2 * MIN]], writing)

  it('refuses an edit while on a break, and takes it again once the break is lifted', () => {
    const deelnemer = actor('deelnemer')
    expect(judgeOnBoard(m12, rulePhaseId(m12, writing), deelnemer, create(question('shape:q1'))).ok).toBe(
      true,
    )
    expect(rulePhaseId(m12, onBreak)).toBe(PAUSED_PHASE_ID)
    const refused = judgeOnBoard(m12, rulePhaseId(m12, onBreak), deelnemer, create(question('shape:q2')))
    expect(refused.ok).toBe(false)
    if (!refused.ok) expect(refused.reason.nl).toMatch(/^Pauze/)
    const lifted = run([[{ type: 'breakEnd' }, 12 * MIN]], onBreak)
    expect(rulePhaseId(m12, lifted)).toBe('open-vragen')
    expect(judgeOnBoard(m12, rulePhaseId(m12, lifted), deelnemer, create(question('shape:q3'))).ok).toBe(true)
  })

  it('is read-only for the begeleider too: no note, no move, nothing opens', () => {
    const begeleider = actor('begeleider')
    const mine = noteRecord({ id: 'shape:b', x: -3000, y: -3000, authorId: 'p-begeleider', text: 'x' })
    const pausedId = rulePhaseId(m12, onBreak)
    expect(judgeOnBoard(m12, pausedId, begeleider, create(mine)).ok).toBe(false)
    const q = question('shape:q4')
    expect(
      judgeOnBoard(
        m12,
        pausedId,
        begeleider,
        [{ id: q.id, prev: q, next: { ...q, x: questions.x + 30 } }],
        [q],
      ).ok,
    ).toBe(false)
    for (const role of ['begeleider', 'deelnemer', 'inbrenger'] as RoleId[]) {
      expect(accessFor(m12, pausedId, 'vragen', role).can.size).toBe(0)
      expect(accessFor(m12, pausedId, null, role).can.size).toBe(0)
    }
  })

  it('stops the timer and starts it again; a timer paused before stays paused', () => {
    expect(timerAt(m12, onBreak, 12 * MIN)?.elapsedMs).toBe(2 * MIN)
    const lifted = run([[{ type: 'breakEnd' }, 12 * MIN]], onBreak)
    expect(timerAt(m12, lifted, 13 * MIN)?.elapsedMs).toBe(3 * MIN)
    const pausedFirst = run(
      [
        [{ type: 'pause' }, MIN],
        [{ type: 'breakStart' }, 2 * MIN],
        [{ type: 'breakEnd' }, 5 * MIN],
      ],
      writing,
    )
    expect(pausedFirst.pausedAt).toBe(MIN)
  })

  it('ends with a move to another phase or the finish; not twice, not before the start', () => {
    expect(rulePhaseId(m12, run([[{ type: 'next' }, 3 * MIN]], onBreak))).not.toBe(PAUSED_PHASE_ID)
    expect(run([[{ type: 'finish' }, 3 * MIN]], onBreak).onBreak).toBeNull()
    expect(applyCommand(m12, onBreak, { type: 'breakStart' }, 3 * MIN).ok).toBe(false)
    expect(applyCommand(m12, writing, { type: 'breakEnd' }, 3 * MIN).ok).toBe(false)
    expect(applyCommand(m12, progressAt(-1), { type: 'breakStart' }, 0).ok).toBe(false)
  })
})
