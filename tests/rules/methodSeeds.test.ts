import { describe, expect, it } from 'vitest'
import type { BoardRecord } from '../../shared/boardRecords'
import { votingZoneOf } from '../../shared/caseVotes'
import { preparationZone } from '../../shared/drafts/preparation'
import { RATING_VALUES } from '../../shared/marks'
import { evaluationZoneFor } from '../../shared/outcome/evaluation'
import type { Actor, RecordChange } from '../../shared/recordPolicy'
import type { RoleId } from '../../shared/schema'
import type { Template } from '../../shared/templateSchema'
import { inZone } from '../helpers/meetingFixture'
import { noteRecord } from '../helpers/records'
import { builtinTemplates } from '../templates/support'
import { judgeAsBrowser, judgeOnBoard } from './judgeOnBoard'

/**
 * Every method as its seed tells it, judged by the function the server runs on every update:
 * per method, what the seed says a role may and may not do in a step (write in a zone, rate),
 * the quotas per person, the case choice where the seed starts with one, and the closing
 * evaluation every member writes. Minutes per step against methods.md: tests/templates/facts.test.ts.
 */
type Fact =
  | { phase: string; role: RoleId; zone: string; may: 'write' | 'rate'; yes: boolean; text?: string }
  | { phase: string; role: RoleId; zone: string; quota: number; text?: string }

interface Seed {
  id: string
  facts: Fact[]
  /** The step where the seed chooses a case by vote, and its list. */
  choice?: { phase: string; zone: string }
  /** Who evaluates at the close, as the seed says: the group, the inbrenger alone, or nobody. */
  evaluation: 'group' | 'inbrenger' | false
}

const w = (phase: string, role: RoleId, zone: string, yes: boolean, text?: string): Fact => ({
  phase,
  role,
  zone,
  may: 'write',
  yes,
  text,
})
const r = (phase: string, role: RoleId, zone: string, yes: boolean): Fact => ({
  phase,
  role,
  zone,
  may: 'rate',
  yes,
})
const q = (phase: string, role: RoleId, zone: string, quota: number, text?: string): Fact => ({
  phase,
  role,
  zone,
  quota,
  text,
})

const SEEDS: Seed[] = [
  {
    id: 'intervisie-8-stappen',
    evaluation: 'group',
    facts: [
      w('casus', 'inbrenger', 'casus', true),
      w('doorvragen', 'deelnemer', 'vragen', true, 'Wat deed je toen?'),
    ],
  },
  {
    id: 'stappenplan-60',
    choice: { phase: 'casus-kiezen', zone: 'casuslijst' },
    evaluation: 'group',
    facts: [
      w(
        'problemen-verzamelen',
        'deelnemer',
        'casuslijst',
        true,
        'Mijn teamleider geeft geen feedback. Hoe vraag ik erom?',
      ),
      w('problemen-verzamelen', 'deelnemer', 'casuslijst', false, 'Een. Twee. Drie zinnen.'),
      w('verhelderen', 'deelnemer', 'vragen', true, 'Wat heb je al geprobeerd?'),
      w('adviezen', 'inbrenger', 'adviezen', false),
      r('advies-kiezen', 'inbrenger', 'adviezen', true),
      r('advies-kiezen', 'deelnemer', 'adviezen', false),
    ],
  },
  {
    id: 'zes-fasenmodel',
    choice: { phase: 'inventarisatie', zone: 'casuslijst' },
    evaluation: 'group',
    facts: [
      w('inventarisatie', 'deelnemer', 'terugblik', true),
      w('analyse', 'deelnemer', 'vragen', true, 'Wat gebeurde er daarna?'),
      w('advies', 'deelnemer', 'adviezen', true),
      w('thema', 'deelnemer', 'ervaringen', true),
      w('evaluatie', 'deelnemer', 'evaluatie', true),
      w('evaluatie', 'inbrenger', 'evaluatie', true),
    ],
  },
  {
    id: 'zes-fasen-reflectieverslag',
    evaluation: 'group',
    facts: [
      w('casus-inbreng', 'inbrenger', 'casus', true),
      w('vragenronde', 'deelnemer', 'vragen', true),
      w('analyse', 'deelnemer', 'analyse', true),
      w('adviesronde', 'deelnemer', 'adviezen', true),
      w('evaluatie-afspraken', 'deelnemer', 'evaluatie', true),
      w('evaluatie-afspraken', 'deelnemer', 'afspraken', true),
    ],
  },
  {
    id: 'vissenkom',
    evaluation: 'group',
    facts: [
      w('analyse', 'buitengroep', 'binnengroep', false),
      w('bewustwording', 'buitengroep', 'oorzaken', true),
      w('bewustwording', 'binnengroep', 'oorzaken', false),
      w('probleemoplossing', 'buitengroep', 'adviezen', true),
      w('evaluatie', 'binnengroep', 'oogst', true),
    ],
  },
  {
    id: 'snelle-adviesrondes',
    // Step 6: the inbrenger says in a sentence what the advice gave them, then the next topic.
    evaluation: 'inbrenger',
    facts: [
      w('inventarisatie', 'deelnemer', 'onderwerpen', true),
      r('inventarisatie', 'deelnemer', 'onderwerpen', true),
      r('inventarisatie', 'inbrenger', 'onderwerpen', true),
      w('adviesronde-1', 'deelnemer', 'adviesronde-1', true),
      w('adviesronde-1', 'inbrenger', 'adviesronde-1', false),
      w('adviesronde-2', 'deelnemer', 'adviesronde-1', false),
      w('evaluatie', 'inbrenger', 'opbrengst', true),
    ],
  },
  {
    id: 'consultatiemethode',
    evaluation: 'group',
    facts: [
      w('probleemverkenning', 'deelnemer', 'vragen', true),
      w('probleemdefinitie', 'deelnemer', 'probleemdefinities', true),
      w('probleemdefinitie', 'inbrenger', 'nieuwe-vraag', true),
      w('advisering', 'deelnemer', 'adviezen', true),
    ],
  },
  {
    id: 'warm-neutraal-koud',
    evaluation: 'group',
    facts: [
      q('vragen-formuleren', 'deelnemer', 'vragen', 3, 'Wat maakt het lastig?'),
      w('vragen-formuleren', 'deelnemer', 'vragen', false, 'Wat maakt het lastig? Wie is erbij betrokken?'),
      r('vragen-waarderen', 'inbrenger', 'vragen', true),
      r('vragen-waarderen', 'deelnemer', 'vragen', false),
      w('vragen-waarderen', 'deelnemer', 'vragen', false),
      w('vragen-beantwoorden', 'deelnemer', 'vragen', false),
      r('definities-waarderen', 'inbrenger', 'probleemdefinities', true),
      w('definitie-inbrenger', 'inbrenger', 'definitie-inbrenger', true),
    ],
  },
  {
    id: 'roddelmethode',
    evaluation: 'group',
    facts: [
      w('roddelen', 'inbrenger', 'roddelzone', false),
      w('roddelen', 'deelnemer', 'roddelzone', true),
      w('roddelen', 'inbrenger', 'aantekeningen-inbrenger', true),
    ],
  },
  {
    id: 'dominante-ideeen',
    evaluation: 'group',
    facts: [
      w('inventariseren', 'deelnemer', 'dominante-ideeen', true),
      w('inventariseren', 'inbrenger', 'dominante-ideeen', false),
      r('reacties-inbrenger', 'inbrenger', 'dominante-ideeen', true),
      w('alternatieven', 'deelnemer', 'alternatieven', true),
    ],
  },
  {
    id: 'stoelenmethode',
    evaluation: 'group',
    facts: [
      w('alternatieven-proberen', 'deelnemer', 'alternatieven', true),
      r('waardering', 'inbrenger', 'alternatieven', true),
      w('uitproberen', 'inbrenger', 'gekozen-alternatief', true),
    ],
  },
  {
    id: 'oplossingsgericht',
    evaluation: 'group',
    facts: [
      q('vragen-opschrijven', 'deelnemer', 'vragen', 3, 'Wanneer ging het wel goed?'),
      w(
        'vragen-opschrijven',
        'deelnemer',
        'vragen',
        false,
        'Wanneer ging het goed? Wat deed je toen? Wie hielp?',
      ),
      w('complimenten', 'deelnemer', 'complimenten', true),
      w('wat-spreekt-aan', 'inbrenger', 'wat-spreekt-aan', true),
      w('evaluatie', 'deelnemer', 'evaluatie', true),
    ],
  },
  {
    id: 'intuitieve-methode',
    choice: { phase: 'inventarisatie', zone: 'onderwerpen' },
    evaluation: 'group',
    facts: [
      w('inventarisatie', 'deelnemer', 'onderwerpen', true),
      w('afronden', 'inbrenger', 'actieplan', true),
    ],
  },
  {
    id: 'roddelmethode-met-advies',
    evaluation: 'group',
    facts: [
      q('probleemverkenning', 'deelnemer', 'vragen', 3, 'Hoe reageerde je collega?'),
      w('probleemverkenning', 'deelnemer', 'vragen', false, 'Hoe reageerde je collega? En je team? En jij?'),
      w('roddelen', 'inbrenger', 'roddelzone', false),
      q('advisering', 'deelnemer', 'adviezen', 1),
      w('evaluatie', 'deelnemer', 'evaluatie', true),
    ],
  },
  {
    id: 'modelling',
    choice: { phase: 'casus-kiezen', zone: 'casuslijst' },
    evaluation: 'group',
    facts: [
      w('casus-kiezen', 'deelnemer', 'casuslijst', true),
      q('open-vragen', 'deelnemer', 'vragen', 3, 'Wat wilde je bereiken?'),
      w('modelling', 'inbrenger', 'vaardigheden', true),
      w('modelling', 'deelnemer', 'gedrag', true),
      w('reflectie', 'deelnemer', 'gedrag', false),
      w('evaluatie', 'deelnemer', 'evaluatie', true),
    ],
  },
  {
    id: 'socratisch-gesprek',
    evaluation: false,
    facts: [
      q('open-vragen', 'deelnemer', 'vragen', 3, 'Wat betekent twijfel voor jou?'),
      w('open-vragen', 'deelnemer', 'vragen', false, 'Wat betekent twijfel? Wanneer twijfel je? Waarom?'),
      r('vragen-waarderen', 'inbrenger', 'vragen', true),
      w('antwoorden', 'deelnemer', 'vragen', false),
      q('herformuleren', 'deelnemer', 'herformuleringen', 1, 'Mijn eigen twijfel is of ik goed genoeg ben.'),
      w(
        'herformuleren',
        'deelnemer',
        'herformuleringen',
        false,
        'Mijn eigen twijfel is groot. Ik weet het niet. Echt niet.',
      ),
      r('herformuleringen-waarderen', 'inbrenger', 'herformuleringen', true),
    ],
  },
  {
    id: 'balintmethode',
    choice: { phase: 'probleemkeuze', zone: 'onderwerpen' },
    evaluation: false,
    facts: [
      w('problemen-verzamelen', 'deelnemer', 'onderwerpen', true),
      w('associeren', 'deelnemer', 'associaties', true),
      w('oordeelsvorming', 'inbrenger', 'adviezen', false),
      w('besluit', 'inbrenger', 'besluit', true),
    ],
  },
  {
    id: 'collegiale-consultatie',
    evaluation: 'group',
    facts: [
      w('verhelderen', 'deelnemer', 'vragen', true),
      w('kern-dilemma', 'inbrenger', 'kern-dilemma', false),
      w('roddelen-complimenten', 'inbrenger', 'roddelzone', false),
      w('roddelen-verbeterpunten', 'deelnemer', 'roddelzone', true),
      w('evaluatie', 'deelnemer', 'afspraken', true),
    ],
  },
]

const templates = builtinTemplates()
let serial = 0
function note(t: Template, zoneId: string, author: string, text: string, rating?: string): BoardRecord {
  const at = inZone(t, zoneId, (serial % 4) * 10)
  return noteRecord({ id: `shape:s${++serial}`, ...at, authorId: author, text, rating })
}
const add = (rec: BoardRecord): RecordChange => ({ id: rec.id, prev: null, next: rec })

function check(t: Template, fact: Fact) {
  const actor: Actor = { participantId: 'p1', role: fact.role }
  const where = `${t.id} ${fact.phase}: ${fact.role} in ${fact.zone}`
  if ('quota' in fact) {
    const text = fact.text ?? 'Een notitie.'
    const mine = Array.from({ length: fact.quota }, () => note(t, fact.zone, 'p1', text))
    const within = judgeAsBrowser(t, fact.phase, actor, [add(note(t, fact.zone, 'p1', text))], mine.slice(1))
    expect(within.ok, `${where}: note ${fact.quota} of ${fact.quota}`).toBe(true)
    const over = judgeAsBrowser(t, fact.phase, actor, [add(note(t, fact.zone, 'p1', text))], mine)
    expect(over.ok, `${where}: note ${fact.quota + 1} of ${fact.quota}`).toBe(false)
    return
  }
  if (fact.may === 'write') {
    // Written as a browser writes: in a zone private to the writer, as a draft kept there.
    const v = judgeAsBrowser(t, fact.phase, actor, [
      add(note(t, fact.zone, 'p1', fact.text ?? 'Een notitie.')),
    ])
    expect(v.ok, `${where} writes`).toBe(fact.yes)
    return
  }
  // Rating: a note by its author (p1) or another (p2) already there gets a mark.
  const scale = t.zones.find((z) => z.id === fact.zone)?.rating
  expect(scale, `${where}: a rating scale`).toBeDefined()
  // The last value of the scale: on a W/N/K flip-over "K" (cold) is rated in place as well.
  const value = RATING_VALUES[scale!].at(-1)!
  const before = note(t, fact.zone, 'p1', 'Te waarderen.')
  const after = { ...before, meta: { ...before.meta, rating: value } }
  const v = judgeOnBoard(t, fact.phase, actor, [{ id: before.id, prev: before, next: after }], [before])
  expect(v.ok, `${where} rates ${value}`).toBe(fact.yes)
}

describe.each(SEEDS)('$id as its seed tells it', (seed) => {
  const t = templates.get(seed.id)!

  it('lets each role do in each step what the seed says, and no more', () => {
    expect(t, seed.id).toBeDefined()
    for (const fact of seed.facts) check(t, fact)
  })

  it.runIf(seed.evaluation !== false)(
    'gives every member a place for the evaluation and its score at the close',
    () => {
      const last = t.phases.at(-1)!.id
      const members =
        seed.evaluation === 'inbrenger'
          ? (['inbrenger'] as RoleId[])
          : t.roles.filter((role) => role !== 'begeleider' && role !== 'observer')
      for (const role of members) {
        const zone = evaluationZoneFor(t, last, role)
        expect(zone, `${seed.id}: ${role} evaluates in ${last}`).not.toBeNull()
        const actor: Actor = { participantId: 'p1', role }
        const scored = { ...note(t, zone!, 'p1', 'Het gaf me rust.'), meta: { authorId: 'p1', score: 4 } }
        expect(judgeOnBoard(t, last, actor, [add(scored)]).ok, `${seed.id}: ${role} scores`).toBe(true)
      }
    },
  )

  it.runIf(seed.choice !== undefined)(
    'starts with a case choice: a list, a vote on it, and preparation',
    () => {
      const { phase, zone } = seed.choice!
      const index = t.phases.findIndex((p) => p.id === phase)
      expect(index).toBeGreaterThanOrEqual(0)
      expect(t.zones.find((z) => z.id === zone)?.kind).toBe('list')
      expect(votingZoneOf(t, index)).toBe(zone)
      expect(preparationZone(t)).toBe(zone)
      const opened = t.phases.slice(0, index + 1).some((p) => p.zones[zone]?.deelnemer?.can.includes('add'))
      expect(opened, `${seed.id}: members put cases on ${zone}`).toBe(true)
    },
  )
})
