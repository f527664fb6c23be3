import { describe, expect, it } from 'vitest'
import {
  continueSentence,
  instructionFor,
  meetingStage,
  methodRoleLabel,
  stageKey,
  timelineModel,
} from '../../client/src/meeting/panels/phaseModel'
import { applyCommand } from '../../shared/phaseMachine'
import { method, progressAt } from './support'

const roddel = method('roddelmethode')
const snel = method('snelle-adviesrondes')
const vissenkom = method('vissenkom')
const socratisch = method('socratisch-gesprek')
const achtStappen = method('intervisie-8-stappen')

describe('meetingStage', () => {
  it('is "not started" before the first phase and "finished" once finished', () => {
    expect(meetingStage(roddel, progressAt(-1)).kind).toBe('notStarted')
    expect(meetingStage(roddel, progressAt(4, { finished: true })).kind).toBe('finished')
  })

  it('gives the phase and its step number', () => {
    const stage = meetingStage(roddel, progressAt(2))
    expect(stage).toMatchObject({ kind: 'phase', step: 3, steps: 5, repeat: null })
    if (stage.kind === 'phase') expect(stage.phase.id).toBe('roddelen')
  })

  it('gives the round of a repeating block', () => {
    const first = applyCommand(snel, progressAt(4), { type: 'nextRound' }, 1)
    if (!first.ok) throw new Error(first.error)
    const stage = meetingStage(snel, first.progress)
    expect(stage.kind).toBe('phase')
    if (stage.kind !== 'phase') return
    expect(stage.phase.id).toBe('onderwerp-presenteren')
    expect(stage.repeat?.round).toBe(2)
    expect(stage.repeat?.block.per).toBe('topic')
    expect(meetingStage(snel, progressAt(0))).toMatchObject({ kind: 'phase', repeat: null })
  })
})

describe('instructionFor', () => {
  const roddelen = roddel.phases[2]!

  it("reads the role's own instruction", () => {
    expect(instructionFor(roddelen, 'inbrenger')?.nl).toMatch(/^Je zit buiten de kring/)
    expect(instructionFor(roddelen, 'begeleider')?.nl).toMatch(/^Vraag de inbrenger/)
    expect(instructionFor(roddelen, 'observer')?.nl).toMatch(/^Let op de toon/)
  })

  it("falls back to the deelnemer's for the circles and the note-taker, not for observers", () => {
    const deelnemer = roddelen.instructions.deelnemer
    expect(instructionFor(roddelen, 'binnengroep')).toBe(deelnemer)
    expect(instructionFor(roddelen, 'buitengroep')).toBe(deelnemer)
    expect(instructionFor(roddelen, 'verslaglegger')).toBe(deelnemer)
    expect(instructionFor(roddel.phases[0]!, 'observer')).toBeUndefined()
  })

  it('prefers the circles’ own instructions where the method gives them', () => {
    const phase = vissenkom.phases[0]!
    expect(instructionFor(phase, 'binnengroep')).toBe(phase.instructions.binnengroep)
    expect(instructionFor(phase, 'binnengroep')).not.toBe(phase.instructions.deelnemer)
  })
})

describe('methodRoleLabel', () => {
  it("uses the method's own names for renamed roles only", () => {
    expect(methodRoleLabel(socratisch, 'inbrenger')?.nl).toBe('inbrenger (protagonist)')
    expect(methodRoleLabel(roddel, 'inbrenger')).toBeUndefined()
  })
})

describe('timelineModel', () => {
  it('marks every step upcoming before the start, and the total', () => {
    const model = timelineModel(roddel, progressAt(-1))
    expect(model.steps.map((s) => s.status)).toEqual(Array(5).fill('upcoming'))
    expect(model).toMatchObject({ totalMinutes: 60, statedMinutes: null, totalEstimated: false })
  })

  it('marks done, current and upcoming steps', () => {
    const model = timelineModel(roddel, progressAt(2))
    expect(model.steps.map((s) => s.status)).toEqual(['done', 'done', 'current', 'upcoming', 'upcoming'])
    expect(model.steps[2]).toMatchObject({
      number: 3,
      id: 'roddelen',
      minutes: 15,
      optional: false,
      block: null,
    })
  })

  it('marks everything done once finished', () => {
    const model = timelineModel(roddel, progressAt(4, { finished: true }))
    expect(model.steps.every((s) => s.status === 'done')).toBe(true)
  })

  it("names the method's stated total only when it differs from the sum", () => {
    expect(timelineModel(socratisch, progressAt(0))).toMatchObject({ totalMinutes: 100, statedMinutes: 75 })
    expect(socratisch.phases.filter((p) => p.optional)).toHaveLength(2)
    expect(timelineModel(socratisch, progressAt(0)).steps.filter((s) => s.optional)).toHaveLength(2)
  })

  it('marks estimated minutes and an estimated total', () => {
    const model = timelineModel(achtStappen, progressAt(0))
    expect(model.steps.every((s) => s.estimated)).toBe(true)
    expect(model.totalEstimated).toBe(true)
  })

  it('marks the steps of a repeating block', () => {
    const model = timelineModel(snel, progressAt(0))
    expect(model.steps.map((s) => s.block?.id ?? null)).toEqual([
      null,
      'per-onderwerp',
      'per-onderwerp',
      'per-onderwerp',
      'per-onderwerp',
      'per-onderwerp',
    ])
    expect(model).toMatchObject({ totalMinutes: 20, statedMinutes: 15 })
  })
})

describe('stageKey', () => {
  it('changes with the phase, the round and finishing, not with the timer', () => {
    const base = progressAt(1)
    expect(stageKey({ ...base, pausedAt: 5, extraMinutes: 5 })).toBe(stageKey(base))
    expect(stageKey({ ...base, phaseIndex: 2 })).not.toBe(stageKey(base))
    expect(stageKey({ ...base, round: 2 })).not.toBe(stageKey(base))
    expect(stageKey({ ...base, finished: true })).not.toBe(stageKey(base))
  })
})

describe('continueSentence', () => {
  it('lowercases the first letter of an ordinary sentence', () => {
    expect(continueSentence('Luister en maak aantekeningen.')).toBe('luister en maak aantekeningen.')
    expect(continueSentence('Listen and take notes.')).toBe('listen and take notes.')
  })

  it('leaves names, abbreviations and single letters alone', () => {
    expect(continueSentence('IJsselmeer')).toBe('IJsselmeer')
    expect(continueSentence('W/N/K geven')).toBe('W/N/K geven')
    expect(continueSentence('I think')).toBe('I think')
    expect(continueSentence('')).toBe('')
  })
})
