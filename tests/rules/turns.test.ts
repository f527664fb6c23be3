import { describe, expect, it } from 'vitest'
import {
  applyCommand,
  MeetingCommand as CommandSchema,
  type MeetingCommand,
  type MeetingProgress,
} from '../../shared/phaseMachine'
import { turnList } from '../../shared/turns'
import { method, progressAt } from '../client/support'

/**
 * Turns ("om de beurt") as the facilitator's commands move them: the order everyone sees, whose
 * turn it is, who has been heard and who passed; next, skip, back, end; a new phase ends the round.
 */
const quick = method('snelle-adviesrondes')
const inPhase = progressAt(1, { phaseStartedAt: 0 })

function run(commands: MeetingCommand[], p: MeetingProgress = inPhase): MeetingProgress {
  for (const cmd of commands) {
    const r = applyCommand(quick, p, cmd, 1000)
    if (!r.ok) throw new Error(r.error)
    p = r.progress
  }
  return p
}
const states = (p: MeetingProgress) => turnList(p.turns!).map((e) => `${e.participantId}:${e.state}`)

describe('turns', () => {
  it('starts over the given order with the first person on turn', () => {
    const p = run([{ type: 'turnsStart', order: ['anna', 'bram', 'carla', 'daan'] }])
    expect(states(p)).toEqual(['anna:current', 'bram:waiting', 'carla:waiting', 'daan:waiting'])
  })

  it('next marks heard, skip marks passed, back returns the turn, until everyone has had theirs', () => {
    const p = run([
      { type: 'turnsStart', order: ['anna', 'bram', 'carla', 'daan'] },
      { type: 'turnsNext' },
      { type: 'turnsSkip' },
      { type: 'turnsNext' },
    ])
    expect(states(p)).toEqual(['anna:heard', 'bram:skipped', 'carla:heard', 'daan:current'])
    const back = run([{ type: 'turnsBack' }], p)
    expect(states(back)).toEqual(['anna:heard', 'bram:skipped', 'carla:current', 'daan:waiting'])
    // Back to the one who passed: heard this time.
    const bram = run([{ type: 'turnsBack' }, { type: 'turnsNext' }], back)
    expect(bram.turns).toMatchObject({ at: 2, heard: ['anna', 'carla', 'bram'], skipped: [] })
    const done = run([{ type: 'turnsNext' }, { type: 'turnsNext' }], bram)
    expect(done.turns?.at).toBe(4)
    expect(states(done)).toEqual(['anna:heard', 'bram:heard', 'carla:heard', 'daan:heard'])
    expect(applyCommand(quick, done, { type: 'turnsNext' }, 1000).ok).toBe(false)
    expect(applyCommand(quick, done, { type: 'turnsSkip' }, 1000).ok).toBe(false)
  })

  it('end clears the round; a new phase ends it too', () => {
    const p = run([{ type: 'turnsStart', order: ['anna', 'bram'] }])
    expect(run([{ type: 'turnsEnd' }], p).turns).toBeNull()
    expect(run([{ type: 'next' }], p).turns).toBeNull()
  })

  it('refuses a round before the start, twice the same person, and moves without a round', () => {
    expect(applyCommand(quick, progressAt(-1), { type: 'turnsStart', order: ['anna'] }, 0).ok).toBe(false)
    expect(applyCommand(quick, inPhase, { type: 'turnsStart', order: ['anna', 'anna'] }, 0).ok).toBe(false)
    expect(applyCommand(quick, inPhase, { type: 'turnsNext' }, 0).ok).toBe(false)
    expect(
      applyCommand(quick, run([{ type: 'turnsStart', order: ['a'] }]), { type: 'turnsBack' }, 0).ok,
    ).toBe(false)
    // The server's schema: a round has someone in it, and not more than 50.
    expect(CommandSchema.safeParse({ type: 'turnsStart', order: [] }).success).toBe(false)
    expect(
      CommandSchema.safeParse({ type: 'turnsStart', order: Array.from({ length: 51 }, (_, i) => `p${i}`) })
        .success,
    ).toBe(false)
  })
})
