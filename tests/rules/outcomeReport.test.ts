import { describe, expect, it } from 'vitest'
import type { SmartAction } from '../../shared/outcome/choices'
import type { OutcomePerson } from '../../shared/outcome/meetingOutcome'
import { REFLECTION_QUESTIONS } from '../../shared/outcome/reflectionPoints'
import { reflectionMarkdown, summaryMarkdown } from '../../shared/outcome/reportMarkdown'
import { byRef } from '../templates/support'
import { ScriptedMeeting } from './outcomeBoard'

/**
 * The reports as Markdown, rendered from the outcome of a scripted method-5 meeting: the summary
 * holds every part of the outcome with marks, authors and the choice; the reflection report the
 * six points of seed 003. Text from the board cannot add Markdown of its own.
 */
const PEOPLE: OutcomePerson[] = [
  { id: 'p-bea', name: 'Bea', role: 'begeleider' },
  { id: 'p-ina', name: 'Ina', role: 'inbrenger' },
  { id: 'p-piet', name: 'Piet', role: 'deelnemer' },
]
const ACTION: SmartAction = {
  specifiek: 'Elk teamlid apart spreken',
  meetbaar: 'Zes gesprekken',
  acceptabel: 'Mijn leidinggevende staat erachter',
  realistisch: 'Een kwartier per week',
  tijdgebonden: 'Voor 1 februari',
}

function played() {
  const m = new ScriptedMeeting(byRef('5'), PEOPLE)
  m.goto('vraagintroductie')
  m.write('Ina', 'casus', 'Mijn team overlegt niet meer')
  m.goto('vragen-formuleren')
  const warm = m.write('Piet', 'vragen', 'Wat wil je zelf bereiken?')
  const cold = m.write('Piet', 'vragen', 'Wie heeft hier last van?')
  m.write('Piet', 'vragen', '# Kop? *vet* <script>x</script>')
  m.goto('vragen-waarderen')
  m.mark('Ina', warm, 'W')
  m.mark('Ina', cold, 'K')
  m.goto('definitie-inbrenger')
  m.write('Ina', 'definitie-inbrenger', 'Hoe laat ik mijn team weer zelf beslissen?')
  m.goto('advisering')
  m.write('Piet', 'adviezen', 'Plan een heidag')
  const chosen = m.write('Piet', 'adviezen', 'Vraag elk teamlid apart')
  m.goto('evaluatie')
  expect(m.choose('Ina', { chosenAdviceId: chosen, action: ACTION })).toEqual({ ok: true })
  m.progress = { ...m.progress, finished: true, chosenCase: 'Overleg in het team' }
  return m
}

const section = (md: string, heading: string) => {
  const start = md.indexOf(`\n## ${heading}\n`)
  expect(start, heading).toBeGreaterThan(-1)
  const end = md.indexOf('\n## ', start + 1)
  return md.slice(start, end < 0 ? undefined : end)
}

describe('the meeting summary in Markdown', () => {
  it('holds the case, the marked questions per mark, the own question, the advice, the choice, the action', () => {
    const md = summaryMarkdown(played().outcome(), { language: 'nl', date: '2 december 2026' })
    expect(md).toMatch(/^# Verslag: Intervisie team Noord\n/)
    expect(md).toContain('- **Methode:** Warm, neutraal, koud (5)')
    expect(md).toContain('- **Datum:** 2 december 2026')
    expect(md).toContain('- **Stand:** afgerond')
    expect(md).toContain('- **Inbrenger:** Ina')
    expect(section(md, 'Casus')).toContain('**Gekozen casus:** Overleg in het team')
    expect(section(md, 'Casus')).toContain('- Mijn team overlegt niet meer — _door Ina_')
    const questions = section(md, 'Vragen')
    expect(questions).toContain('_Warm (W) 1 · Neutraal (N) 0 · Koud (K) 1 · Niet gewaardeerd 1_')
    expect(questions).toMatch(/#### Warm \(W\) \(1\)\n\n- Wat wil je zelf bereiken\? — _door Piet_/)
    expect(questions).toMatch(/#### Koud \(K\) \(1\)\n\n- Wie heeft hier last van\? — _door Piet_/)
    expect(section(md, 'Probleemdefinities van de groep')).toContain('_Niets genoteerd._')
    expect(section(md, 'De vraag of het probleem van de inbrenger')).toContain(
      'Hoe laat ik mijn team weer zelf beslissen?',
    )
    expect(section(md, 'Adviezen')).toContain('- Vraag elk teamlid apart — _door Piet_ **(gekozen)**')
    expect(section(md, 'Adviezen')).not.toContain('heidag — _door Piet_ **(gekozen)**')
    expect(section(md, 'Gekozen advies')).toContain('> Vraag elk teamlid apart — _door Piet_')
    const action = section(md, 'Actie (SMART)')
    for (const line of [
      '- **Specifiek:** Elk teamlid apart spreken',
      '- **Meetbaar:** Zes gesprekken',
      '- **Acceptabel:** Mijn leidinggevende staat erachter',
      '- **Realistisch:** Een kwartier per week',
      '- **Tijdgebonden:** Voor 1 februari',
    ])
      expect(action).toContain(line)
    expect(section(md, 'Evaluatie')).toContain('_Niets genoteerd._')
  })

  it('escapes Markdown and HTML in text from the board', () => {
    const md = summaryMarkdown(played().outcome(), { language: 'nl' })
    expect(md).toContain('- \\# Kop? \\*vet\\* \\<script\\>x\\</script\\>')
    expect(md).not.toContain('<script>')
  })

  it('is written in English for an English reader, and says what is missing', () => {
    const m = new ScriptedMeeting(byRef('5'), PEOPLE)
    const md = summaryMarkdown(m.outcome(), { language: 'en' })
    expect(md).toMatch(/^# Summary: /)
    expect(md).toContain('- **Method:** Warm, neutral, cold (5)')
    expect(section(md, 'Chosen advice')).toContain('_Not chosen yet._')
    expect(section(md, 'Action (SMART)')).toContain('_Not filled in yet._')
  })
})

describe('what else the group worked out (zones with outcome "discussion")', () => {
  it('is reported under each zone’s own title, only where something was written', () => {
    const m = new ScriptedMeeting(byRef('9'), PEOPLE)
    m.goto('complimenten')
    m.write('Piet', 'complimenten', 'Je blijft rustig als het spannend wordt')
    m.goto('reflectie')
    m.write('Piet', 'sterktes', 'Een collega die altijd meedenkt')
    for (const [language, heading, zones, by] of [
      ['nl', 'Verder besproken', ['### Complimenten', '### Sterktes en hulpbronnen'], 'door'],
      ['en', 'Also discussed', ['### Compliments', '### Strengths and resources'], 'by'],
    ] as const) {
      const part = section(summaryMarkdown(m.outcome(), { language }), heading)
      for (const title of zones) expect(part).toContain(title)
      expect(part).toContain(`- Een collega die altijd meedenkt — _${by} Piet_`)
      // Nothing was written about exceptions: no empty heading for it.
      expect(part).not.toMatch(/Uitzonderingen|Exceptions/)
    }
  })

  it('is left out when nothing was written in those zones', () => {
    const md = summaryMarkdown(played().outcome(), { language: 'nl' })
    expect(md).not.toContain('Verder besproken')
  })
})

describe('the reflection report in Markdown', () => {
  it('has the meeting in short and the six points of seed 003, answered or still open', () => {
    const m = played()
    const md = reflectionMarkdown(m.outcome(), { gevoelens: 'Opgelucht.\nEn moe.' }, { language: 'nl' })
    expect(md).toMatch(/^# Reflectieverslag: Intervisie team Noord\n/)
    expect(md).toContain('**Gekozen casus:** Overleg in het team')
    expect(md).toContain('- Hoe laat ik mijn team weer zelf beslissen? — _door Ina_')
    expect(md).toContain('> Vraag elk teamlid apart — _door Piet_')
    expect(md).toContain('- **Tijdgebonden:** Voor 1 februari')
    const points = [...md.matchAll(/^## (\d)\. (.+)$/gm)].map((p) => [p[1], p[2]])
    expect(points).toEqual([
      ['1', 'Welke inzichten heb je nu?'],
      ['2', 'Wat heb je met de adviezen binnen de praktijk gedaan?'],
      ['3', 'Wat waren je gevoelens na de bespreking?'],
      ['4', 'Hoe heb je de adviezen ervaren?'],
      ['5', 'Denk je dat er nu iets ten goede veranderd is?'],
      ['6', 'Is er iets blijven liggen wat aandacht vraagt?'],
    ])
    expect(md).toContain(`## 3. ${REFLECTION_QUESTIONS.gevoelens.nl}\n\nOpgelucht.  \nEn moe.\n`)
    expect(md.match(/_\(nog in te vullen\)_/g)).toHaveLength(5)
  })
})
