import path from 'node:path'
import { describe, expect, it } from 'vitest'
import { BUILTIN_TEMPLATES_DIR, loadTemplates } from '../../server/src/templates/loadTemplates'
import { GENERAL_GROUND_RULES } from '../../shared/groundRules'
import { overlappingZones } from '../../shared/layout'
import type { RoleId } from '../../shared/schema'
import { parseTemplate, type Template } from '../../shared/templateSchema'
import { builtinTemplates, EXPECTED_IDS, readBuiltinFiles } from './support'

const files = readBuiltinFiles()
const templates = [...builtinTemplates().values()]

describe('built-in template files', () => {
  it('has one file per method of methods.md, named after its id', () => {
    expect(files.map((f) => path.basename(f.file)).sort()).toEqual(
      Object.values(EXPECTED_IDS)
        .map((id) => `${id}.json`)
        .sort(),
    )
  })

  it.each(files.map((f) => [path.basename(f.file), f.raw] as const))(
    '%s validates against Template',
    (_name, raw) => {
      const result = parseTemplate(raw)
      expect(result.ok ? [] : result.errors).toEqual([])
    },
  )

  it('every file carries the ref that belongs to its id', () => {
    const refOf = Object.fromEntries(Object.entries(EXPECTED_IDS).map(([ref, id]) => [id, ref]))
    for (const t of templates) expect(t.ref, t.id).toBe(refOf[t.id])
  })

  it('loadTemplates on the built-in directory returns all 18 and no errors', async () => {
    const { templates: loaded, errors } = await loadTemplates([BUILTIN_TEMPLATES_DIR])
    expect(errors).toEqual([])
    expect(loaded).toHaveLength(18)
    expect(loaded.map((t) => t.id).sort()).toEqual(Object.values(EXPECTED_IDS).sort())
  })
})

describe.each(templates.map((t) => [t.id, t] as const))('%s', (_id, t: Template) => {
  const zoneIds = t.zones.map((z) => z.id)

  it('has unique zone and phase ids, and every zone a phase names exists', () => {
    expect(new Set(zoneIds).size).toBe(zoneIds.length)
    expect(new Set(t.phases.map((p) => p.id)).size).toBe(t.phases.length)
    for (const phase of t.phases) {
      for (const zoneId of [...Object.keys(phase.zones), ...phase.reveals]) {
        expect(zoneIds, `${phase.id} names ${zoneId}`).toContain(zoneId)
      }
    }
  })

  it('lays out its zones without overlap, within 4 columns and 3 rows', () => {
    expect(overlappingZones(t)).toEqual([])
    for (const z of t.zones) {
      expect(z.layout.col + z.layout.colSpan, z.id).toBeLessThanOrEqual(4)
      expect(z.layout.row + z.layout.rowSpan, z.id).toBeLessThanOrEqual(3)
    }
  })

  it('has the standard roles and the facilitator’s standing access', () => {
    for (const role of ['begeleider', 'inbrenger', 'deelnemer', 'observer'] as const)
      expect(t.roles).toContain(role)
    expect(t.standingAccess).toEqual({ begeleider: ['add', 'editAny', 'move'] })
  })

  it('gives every zone a title and hint in Dutch and English', () => {
    for (const z of t.zones) {
      for (const text of [z.title, z.hint]) {
        expect(text.nl.trim().length, z.id).toBeGreaterThan(0)
        expect(text.en.trim().length, z.id).toBeGreaterThan(0)
        expect(text.nl, z.id).not.toBe(text.en)
      }
    }
  })

  it('has instructions per phase for begeleider, inbrenger and deelnemer (and the fishbowl groups)', () => {
    const required: RoleId[] = ['begeleider', 'inbrenger', 'deelnemer']
    if (t.roles.includes('binnengroep')) required.push('binnengroep', 'buitengroep')
    for (const phase of t.phases) {
      for (const role of required) {
        const text = phase.instructions[role]
        expect(text?.nl.length ?? 0, `${phase.id}/${role}`).toBeGreaterThan(10)
        expect(text?.en.length ?? 0, `${phase.id}/${role}`).toBeGreaterThan(5)
      }
    }
  })

  it('has a case zone that the inbrenger writes in', () => {
    expect(zoneIds).toContain('casus')
    expect(t.phases.some((p) => p.zones.casus?.inbrenger?.can.includes('add'))).toBe(true)
  })

  it('uses every zone: each one opens for some participant in some phase', () => {
    for (const zoneId of zoneIds) {
      const opened = t.phases.some((p) =>
        Object.entries(p.zones[zoneId] ?? {}).some(([role, a]) => role !== 'begeleider' && a.can.length > 0),
      )
      expect(opened, zoneId).toBe(true)
    }
  })

  it('gives the observer no write access anywhere and never names the begeleider per phase', () => {
    for (const phase of t.phases) {
      for (const [zoneId, byRole] of Object.entries(phase.zones)) {
        expect(byRole.observer?.can ?? [], `${phase.id}/${zoneId}`).toEqual([])
        expect(byRole.begeleider, `${phase.id}/${zoneId}`).toBeUndefined()
      }
    }
    expect(t.standingAccess.observer).toBeUndefined()
  })

  it('grants rate only to the inbrenger (or each author, for their own), on zones with a rating scale', () => {
    const rated = new Set(t.zones.filter((z) => z.rating).map((z) => z.id))
    for (const phase of t.phases) {
      for (const [zoneId, byRole] of Object.entries(phase.zones)) {
        for (const [role, access] of Object.entries(byRole)) {
          if (!access.can.includes('rate')) continue
          // Each scores their own topic (method 3): the rule lets an author rate only their own.
          const ownOnly = t.zones.find((z) => z.id === zoneId)?.ratedByAuthor === true
          if (!ownOnly) expect(role, `${phase.id}/${zoneId}`).toBe('inbrenger')
          expect(rated.has(zoneId), `${phase.id}/${zoneId} has no rating scale`).toBe(true)
        }
      }
    }
    for (const actions of Object.values(t.standingAccess)) expect(actions).not.toContain('rate')
    for (const zoneId of rated) {
      expect(
        t.phases.some((p) => p.zones[zoneId]?.inbrenger?.can.includes('rate')),
        `${zoneId} is rated but never rateable`,
      ).toBe(true)
    }
  })

  it('reveals every privately written zone in a later phase', () => {
    t.phases.forEach((phase, i) => {
      for (const [zoneId, byRole] of Object.entries(phase.zones)) {
        if (!Object.values(byRole).some((a) => a.private)) continue
        const revealedAt = t.phases.findIndex((p) => p.reveals.includes(zoneId))
        expect(revealedAt, `${zoneId} written privately in ${phase.id}`).toBeGreaterThan(i)
      }
    })
  })
})

describe('GENERAL_GROUND_RULES', () => {
  it('holds the ten general rules in Dutch and English', () => {
    expect(GENERAL_GROUND_RULES).toHaveLength(10)
    for (const rule of GENERAL_GROUND_RULES) {
      expect(rule.nl.length).toBeGreaterThan(20)
      expect(rule.en.length).toBeGreaterThan(20)
    }
    expect(new Set(GENERAL_GROUND_RULES.map((r) => r.nl)).size).toBe(10)
  })

  it('keeps the order of the source: voluntary first, phones last', () => {
    const nl = GENERAL_GROUND_RULES.map((r) => r.nl.toLowerCase())
    expect(nl[0]).toMatch(/vrijwillig/)
    expect(nl[1]).toMatch(/gelijken/)
    expect(nl[2]).toMatch(/blijft in deze groep/)
    expect(nl[4]).toMatch(/grens/)
    expect(nl[6]).toMatch(/begeleider/)
    expect(nl[8]).toMatch(/geen advies/)
    expect(nl[8]).toMatch(/één vraag/)
    expect(nl[9]).toMatch(/telefoons/)
  })
})

describe("the inbrenger's own notes during the gossip (6, 11)", () => {
  // She takes no part in the gossip in any way: what she writes meanwhile is hers until she responds.
  for (const id of ['roddelmethode', 'roddelmethode-met-advies']) {
    it(`${id}: private while the group gossips, revealed when she responds`, () => {
      const t = templates.find((x) => x.id === id)!
      const gossip = t.phases.find((p) => p.id === 'roddelen')!
      expect(gossip.zones['aantekeningen-inbrenger']?.inbrenger?.private).toBe(true)
      expect(t.phases.find((p) => p.id === 'reacties')!.reveals).toEqual(['aantekeningen-inbrenger'])
    })
  }
})
