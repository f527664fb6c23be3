import { describe, expect, it } from 'vitest'
import { zoneFrameId } from '../../shared/boardRecords'
import { noteArea } from '../../shared/layout'
import type { SmartAction } from '../../shared/outcome/choices'
import type { OutcomePerson } from '../../shared/outcome/meetingOutcome'
import { outcomeZones } from '../../shared/outcome/outcomeZones'
import { noteRecord } from '../helpers/records'
import { builtinTemplates, byRef } from '../templates/support'
import { ScriptedMeeting } from './outcomeBoard'

/**
 * The outcome as data, derived from the board alone: scripted meetings (method 5 and G1) whose
 * every change passes the shared rules, and the outcome then matches what was done: the case,
 * the questions with their marks, the definitions, the inbrenger's own question, the advice and
 * the one chosen, the SMART action, the evaluation.
 */
const PEOPLE: OutcomePerson[] = [
  { id: 'p-bea', name: 'Bea', role: 'begeleider' },
  { id: 'p-ina', name: 'Ina', role: 'inbrenger' },
  { id: 'p-piet', name: 'Piet', role: 'deelnemer' },
  { id: 'p-sara', name: 'Sara', role: 'deelnemer' },
]
const ACTION: SmartAction = {
  specifiek: 'Elk teamlid een kwartier apart spreken',
  meetbaar: 'Zes gesprekken gevoerd',
  acceptabel: 'Mijn leidinggevende staat erachter',
  realistisch: 'Een kwartier per week past in mijn rooster',
  tijdgebonden: 'Voor 1 februari',
}
const texts = (notes: ReadonlyArray<{ text: string }>) => notes.map((n) => n.text)

/** Method 5 played to its evaluation; returns the meeting and the ids worth checking. */
function warmNeutralCold() {
  const m = new ScriptedMeeting(byRef('5'), PEOPLE)
  m.goto('vraagintroductie')
  m.write('Ina', 'casus', 'Mijn team overlegt niet meer')
  m.goto('vragen-formuleren')
  // Each writes for themself (sealed drafts); Sara is quicker.
  const sara = [
    m.write('Sara', 'vragen', 'Wanneer ging het wel goed?'),
    m.write('Sara', 'vragen', 'Wat zegt je leidinggevende?'),
  ]
  const q = [
    m.write('Piet', 'vragen', 'Wat wil je zelf bereiken?'),
    m.write('Piet', 'vragen', 'Wie heeft hier last van?'),
    m.write('Piet', 'vragen', 'Wat heb je al geprobeerd?'),
    ...sara,
  ]
  // Nothing of it on the board before the reveal.
  expect(q.some((id) => m.records.has(id))).toBe(false)
  m.goto('vragen-waarderen')
  // The server placed them in random order; the begeleider puts Sara's in the second row.
  m.arrange('Bea', 'vragen', q)
  m.mark('Ina', q[0]!, 'W')
  m.mark('Ina', q[1]!, 'K')
  m.mark('Ina', q[2]!, 'N')
  m.mark('Ina', q[3]!, 'W')
  m.goto('definities-formuleren')
  const d1 = m.write('Piet', 'probleemdefinities', 'Het team mist een gezamenlijk doel')
  const d2 = m.write('Sara', 'probleemdefinities', 'Ina neemt te veel over')
  m.goto('definities-waarderen')
  m.mark('Ina', d1, 'K')
  m.mark('Ina', d2, 'W')
  m.goto('definitie-inbrenger')
  m.write('Ina', 'definitie-inbrenger', 'Hoe laat ik mijn team weer zelf beslissen?')
  m.goto('advisering')
  m.write('Piet', 'adviezen', 'Plan een heidag')
  const chosen = m.write('Sara', 'adviezen', 'Vraag elk teamlid apart wat het nodig heeft')
  m.goto('evaluatie')
  m.write('Piet', 'evaluatie', 'Goed gesprek, de koude vragen hielpen ook')
  return { m, chosen }
}

describe('the outcome of a scripted method-5 meeting', () => {
  it('holds the case, the questions with their marks and authors, counted per mark', () => {
    const { m } = warmNeutralCold()
    m.progress = { ...m.progress, chosenCase: 'Ina: overleg in het team' }
    const outcome = m.outcome()
    expect(outcome.method).toMatchObject({ id: 'warm-neutraal-koud', ref: '5' })
    expect(outcome.chosenCase).toBe('Ina: overleg in het team')
    expect(outcome.zones.case.map((z) => texts(z.notes))).toEqual([['Mijn team overlegt niet meer']])
    const [questions] = outcome.zones.questions
    expect(questions!.id).toBe('vragen')
    // Reading order: the slots row by row.
    expect(questions!.notes.map((n) => [n.text, n.author, n.mark])).toEqual([
      ['Wat wil je zelf bereiken?', 'Piet', 'W'],
      ['Wie heeft hier last van?', 'Piet', 'K'],
      ['Wat heb je al geprobeerd?', 'Piet', 'N'],
      ['Wanneer ging het wel goed?', 'Sara', 'W'],
      ['Wat zegt je leidinggevende?', 'Sara', null],
    ])
    expect(questions!.rating).toEqual({ values: ['W', 'N', 'K'], counts: { W: 2, N: 1, K: 1 }, unrated: 1 })
    expect(outcome.people).toEqual({ inbrenger: ['Ina'], begeleider: ['Bea'], others: ['Piet', 'Sara'] })
  })

  it('holds the definitions with marks, the own question, the advice, the evaluation', () => {
    const { m } = warmNeutralCold()
    const outcome = m.outcome()
    expect(outcome.zones.definitions[0]!.notes.map((n) => [n.text, n.mark])).toEqual([
      ['Het team mist een gezamenlijk doel', 'K'],
      ['Ina neemt te veel over', 'W'],
    ])
    expect(texts(outcome.zones.definition[0]!.notes)).toEqual(['Hoe laat ik mijn team weer zelf beslissen?'])
    expect(outcome.zones.advice[0]!.notes.map((n) => [n.text, n.author])).toEqual([
      ['Plan een heidag', 'Piet'],
      ['Vraag elk teamlid apart wat het nodig heeft', 'Sara'],
    ])
    expect(outcome.zones.advice[0]!.rating).toBeNull()
    expect(texts(outcome.zones.evaluation[0]!.notes)).toEqual(['Goed gesprek, de koude vragen hielpen ook'])
    expect(outcome.zones.action).toEqual([])
    expect(outcome.phase).toMatchObject({ index: 9, title: { nl: 'Evaluatie' } })
  })

  it('holds the advice the inbrenger chose and her SMART action, while the advice is in its zone', () => {
    const { m, chosen } = warmNeutralCold()
    expect(m.outcome().chosenAdvice).toBeNull()
    expect(m.outcome().action).toBeNull()
    expect(m.choose('Ina', { chosenAdviceId: chosen, action: ACTION })).toEqual({ ok: true })
    const outcome = m.outcome()
    expect(outcome.chosenAdvice).toMatchObject({ id: chosen, author: 'Sara', zoneId: 'adviezen' })
    expect(outcome.action).toEqual(ACTION)
    // The facilitator moves the note to the evaluation: no longer a chosen advice.
    const note = m.records.get(chosen)!
    const area = noteArea(m.template, 'evaluatie')
    m.do('Bea', [{ id: chosen, prev: note, next: { ...note, x: area.x + 240, y: area.y + 240 } }])
    expect(m.outcome().chosenAdvice).toBeNull()
  })

  it('finds a note by where it is drawn: inside a zone frame, not in the free area, not empty', () => {
    const { m } = warmNeutralCold()
    const area = noteArea(m.template, 'evaluatie')
    const frame = m.records.get(zoneFrameId('evaluatie'))!
    // tldraw puts a note dropped on a frame inside it, in the frame's coordinates.
    const inFrame = noteRecord({
      id: 'shape:framed',
      x: area.x - frame.x! + 240,
      y: area.y - frame.y! + 240,
      parentId: frame.id,
      authorId: 'p-sara',
      text: 'Ik neem de vragen mee',
    })
    m.do('Sara', [{ id: inFrame.id, prev: null, next: inFrame }])
    const free = noteRecord({ id: 'shape:free', x: -3000, y: -3000, authorId: 'p-bea', text: 'Koffie' })
    m.do('Bea', [{ id: free.id, prev: null, next: free }])
    const empty = noteRecord({ id: 'shape:empty', x: area.x + 480, y: area.y, authorId: 'p-piet', text: '' })
    m.do('Piet', [{ id: empty.id, prev: null, next: empty }])
    const outcome = m.outcome()
    expect(texts(outcome.zones.evaluation[0]!.notes)).toEqual([
      'Goed gesprek, de koude vragen hielpen ook',
      'Ik neem de vragen mee',
    ])
    const all = Object.values(outcome.zones).flatMap((zones) => zones.flatMap((z) => texts(z.notes)))
    expect(all).not.toContain('Koffie')
    expect(all).not.toContain('')
  })

  it('knows no author it cannot name and reports "finished" after Afgerond', () => {
    const { m } = warmNeutralCold()
    m.progress = { ...m.progress, finished: true }
    const outcome = m.deriveWith({ participants: PEOPLE.filter((p) => p.name !== 'Sara') })
    expect(outcome.finished).toBe(true)
    expect(outcome.phase).toBeNull()
    expect(outcome.zones.advice[0]!.notes.map((n) => n.author)).toEqual(['Piet', null])
  })
})

describe('the outcome of a scripted G1 meeting (Intervisie in 8 stappen)', () => {
  it('holds the summary as definition, the tips as advice, the SMART zone and form as action', () => {
    const m = new ScriptedMeeting(byRef('G1'), PEOPLE)
    m.goto('casus')
    m.write('Ina', 'casus', 'Een ouder die steeds boos belt')
    m.goto('doorvragen')
    m.write('Piet', 'vragen', 'Wat wil de ouder?')
    m.goto('samenvatten')
    m.write('Sara', 'samenvatting', 'Ina wil grenzen stellen zonder de band te verliezen')
    m.goto('smart-actie')
    const tip = m.write('Piet', 'tips', 'Spreek een vaste belafspraak af')
    m.write('Ina', 'smart-actie', 'Belafspraak maken')
    expect(m.choose('Ina', { chosenAdviceId: tip, action: ACTION })).toEqual({ ok: true })
    m.goto('evaluatie')
    m.write('Sara', 'evaluatie', 'Fijn tempo')
    const outcome = m.outcome()
    expect(texts(outcome.zones.case[0]!.notes)).toEqual(['Een ouder die steeds boos belt'])
    expect(texts(outcome.zones.questions[0]!.notes)).toEqual(['Wat wil de ouder?'])
    expect(texts(outcome.zones.definition[0]!.notes)).toEqual([
      'Ina wil grenzen stellen zonder de band te verliezen',
    ])
    expect(outcome.chosenAdvice?.text).toBe('Spreek een vaste belafspraak af')
    expect(texts(outcome.zones.action[0]!.notes)).toEqual(['Belafspraak maken'])
    expect(outcome.action).toEqual(ACTION)
    expect(texts(outcome.zones.evaluation[0]!.notes)).toEqual(['Fijn tempo'])
  })
})

describe('outcome kinds in the built-in methods', () => {
  it('every method names its case, and advice where it has a zone called adviezen', () => {
    for (const template of builtinTemplates().values()) {
      expect(
        outcomeZones(template, 'case').map((z) => z.id),
        template.id,
      ).toEqual(['casus'])
      if (template.zones.some((z) => z.id === 'adviezen'))
        expect(
          outcomeZones(template, 'advice').map((z) => z.id),
          template.id,
        ).toContain('adviezen')
    }
  })
})
