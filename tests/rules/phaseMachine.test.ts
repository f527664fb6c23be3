import { describe, expect, it } from 'vitest'
import {
  applyCommand,
  initialProgress,
  type MeetingCommand,
  type MeetingProgress,
  timerAt,
} from '../../shared/phaseMachine'
import { parseTemplate, type Template } from '../../shared/templateSchema'
import mini from '../fixtures/mini-method.json'

const parsed = parseTemplate({
  ...mini,
  repeats: [
    {
      id: 'per-onderwerp',
      from: 'waarderen',
      to: 'roddelen',
      per: 'topic',
      label: { nl: 'Per onderwerp', en: 'Per topic' },
    },
  ],
})
if (!parsed.ok) throw new Error(parsed.errors.join('\n'))
const template: Template = parsed.template

function run(commands: Array<[MeetingCommand, number]>): MeetingProgress {
  let p = initialProgress(0)
  for (const [cmd, at] of commands) {
    const r = applyCommand(template, p, cmd, at)
    if (!r.ok) throw new Error(r.error)
    p = r.progress
  }
  return p
}

describe('phase machine', () => {
  it('starts before the first phase and walks forward and back', () => {
    expect(initialProgress(0).phaseIndex).toBe(-1)
    const p = run([
      [{ type: 'start' }, 1000],
      [{ type: 'next' }, 2000],
      [{ type: 'next' }, 3000],
      [{ type: 'previous' }, 4000],
    ])
    expect(p.phaseIndex).toBe(1)
    expect(p.phaseStartedAt).toBe(4000)
  })

  it('refuses commands that make no sense now, with a reason', () => {
    const r = applyCommand(template, initialProgress(0), { type: 'previous' }, 0)
    expect(r).toEqual({ ok: false, error: 'there is no previous phase' })
    const last = run([
      [{ type: 'start' }, 0],
      [{ type: 'goto', phaseId: 'advies' }, 0],
    ])
    expect(applyCommand(template, last, { type: 'next' }, 0).ok).toBe(false)
    expect(applyCommand(template, last, { type: 'goto', phaseId: 'nope' }, 0)).toEqual({
      ok: false,
      error: 'unknown phase "nope"',
    })
  })

  it('counts down on the server clock, pauses, extends and shows overrun', () => {
    const p = run([[{ type: 'start' }, 0]]) // 10 minutes
    expect(timerAt(template, p, 4 * 60_000)).toMatchObject({
      remainingMs: 6 * 60_000,
      overrunMs: 0,
      paused: false,
    })
    const paused = run([
      [{ type: 'start' }, 0],
      [{ type: 'pause' }, 60_000],
    ])
    expect(timerAt(template, paused, 9 * 60_000)!.elapsedMs).toBe(60_000)
    const resumed = run([
      [{ type: 'start' }, 0],
      [{ type: 'pause' }, 60_000],
      [{ type: 'resume' }, 120_000],
      [{ type: 'extend', minutes: 5 }, 120_000],
    ])
    const t = timerAt(template, resumed, 20 * 60_000)!
    expect(t.durationMs).toBe(15 * 60_000)
    expect(t.elapsedMs).toBe(19 * 60_000)
    expect(t.overrunMs).toBe(4 * 60_000)
  })

  it('repeats a block per topic: nextRound goes back to its first phase and counts rounds', () => {
    const p = run([
      [{ type: 'start' }, 0],
      [{ type: 'next' }, 0],
      [{ type: 'next' }, 0],
      [{ type: 'nextRound' }, 0],
    ])
    expect(template.phases[p.phaseIndex]!.id).toBe('waarderen')
    expect(p.round).toBe(2)
    const after = run([
      [{ type: 'start' }, 0],
      [{ type: 'goto', phaseId: 'roddelen' }, 0],
      [{ type: 'nextRound' }, 0],
      [{ type: 'goto', phaseId: 'advies' }, 0],
    ])
    expect(after.round).toBe(1)
    const outside = run([[{ type: 'start' }, 0]])
    expect(applyCommand(template, outside, { type: 'nextRound' }, 0).ok).toBe(false)
  })
})
