import { describe, expect, it } from 'vitest'
import { DOCUMENT_ID } from '../../shared/boardRecords'
import { SMART_FIELD_MAX, type SmartAction, withChoices } from '../../shared/outcome/choices'
import type { OutcomePerson } from '../../shared/outcome/meetingOutcome'
import { FINISHED_PHASE_ID } from '../../shared/permissions'
import { byRef } from '../templates/support'
import { judgeOnBoard } from './judgeOnBoard'
import { ScriptedMeeting } from './outcomeBoard'

/**
 * The inbrenger's choices (the chosen advice, the SMART action) live in the document record and
 * only the inbrenger writes them, with valid content, in a running meeting: the shared rules
 * judge it on both sides (shared/outcome/outcomePolicy.ts).
 */
const PEOPLE: OutcomePerson[] = [
  { id: 'p-bea', name: 'Bea', role: 'begeleider' },
  { id: 'p-ina', name: 'Ina', role: 'inbrenger' },
  { id: 'p-piet', name: 'Piet', role: 'deelnemer' },
  { id: 'p-olga', name: 'Olga', role: 'observer' },
]
const ACTION: SmartAction = {
  specifiek: 'Elk teamlid apart spreken',
  meetbaar: 'Zes gesprekken',
  acceptabel: 'Ja',
  realistisch: 'Een kwartier per week',
  tijdgebonden: 'Voor 1 februari',
}

function meeting() {
  const m = new ScriptedMeeting(byRef('5'), PEOPLE)
  m.goto('vragen-formuleren')
  const question = m.write('Piet', 'vragen', 'Wat wil je zelf bereiken?')
  m.goto('advisering')
  const advice = m.write('Piet', 'adviezen', 'Plan een heidag')
  return { m, question, advice }
}

describe('choosing an advice', () => {
  it('is the inbrenger’s alone: not the facilitator, a participant or an observer', () => {
    const { m, advice } = meeting()
    for (const who of ['Bea', 'Piet', 'Olga']) {
      const verdict = m.choose(who, { chosenAdviceId: advice })
      expect(verdict.ok, who).toBe(false)
    }
    expect(m.choose('Piet', { chosenAdviceId: advice })).toMatchObject({
      ok: false,
      reason: { nl: expect.stringMatching(/Alleen de inbrenger/) },
    })
    expect(m.choose('Ina', { chosenAdviceId: advice })).toEqual({ ok: true })
    // Taking it back, or changing the mind, is hers too.
    expect(m.choose('Bea', { chosenAdviceId: null }).ok).toBe(false)
    expect(m.choose('Ina', { chosenAdviceId: null })).toEqual({ ok: true })
  })

  it('names a note in an advice zone, not a question, nothing, or a zone frame', () => {
    const { m, question } = meeting()
    expect(m.choose('Ina', { chosenAdviceId: question }).ok).toBe(false)
    expect(m.choose('Ina', { chosenAdviceId: 'shape:nothing' }).ok).toBe(false)
    expect(m.choose('Ina', { chosenAdviceId: 'shape:zone-adviezen' }).ok).toBe(false)
    expect(m.choose('Ina', { chosenAdviceId: DOCUMENT_ID }).ok).toBe(false)
  })

  it('waits until advice can be written, and ends with the meeting', () => {
    const { m, advice } = meeting()
    m.goto('definitie-inbrenger')
    expect(m.choose('Ina', { chosenAdviceId: advice })).toMatchObject({
      ok: false,
      reason: { nl: expect.stringMatching(/pas als de adviezen er zijn/) },
    })
    m.goto('evaluatie')
    expect(m.choose('Ina', { chosenAdviceId: advice })).toEqual({ ok: true })
    const prev = m.records.get(DOCUMENT_ID)!
    const change = { id: DOCUMENT_ID, prev, next: withChoices(prev, { chosenAdviceId: null }) }
    const ina = m.actor('Ina')
    expect(judgeOnBoard(m.template, FINISHED_PHASE_ID, ina, [change], [...m.records.values()]).ok).toBe(false)
  })
})

describe('the SMART action', () => {
  it('is written by the inbrenger once the meeting runs, by nobody else', () => {
    const { m } = meeting()
    expect(m.choose('Bea', { action: ACTION }).ok).toBe(false)
    expect(m.choose('Piet', { action: ACTION }).ok).toBe(false)
    expect(m.choose('Ina', { action: ACTION })).toEqual({ ok: true })
    const prev = m.records.get(DOCUMENT_ID)!
    const change = {
      id: DOCUMENT_ID,
      prev,
      next: withChoices(prev, { action: { ...ACTION, meetbaar: 'Vijf' } }),
    }
    const before = judgeOnBoard(m.template, '', m.actor('Ina'), [change], [...m.records.values()])
    expect(before).toMatchObject({ ok: false, reason: { nl: expect.stringMatching(/nog niet begonnen/) } })
  })

  it('has the five fields as text of bounded length, nothing else', () => {
    const { m } = meeting()
    const long = 'x'.repeat(SMART_FIELD_MAX + 1)
    expect(m.choose('Ina', { action: { ...ACTION, tijdgebonden: long } }).ok).toBe(false)
    expect(m.choose('Ina', { action: { ...ACTION, tijdgebonden: 'x'.repeat(SMART_FIELD_MAX) } }).ok).toBe(
      true,
    )
    expect(m.choose('Ina', { action: { ...ACTION, extra: 'x' } as SmartAction }).ok).toBe(false)
    expect(m.choose('Ina', { action: { ...ACTION, meetbaar: 5 } as unknown as SmartAction }).ok).toBe(false)
    const { specifiek: _s, ...four } = ACTION
    expect(m.choose('Ina', { action: four as SmartAction }).ok).toBe(false)
  })
})

describe('the rest of the document record', () => {
  it('stays the facilitator’s: the inbrenger changes the choices only', () => {
    const { m } = meeting()
    const prev = m.records.get(DOCUMENT_ID)!
    const renamed = { ...prev, name: 'Ander bord' }
    expect(m.try('Bea', [{ id: DOCUMENT_ID, prev, next: renamed }])).toEqual({ ok: true })
    const both = withChoices({ ...renamed, name: 'Mijn bord' }, { action: ACTION })
    expect(m.try('Ina', [{ id: DOCUMENT_ID, prev: renamed, next: both }]).ok).toBe(false)
    // The facilitator may not slip a choice in with a settings change.
    const sneaky = withChoices({ ...renamed, gridSize: 20 }, { action: ACTION })
    expect(m.try('Bea', [{ id: DOCUMENT_ID, prev: renamed, next: sneaky }]).ok).toBe(false)
    expect(m.try('Bea', [{ id: DOCUMENT_ID, prev: renamed, next: null }]).ok).toBe(false)
  })
})
