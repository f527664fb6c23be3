import { describe, expect, it } from 'vitest'
import { lookBackFrom } from '../../shared/groups/lookBack'
import { LOOK_BACK_CASE_MAX } from '../../shared/groups/lookBackCase'
import type { RotationSuggestion } from '../../shared/groups/rotation'
import type { OutcomePerson } from '../../shared/outcome/meetingOutcome'
import { byRef } from '../templates/support'
import { ScriptedMeeting } from './outcomeBoard'

/**
 * The look-back names last time's case as the group left it: the facilitator's own words when
 * they noted or chose one, else what the inbrenger wrote in the case zone on the board.
 */
const PEOPLE: OutcomePerson[] = [
  { id: 'p-bea', name: 'Bea', role: 'begeleider' },
  { id: 'p-ina', name: 'Ina', role: 'inbrenger' },
  { id: 'p-piet', name: 'Piet', role: 'deelnemer' },
]
const NO_SUGGESTION: RotationSuggestion = { inbrenger: null, begeleider: null }

const lookBackOf = (m: ScriptedMeeting) => lookBackFrom('m-1', 0, m.outcome(), NO_SUGGESTION, [])

describe('the case in the look-back', () => {
  it('is what the inbrenger wrote in the case zone when the facilitator noted none', () => {
    const m = new ScriptedMeeting(byRef('5'), PEOPLE)
    m.goto('vraagintroductie')
    m.write('Ina', 'casus', 'Mijn team overlegt niet meer')
    expect(m.progress.chosenCase).toBeNull()
    expect(lookBackOf(m).chosenCase).toBe('Mijn team overlegt niet meer')
  })

  it('joins several notes of the case zone in reading order', () => {
    const m = new ScriptedMeeting(byRef('5'), PEOPLE)
    m.goto('vraagintroductie')
    m.write('Ina', 'casus', 'Hoe krijg ik mijn team weer aan tafel?', 0)
    m.write('Ina', 'casus', 'Overleg, vertrouwen', 1)
    expect(lookBackOf(m).chosenCase).toBe('Hoe krijg ik mijn team weer aan tafel? · Overleg, vertrouwen')
  })

  it('is the facilitator’s words when they noted the case (Casus noteren or the chosen case)', () => {
    const m = new ScriptedMeeting(byRef('5'), PEOPLE)
    m.goto('vraagintroductie')
    m.write('Ina', 'casus', 'Mijn team overlegt niet meer')
    m.progress = { ...m.progress, chosenCase: 'Een team dat niet meer overlegt' }
    expect(lookBackOf(m).chosenCase).toBe('Een team dat niet meer overlegt')
    // Blank words count as none noted.
    m.progress = { ...m.progress, chosenCase: '   ' }
    expect(lookBackOf(m).chosenCase).toBe('Mijn team overlegt niet meer')
  })

  it('is none when neither the facilitator nor the board holds a case, and is kept to a length', () => {
    const m = new ScriptedMeeting(byRef('5'), PEOPLE)
    expect(lookBackOf(m).chosenCase).toBeNull()
    m.goto('vraagintroductie')
    m.write('Ina', 'casus', `${'lang '.repeat(400)}verhaal`)
    expect(lookBackOf(m).chosenCase!.length).toBe(LOOK_BACK_CASE_MAX)
  })
})
