import { describe, expect, it } from 'vitest'
import { DOCUMENT_ID } from '../../shared/boardRecords'
import { noteArea } from '../../shared/layout'
import { evaluationZoneFor, withEvaluationAnonymous } from '../../shared/outcome/evaluation'
import type { OutcomePerson } from '../../shared/outcome/meetingOutcome'
import { summaryMarkdown } from '../../shared/outcome/reportMarkdown'
import { SLOT_PITCH } from '../../shared/slots'
import { noteRecord } from '../helpers/records'
import { byRef } from '../templates/support'
import { ScriptedMeeting } from './outcomeBoard'

/**
 * The closing evaluation: notes in the evaluation zone, each with an optional score from 1 to 5,
 * reported with their mean; anonymous in the reports when the facilitator chooses so (a setting
 * in the document record only the facilitator changes). Scripted method-5 meetings.
 */
const PEOPLE: OutcomePerson[] = [
  { id: 'p-bea', name: 'Bea', role: 'begeleider' },
  { id: 'p-ina', name: 'Ina', role: 'inbrenger' },
  { id: 'p-piet', name: 'Piet', role: 'deelnemer' },
  { id: 'p-sara', name: 'Sara', role: 'deelnemer' },
  { id: 'p-olga', name: 'Olga', role: 'observer' },
]

function evaluated() {
  const m = new ScriptedMeeting(byRef('5'), PEOPLE)
  m.goto('advisering')
  m.write('Piet', 'adviezen', 'Plan een heidag')
  m.goto('evaluatie')
  const area = noteArea(m.template, 'evaluatie')
  const scored = (slot: number, who: string, text: string, score?: unknown) => {
    const note = noteRecord({
      id: `shape:eval-${slot}`,
      x: area.x + slot * SLOT_PITCH,
      y: area.y,
      authorId: `p-${who.toLowerCase()}`,
      text,
    })
    m.do(who, [{ id: note.id, prev: null, next: { ...note, meta: { ...note.meta, score } } }])
  }
  scored(0, 'Piet', 'Proces: rustig. Opbrengst: veel.', 4)
  scored(1, 'Sara', 'Proces: goed. Opbrengst: een nieuw idee.', 5)
  scored(2, 'Ina', 'Opbrengst: ik weet wat ik ga doen.')
  // Only 1 to 5 count as a score.
  const wrong = noteRecord({
    id: 'shape:eval-9',
    x: area.x,
    y: area.y + SLOT_PITCH,
    authorId: 'p-sara',
    text: 'x',
  })
  m.do('Sara', [{ id: wrong.id, prev: null, next: { ...wrong, meta: { ...wrong.meta, score: 9 } } }])
  return m
}

describe('the evaluation in the outcome', () => {
  it('holds every evaluation note with its score and the scores’ mean', () => {
    const outcome = evaluated().outcome()
    expect(outcome.zones.evaluation[0]!.notes.map((n) => [n.author, n.score])).toEqual([
      ['Piet', 4],
      ['Sara', 5],
      ['Ina', null],
      ['Sara', null],
    ])
    expect(outcome.evaluation).toEqual({ anonymous: false, count: 2, mean: 4.5 })
    const md = summaryMarkdown(outcome, { language: 'nl' })
    expect(md).toContain('_Gemiddelde score: 4,5 / 5 (2 scores)_')
    expect(md).toContain('- Proces: rustig. Opbrengst: veel. — _door Piet_ (score 4)')
    expect(summaryMarkdown(outcome, { language: 'en' })).toContain('_Average score: 4.5 / 5 (2 scores)_')
  })

  it('is open to those who may add to the evaluation zone in the phase: not the observer', () => {
    const t = byRef('5')
    expect(evaluationZoneFor(t, 'evaluatie', 'deelnemer')).toBe('evaluatie')
    expect(evaluationZoneFor(t, 'evaluatie', 'inbrenger')).toBe('evaluatie')
    expect(evaluationZoneFor(t, 'evaluatie', 'observer')).toBeNull()
    expect(evaluationZoneFor(t, 'advisering', 'deelnemer')).toBeNull()
  })
})

describe('an anonymous evaluation', () => {
  it('is the facilitator’s setting, and leaves the names out of the evaluation only', () => {
    const m = evaluated()
    const doc = m.records.get(DOCUMENT_ID)!
    const anonymous = withEvaluationAnonymous(doc, true)
    for (const who of ['Ina', 'Piet', 'Olga'])
      expect(m.try(who, [{ id: DOCUMENT_ID, prev: doc, next: anonymous }]).ok, who).toBe(false)
    expect(m.outcome().evaluation.anonymous).toBe(false)
    m.do('Bea', [{ id: DOCUMENT_ID, prev: doc, next: anonymous }])
    const outcome = m.outcome()
    expect(outcome.evaluation).toEqual({ anonymous: true, count: 2, mean: 4.5 })
    expect(outcome.zones.evaluation[0]!.notes.map((n) => [n.author, n.authorId, n.score])).toEqual([
      [null, null, 4],
      [null, null, 5],
      [null, null, null],
      [null, null, null],
    ])
    expect(outcome.zones.advice[0]!.notes[0]!.author).toBe('Piet')
    const md = summaryMarkdown(outcome, { language: 'nl' })
    const evaluation = md.slice(md.indexOf('## Evaluatie'))
    expect(evaluation).toContain('_Anoniem: zonder namen._')
    expect(evaluation).not.toMatch(/Piet|Sara|Ina/)
  })
})
