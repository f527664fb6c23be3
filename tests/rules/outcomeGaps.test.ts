import { describe, expect, it } from 'vitest'
import type { OutcomePerson } from '../../shared/outcome/meetingOutcome'
import { adviceReached, outcomeGaps } from '../../shared/outcome/outcomeGaps'
import { builtinTemplates, byRef } from '../templates/support'
import { ScriptedMeeting } from './outcomeBoard'

/**
 * The outcome made in the meeting: in a method that ends with advice, what the inbrenger has not
 * done yet (choose the advice, write the action) is known from the board, so the screen can ask
 * for it and finishing can name it.
 */
const PEOPLE: OutcomePerson[] = [
  { id: 'p-bea', name: 'Bea', role: 'begeleider' },
  { id: 'p-ina', name: 'Ina', role: 'inbrenger' },
  { id: 'p-piet', name: 'Piet', role: 'deelnemer' },
]
const ACTION = {
  specifiek: 'Elk teamlid een kwartier apart spreken',
  meetbaar: 'Zes gesprekken',
  acceptabel: 'Mijn leidinggevende staat erachter',
  realistisch: 'Een kwartier per week',
  tijdgebonden: 'Voor 1 februari',
}

describe('what of the outcome is still empty', () => {
  it('is the advice and the action until the inbrenger chose and wrote them (method 5)', () => {
    const wnk = byRef('5')
    const m = new ScriptedMeeting(wnk, PEOPLE)
    m.goto('advisering')
    const advice = m.write('Piet', 'adviezen', 'Plan een kort overleg per week')
    expect(outcomeGaps(wnk, m.outcome())).toEqual(['advice', 'action'])
    m.goto('evaluatie')
    expect(m.choose('Ina', { chosenAdviceId: advice })).toEqual({ ok: true })
    expect(outcomeGaps(wnk, m.outcome())).toEqual(['action'])
    expect(m.choose('Ina', { action: ACTION })).toEqual({ ok: true })
    expect(outcomeGaps(wnk, m.outcome())).toEqual([])
  })

  it('is nothing in a method without advice', () => {
    const noAdvice = [...builtinTemplates().values()].find((t) =>
      t.zones.every((z) => z.outcome !== 'advice'),
    )!
    expect(noAdvice).toBeDefined()
    expect(outcomeGaps(noAdvice, { chosenAdvice: null, action: null })).toEqual([])
  })

  it('is asked for from the advice phase on, and at the end', () => {
    const wnk = byRef('5')
    const phase = (id: string) => wnk.phases.findIndex((p) => p.id === id)
    expect(adviceReached(wnk, phase('vragen-waarderen'), false)).toBe(false)
    expect(adviceReached(wnk, phase('advisering'), false)).toBe(true)
    expect(adviceReached(wnk, phase('evaluatie'), false)).toBe(true)
    expect(adviceReached(wnk, -1, true)).toBe(true)
  })
})
