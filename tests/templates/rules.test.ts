import { describe, expect, it } from 'vitest'
import type { RoleId } from '../../shared/schema'
import type { Template } from '../../shared/templateSchema'
import { builtinTemplates, byRef, can, entry, phaseOf, phasesWhere } from './support'

const PARTICIPANTS: RoleId[] = [
  'inbrenger',
  'deelnemer',
  'binnengroep',
  'buitengroep',
  'observer',
  'verslaglegger',
]

/** Phases in which any participant (not the facilitator) has any action in the zone. */
function openPhases(t: Template, zoneId: string): string[] {
  return t.phases
    .filter((p) =>
      Object.entries(p.zones[zoneId] ?? {}).some(([role, a]) => role !== 'begeleider' && a.can.length > 0),
    )
    .map((p) => p.id)
}

describe('W/N/K rating by the inbrenger only (methods 5 and 13)', () => {
  const cases = [
    {
      ref: '5',
      zones: ['vragen', 'probleemdefinities'],
      ratingPhases: ['vragen-waarderen', 'definities-waarderen'],
    },
    {
      ref: '13',
      zones: ['vragen', 'herformuleringen'],
      ratingPhases: ['vragen-waarderen', 'herformuleringen-waarderen'],
    },
  ]

  it.each(cases)('method $ref: the W/N/K zones are $zones', ({ ref, zones }) => {
    const t = byRef(ref)
    expect(t.zones.filter((z) => z.rating === 'wnk').map((z) => z.id)).toEqual(zones)
  })

  it.each(cases)(
    'method $ref: only the inbrenger rates, in the rating phases only',
    ({ ref, zones, ratingPhases }) => {
      const t = byRef(ref)
      for (const zoneId of zones) {
        for (const role of [...PARTICIPANTS, 'begeleider'] as RoleId[]) {
          const where = phasesWhere(t, zoneId, role, 'rate')
          if (role === 'inbrenger')
            expect(where.filter((id) => ratingPhases.includes(id)).length, zoneId).toBeGreaterThan(0)
          else expect(where, `${zoneId}/${role}`).toEqual([])
        }
      }
      const rated = zones.flatMap((zoneId) => phasesWhere(t, zoneId, 'inbrenger', 'rate'))
      expect([...new Set(rated)].sort()).toEqual([...ratingPhases].sort())
    },
  )

  it('method 5: questions are written in their own phase, three each, and rated in the next', () => {
    const t = byRef('5')
    expect(entry(t, 'vragen-formuleren', 'vragen', 'deelnemer')).toMatchObject({
      can: ['add', 'editOwn'],
      quota: 3,
    })
    expect(can(t, 'vragen-waarderen', 'vragen', 'deelnemer', 'add')).toBe(false)
    expect(can(t, 'vragen-waarderen', 'vragen', 'inbrenger', 'add')).toBe(false)
  })
})

describe('gossip zone: the inbrenger only watches (methods 6, 11 and 15)', () => {
  const cases = [
    { ref: '6', gossip: ['roddelen'] },
    { ref: '11', gossip: ['roddelen'] },
    { ref: '15', gossip: ['roddelen-complimenten', 'roddelen-verbeterpunten'] },
  ]

  it.each(cases)(
    'method $ref: gossip phases $gossip give the inbrenger watch on roddelzone',
    ({ ref, gossip }) => {
      const t = byRef(ref)
      expect(t.zones.map((z) => z.id)).toContain('roddelzone')
      for (const phaseId of gossip) {
        expect(entry(t, phaseId, 'roddelzone', 'inbrenger'), phaseId).toEqual({
          can: [],
          watch: true,
          private: false,
        })
        expect(can(t, phaseId, 'roddelzone', 'deelnemer', 'add'), phaseId).toBe(true)
        expect(can(t, phaseId, 'roddelzone', 'deelnemer', 'editOwn'), phaseId).toBe(true)
      }
    },
  )

  it.each(cases)(
    'method $ref: the gossip phases are exactly those where the inbrenger watches',
    ({ ref, gossip }) => {
      const t = byRef(ref)
      const watching = t.phases.filter((p) => p.zones.roddelzone?.inbrenger?.watch).map((p) => p.id)
      expect(watching).toEqual(gossip)
      expect(phasesWhere(t, 'roddelzone', 'deelnemer', 'add')).toEqual(gossip)
    },
  )

  it('method 6: the inbrenger writes in roddelzone before and after the gossip, and in own notes during it', () => {
    const t = byRef('6')
    for (const phaseId of ['verkenning', 'reacties']) {
      expect(can(t, phaseId, 'roddelzone', 'inbrenger', 'add'), phaseId).toBe(true)
      expect(can(t, phaseId, 'roddelzone', 'inbrenger', 'editOwn'), phaseId).toBe(true)
      expect(can(t, phaseId, 'roddelzone', 'deelnemer', 'add'), phaseId).toBe(false)
    }
    expect(t.phases.map((p) => p.id).indexOf('verkenning')).toBeLessThan(
      t.phases.map((p) => p.id).indexOf('roddelen'),
    )
    expect(t.phases.map((p) => p.id).indexOf('reacties')).toBeGreaterThan(
      t.phases.map((p) => p.id).indexOf('roddelen'),
    )
    expect(can(t, 'roddelen', 'aantekeningen-inbrenger', 'inbrenger', 'add')).toBe(true)
    expect(can(t, 'roddelen', 'aantekeningen-inbrenger', 'deelnemer', 'add')).toBe(false)
  })

  it('method 11: own notes for the inbrenger during gossip, one advice each afterwards', () => {
    const t = byRef('11')
    expect(can(t, 'roddelen', 'aantekeningen-inbrenger', 'inbrenger', 'add')).toBe(true)
    expect(entry(t, 'advisering', 'adviezen', 'deelnemer')?.quota).toBe(1)
    expect(openPhases(t, 'adviezen')).toEqual(['advisering'])
  })

  it('method 15: in the core phases the inbrenger only listens', () => {
    const t = byRef('15')
    for (const [phaseId, zoneId] of [
      ['kern-dilemma', 'kern-dilemma'],
      ['kern-werkwijze', 'kern-werkwijze'],
    ] as const) {
      const phase = phaseOf(t, phaseId)
      expect(phase.zones[zoneId]?.inbrenger?.watch, phaseId).toBe(true)
      for (const [z, byRole] of Object.entries(phase.zones)) {
        expect(byRole.inbrenger?.can ?? [], `${phaseId}/${z}`).toEqual([])
      }
      expect(can(t, phaseId, zoneId, 'deelnemer', 'add')).toBe(true)
    }
    for (const phaseId of ['roddelen-complimenten', 'roddelen-verbeterpunten']) {
      for (const [z, byRole] of Object.entries(phaseOf(t, phaseId).zones)) {
        expect(byRole.inbrenger?.can ?? [], `${phaseId}/${z}`).toEqual([])
      }
    }
  })
})

describe('fishbowl (method 2): inner and outer group', () => {
  const t = byRef('2')
  const elements = ['betrokkenen', 'probleemhebber', 'oorzaken', 'opgelost']

  it('has the binnengroep and buitengroep roles and zones, and the four reformulation flaps', () => {
    expect(t.roles).toEqual(expect.arrayContaining(['binnengroep', 'buitengroep']))
    const ids = t.zones.map((z) => z.id)
    expect(ids).toEqual(
      expect.arrayContaining(['casus', 'binnengroep', 'buitengroep', 'adviezen', 'oogst', ...elements]),
    )
  })

  it('analysis: the inner group writes in its zone, the outer group in its own', () => {
    expect(can(t, 'analyse', 'binnengroep', 'binnengroep', 'add')).toBe(true)
    expect(can(t, 'analyse', 'binnengroep', 'buitengroep', 'add')).toBe(false)
    expect(can(t, 'analyse', 'buitengroep', 'buitengroep', 'add')).toBe(true)
    expect(can(t, 'analyse', 'buitengroep', 'binnengroep', 'add')).toBe(false)
  })

  it('awareness: only the outer group writes; the inner group watches the reformulation', () => {
    const phase = phaseOf(t, 'bewustwording')
    for (const [zoneId, byRole] of Object.entries(phase.zones)) {
      expect(byRole.binnengroep?.can ?? [], zoneId).toEqual([])
      expect(byRole.inbrenger?.can ?? [], zoneId).toEqual([])
    }
    for (const zoneId of elements) {
      expect(can(t, 'bewustwording', zoneId, 'buitengroep', 'add'), zoneId).toBe(true)
      expect(entry(t, 'bewustwording', zoneId, 'binnengroep')?.watch, zoneId).toBe(true)
      expect(openPhases(t, zoneId), zoneId).toEqual(['bewustwording'])
    }
  })

  it('problem solving: the outer group proposes, the inner group reacts in its own zone', () => {
    expect(phasesWhere(t, 'adviezen', 'buitengroep', 'add')).toEqual(['probleemoplossing'])
    expect(phasesWhere(t, 'adviezen', 'binnengroep', 'add')).toEqual([])
    expect(can(t, 'probleemoplossing', 'binnengroep', 'binnengroep', 'add')).toBe(true)
  })
})

describe('modelling (method 12): five flaps, the inbrenger takes part', () => {
  const t = byRef('12')
  const flaps = [
    'visie-op-de-situatie',
    'normen-en-waarden',
    'vaardigheden',
    'gedrag',
    'gebruik-van-de-omgeving',
  ]

  it('has exactly the five modelling flaps', () => {
    const opened = new Set(Object.keys(phaseOf(t, 'modelling').zones))
    expect([...opened].sort()).toEqual([...flaps].sort())
    for (const id of flaps) expect(t.zones.find((z) => z.id === id)?.kind, id).toBe('flap')
  })

  it('opens them in the modelling phase only, for deelnemers and the inbrenger alike', () => {
    for (const id of flaps) {
      expect(openPhases(t, id), id).toEqual(['modelling'])
      expect(can(t, 'modelling', id, 'inbrenger', 'add'), id).toBe(true)
      expect(can(t, 'modelling', id, 'deelnemer', 'add'), id).toBe(true)
    }
  })
})

describe('private writing, revealed later (G1, G2, G4, 14)', () => {
  const cases = [
    {
      ref: 'G1',
      zone: 'wat-speelt-er',
      writes: 'ieder-voor-zich',
      reveals: 'ophalen',
      role: 'deelnemer' as RoleId,
    },
    {
      ref: 'G2',
      zone: 'adviezen',
      writes: 'adviezen',
      reveals: 'advies-kiezen',
      role: 'deelnemer' as RoleId,
    },
    {
      ref: '14',
      zone: 'associaties',
      writes: 'associeren',
      reveals: 'beeld-vormen',
      role: 'deelnemer' as RoleId,
    },
    {
      ref: '14',
      zone: 'adviezen',
      writes: 'oordelen-individueel',
      reveals: 'oordeelsvorming',
      role: 'deelnemer' as RoleId,
    },
    {
      ref: 'G4',
      zone: 'vragen',
      writes: 'casus-inbreng',
      reveals: 'vragenronde',
      role: 'deelnemer' as RoleId,
    },
  ]

  it.each(cases)('$ref: $zone is written privately in $writes and revealed at $reveals', (c) => {
    const t = byRef(c.ref)
    const access = entry(t, c.writes, c.zone, c.role)
    expect(access?.private).toBe(true)
    expect(access?.can).toContain('add')
    expect(phaseOf(t, c.reveals).reveals).toContain(c.zone)
    const ids = t.phases.map((p) => p.id)
    expect(ids.indexOf(c.reveals)).toBeGreaterThan(ids.indexOf(c.writes))
    expect(t.phases.filter((p) => p.reveals.includes(c.zone)).map((p) => p.id)).toEqual([c.reveals])
  })

  it('G1: the inbrenger does not write what is going on', () => {
    expect(phasesWhere(byRef('G1'), 'wat-speelt-er', 'inbrenger', 'add')).toEqual([])
  })
})

describe('question quotas', () => {
  const cases = [
    { ref: '5', phase: 'vragen-formuleren' },
    { ref: '9', phase: 'vragen-opschrijven' },
    { ref: '11', phase: 'probleemverkenning' },
    { ref: '12', phase: 'open-vragen' },
    { ref: '13', phase: 'open-vragen' },
  ]
  it.each(cases)('method $ref: three questions each in $phase', ({ ref, phase }) => {
    const access = entry(byRef(ref), phase, 'vragen', 'deelnemer')
    expect(access?.quota).toBe(3)
    expect(access?.can).toContain('add')
  })
})

describe('question zones open in the question phases only', () => {
  const cases: Array<{ ref: string; phases: string[] }> = [
    { ref: 'G1', phases: ['doorvragen'] },
    { ref: 'G2', phases: ['verhelderen'] },
    { ref: 'G3', phases: ['analyse'] },
    { ref: 'G4', phases: ['casus-inbreng', 'vragenronde'] },
    { ref: '4', phases: ['probleemverkenning'] },
    { ref: '5', phases: ['vragen-formuleren'] },
    { ref: '6', phases: ['verkenning'] },
    { ref: '7', phases: ['zoeken'] },
    { ref: '9', phases: ['vragen-opschrijven', 'vragenrondes'] },
    { ref: '11', phases: ['probleemverkenning'] },
    { ref: '12', phases: ['open-vragen'] },
    { ref: '13', phases: ['open-vragen', 'tweede-vragenronde'] },
    { ref: '15', phases: ['presentatie', 'verhelderen'] },
  ]
  it.each(cases)('method $ref: deelnemers add questions in $phases', ({ ref, phases }) => {
    const t = byRef(ref)
    expect(phasesWhere(t, 'vragen', 'deelnemer', 'add')).toEqual(phases)
    expect(phasesWhere(t, 'vragen', 'inbrenger', 'add')).toEqual([])
  })
})

describe('advice zones stay closed until the advice phase', () => {
  const cases: Array<{ ref: string; advice: string; adviser: RoleId }> = [
    { ref: 'G2', advice: 'adviezen', adviser: 'deelnemer' },
    { ref: 'G3', advice: 'advies', adviser: 'deelnemer' },
    { ref: 'G4', advice: 'adviesronde', adviser: 'deelnemer' },
    { ref: '2', advice: 'probleemoplossing', adviser: 'buitengroep' },
    { ref: '4', advice: 'advisering', adviser: 'deelnemer' },
    { ref: '5', advice: 'advisering', adviser: 'deelnemer' },
    { ref: '11', advice: 'advisering', adviser: 'deelnemer' },
    { ref: '14', advice: 'oordelen-individueel', adviser: 'deelnemer' },
  ]
  it.each(cases)('method $ref: adviezen opens at $advice', ({ ref, advice, adviser }) => {
    const t = byRef(ref)
    const ids = t.phases.map((p) => p.id)
    const first = ids.indexOf(advice)
    expect(first).toBeGreaterThan(0)
    expect(can(t, advice, 'adviezen', adviser, 'add')).toBe(true)
    for (const id of ids.slice(0, first)) {
      expect(phaseOf(t, id).zones.adviezen, `${id} comes before the advice phase`).toBeUndefined()
    }
  })
})

describe('quick advice rounds (method 3)', () => {
  const t = byRef('3')

  it('repeats present-topic to evaluation per topic', () => {
    expect(t.repeats).toEqual([
      expect.objectContaining({ from: 'onderwerp-presenteren', to: 'evaluatie', per: 'topic' }),
    ])
    const ids = t.phases.map((p) => p.id)
    expect(ids.indexOf('onderwerp-presenteren')).toBe(1)
    expect(ids.indexOf('evaluatie')).toBe(5)
  })

  it('scores topics 1-10, each member their own, in the inventory', () => {
    expect(t.zones.find((z) => z.id === 'onderwerpen')?.rating).toBe('score10')
    expect(t.zones.find((z) => z.id === 'onderwerpen')?.ratedByAuthor).toBe(true)
    expect(phasesWhere(t, 'onderwerpen', 'inbrenger', 'rate')).toEqual(['inventarisatie'])
    expect(phasesWhere(t, 'onderwerpen', 'deelnemer', 'rate')).toEqual(['inventarisatie'])
  })

  it('has an advisor list per round, open only in its own round', () => {
    for (const n of [1, 2, 3]) {
      expect(openPhases(t, `adviesronde-${n}`)).toEqual([`adviesronde-${n}`])
    }
    expect(t.groundRules.some((r) => /geen discussie/i.test(r.nl))).toBe(true)
  })
})

describe('dominant ideas (method 7)', () => {
  const t = byRef('7')
  it('the inbrenger marks (circles) the recognised ideas, after listening to the inventory', () => {
    expect(t.zones.find((z) => z.id === 'dominante-ideeen')?.rating).toBe('mark')
    expect(phasesWhere(t, 'dominante-ideeen', 'inbrenger', 'rate')).toEqual(['reacties-inbrenger'])
    expect(entry(t, 'inventariseren', 'dominante-ideeen', 'inbrenger')?.watch).toBe(true)
    expect(phasesWhere(t, 'dominante-ideeen', 'deelnemer', 'add')).toEqual(['inventariseren'])
  })
})

describe('Socratic dialogue (method 13)', () => {
  const t = byRef('13')
  it('calls the inbrenger the protagonist', () => {
    expect(t.roleLabels.inbrenger?.en).toBe('protagonist')
    expect(t.roleLabels.inbrenger?.nl).toMatch(/protagonist/)
  })
  it('has steps 6 and 13 optional, and no others', () => {
    expect(t.phases.map((p, i) => (p.optional ? i + 1 : 0)).filter(Boolean)).toEqual([6, 13])
    expect(t.phases[5]?.id).toBe('tweede-vragenronde')
    expect(t.phases[12]?.id).toBe('suggesties')
  })
  it('opens opinions only at the general principles', () => {
    expect(openPhases(t, 'algemene-principes')).toEqual(['algemene-principes'])
    expect(t.groundRules.some((r) => /algemene principes/i.test(r.nl) && /mening/i.test(r.nl))).toBe(true)
  })
})

describe('Balint method (method 14)', () => {
  const t = byRef('14')
  it('keeps the inbrenger silent while the group forms its judgement', () => {
    expect(entry(t, 'oordeelsvorming', 'adviezen', 'inbrenger')?.watch).toBe(true)
  })
  it('states the strictly separated phases as a ground rule', () => {
    expect(t.groundRules.some((r) => /strikt gescheiden/i.test(r.nl))).toBe(true)
  })
  it('has helping and hindering factors', () => {
    expect(t.zones.map((z) => z.id)).toEqual(
      expect.arrayContaining(['belemmerende-factoren', 'bevorderende-factoren']),
    )
  })
})

describe('six phases with reflection report (G4)', () => {
  const t = byRef('G4')
  it('gives the inbrenger a reflection report form with the six questions', () => {
    const report = t.zones.find((z) => z.id === 'reflectieverslag')
    expect(report?.kind).toBe('form')
    expect(report?.hint.nl.match(/\?/g)).toHaveLength(6)
    expect(report?.hint.en.match(/\?/g)).toHaveLength(6)
    expect(report?.hint.nl).toMatch(/adviezen/)
    expect(report?.hint.nl).toMatch(/aandacht/)
  })
  it('only the inbrenger writes it, from the question round on', () => {
    expect(phasesWhere(t, 'reflectieverslag', 'inbrenger', 'add')).toEqual([
      'vragenronde',
      'analyse',
      'adviesronde',
      'evaluatie-afspraken',
    ])
    expect(phasesWhere(t, 'reflectieverslag', 'deelnemer', 'add')).toEqual([])
  })
})

describe('every built-in method', () => {
  it('has at least one method-specific ground rule', () => {
    for (const t of builtinTemplates().values()) expect(t.groundRules.length, t.id).toBeGreaterThan(0)
  })
})
