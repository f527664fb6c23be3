import { describe, expect, it } from 'vitest'
import type { OutcomePerson } from '../../shared/outcome/meetingOutcome'
import { summaryMarkdown } from '../../shared/outcome/reportMarkdown'
import { byRef } from '../templates/support'
import { ScriptedMeeting } from './outcomeBoard'

/** The marks' tally in the summary names "not rated" only when a note is not rated. */
const PEOPLE: OutcomePerson[] = [
  { id: 'p-bea', name: 'Bea', role: 'begeleider' },
  { id: 'p-ina', name: 'Ina', role: 'inbrenger' },
  { id: 'p-piet', name: 'Piet', role: 'deelnemer' },
]

describe('the tally of marks', () => {
  it('leaves "not rated" out when every question has its mark', () => {
    const m = new ScriptedMeeting(byRef('5'), PEOPLE)
    m.goto('vragen-formuleren')
    const warm = m.write('Piet', 'vragen', 'Wat wil je zelf bereiken?')
    const cold = m.write('Piet', 'vragen', 'Wie heeft hier last van?')
    m.goto('vragen-waarderen')
    m.mark('Ina', warm, 'W')
    m.mark('Ina', cold, 'K')
    const md = summaryMarkdown(m.outcome(), { language: 'nl' })
    expect(md).toContain('_Warm (W) 1 · Neutraal (N) 0 · Koud (K) 1_\n')
    expect(md).not.toContain('Niet gewaardeerd')
  })
})
