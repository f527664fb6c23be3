import { describe, expect, it } from 'vitest'
import { boardLayout } from '../../shared/layout'
import { accessFor, freeAreaAccess } from '../../shared/permissions'
import type { Actor, RecordChange } from '../../shared/recordPolicy'
import type { RoleId } from '../../shared/schema'
import { parseTemplate, type Template } from '../../shared/templateSchema'
import { noteRecord } from '../helpers/records'
import { builtinTemplates } from '../templates/support'
import { judgeOnBoard } from './judgeOnBoard'

/**
 * The free area (the board outside every zone) follows the method: by default the begeleider may
 * write there; before the start everyone but an observer may; in a phase a participant may only
 * where the phase lets them add to a zone without a quota. A template or a phase can say otherwise.
 */
const wnk = builtinTemplates().get('warm-neutraal-koud')!
const actor = (role: RoleId): Actor => ({ participantId: `p-${role}`, role })
const outside = (role: RoleId, id = `shape:free-${role}`) =>
  noteRecord({ id, x: -3000, y: -3000, authorId: `p-${role}`, text: 'buiten de zones' })
const add = (role: RoleId): RecordChange[] => {
  const note = outside(role)
  return [{ id: note.id, prev: null, next: note }]
}
const judge = (template: Template, phaseId: string, role: RoleId) =>
  judgeOnBoard(template, phaseId, actor(role), add(role))

describe('the default free area', () => {
  it('is open to everyone but an observer before the start, to try the board out', () => {
    for (const role of ['begeleider', 'inbrenger', 'deelnemer'] as RoleId[])
      expect(judge(wnk, '', role).ok, role).toBe(true)
    expect(judge(wnk, '', 'observer').ok).toBe(false)
  })

  it('is closed to participants in the question round of method 5 (a quota of three), open to the begeleider', () => {
    const refused = judge(wnk, 'vragen-formuleren', 'deelnemer')
    expect(refused.ok).toBe(false)
    if (!refused.ok) expect(refused.reason.nl).toMatch(/niets neerzetten/)
    expect(judge(wnk, 'vragen-formuleren', 'inbrenger').ok).toBe(false)
    expect(judge(wnk, 'vragen-formuleren', 'begeleider').ok).toBe(true)
  })

  it('is closed to whoever listens or rates, open where the phase asks them to write freely', () => {
    expect(judge(wnk, 'vragen-waarderen', 'inbrenger').ok).toBe(false)
    expect(judge(wnk, 'vragen-waarderen', 'deelnemer').ok).toBe(false)
    expect(judge(wnk, 'vragen-beantwoorden', 'deelnemer').ok).toBe(false)
    expect(judge(wnk, 'advisering', 'deelnemer').ok).toBe(true)
    expect(judge(wnk, 'advisering', 'inbrenger').ok).toBe(false)
  })

  it('lets a participant move their own note out of a zone only where the free area is open', () => {
    const rect = boardLayout(wnk).find((r) => r.zoneId === 'adviezen')!
    const inZone = noteRecord({
      id: 'shape:advies',
      x: rect.x + 20,
      y: rect.y + 60,
      authorId: 'p-deelnemer',
      text: 'een advies',
    })
    const out: RecordChange = { id: inZone.id, prev: inZone, next: { ...inZone, x: -3000, y: -3000 } }
    expect(judgeOnBoard(wnk, 'advisering', actor('deelnemer'), [out], [inZone]).ok).toBe(true)
    // Same move, but the phase gives no free writing: the note stays in its zone.
    const noFree = withPhaseFreeArea(wnk, 'advisering', { deelnemer: [] })
    expect(judgeOnBoard(noFree, 'advisering', actor('deelnemer'), [out], [inZone]).ok).toBe(false)
  })

  it('is the same in every built-in method: closed in a phase where a participant has a quota', () => {
    for (const template of builtinTemplates().values()) {
      for (const phase of template.phases) {
        for (const [zoneId, byRole] of Object.entries(phase.zones)) {
          for (const [role, access] of Object.entries(byRole)) {
            if (role === 'begeleider' || access?.quota === undefined) continue
            const freely = Object.values(phase.zones).some((r) => {
              const a = r[role as RoleId]
              return a?.can.includes('add') && a.quota === undefined
            })
            expect(
              freeAreaAccess(template, phase.id, role as RoleId).can.has('add'),
              `${template.id}/${phase.id}/${zoneId}/${role}`,
            ).toBe(freely)
          }
        }
      }
    }
  })
})

describe('a method that says where its free area is open', () => {
  it('a template-level entry opens (or closes) the free area in every phase', () => {
    const open = parse({ ...rawOf(wnk), freeArea: { deelnemer: ['add', 'editOwn'] } })
    expect(judge(open, 'vragen-formuleren', 'deelnemer').ok).toBe(true)
    const closed = parse({ ...rawOf(wnk), freeArea: { begeleider: [] } })
    expect(judge(closed, 'vragen-formuleren', 'begeleider').ok).toBe(false)
  })

  it("a phase's entry wins over the template's, for the roles it names", () => {
    const raw = rawOf(wnk)
    raw.freeArea = { deelnemer: ['add', 'editOwn'] }
    const template = withPhaseFreeArea(parse(raw), 'vragen-formuleren', { deelnemer: [] })
    expect(judge(template, 'vragen-formuleren', 'deelnemer').ok).toBe(false)
    expect(judge(template, 'vragen-waarderen', 'deelnemer').ok).toBe(true)
    // A role the phase does not name keeps the template's word (or the default).
    expect(judge(template, 'vragen-formuleren', 'begeleider').ok).toBe(true)
  })

  it('the schema refuses a free area for a role the method does not have', () => {
    const result = parseTemplate({ ...rawOf(wnk), freeArea: { binnengroep: ['add'] } })
    expect(result.ok).toBe(false)
    if (!result.ok) expect(result.errors).toContain('freeArea.binnengroep: role not in roles')
    const phases = rawOf(wnk).phases as Array<Record<string, unknown>>
    phases[1] = { ...phases[1], freeArea: { buitengroep: ['add'] } }
    const inPhase = parseTemplate({ ...rawOf(wnk), phases })
    expect(inPhase.ok).toBe(false)
    if (!inPhase.ok) expect(inPhase.errors).toContain('phases[1].freeArea.buitengroep: role not in roles')
  })

  it('accessFor with no zone is the free area', () => {
    expect([...accessFor(wnk, 'advisering', null, 'deelnemer').can]).toEqual(['add', 'editOwn'])
    expect(accessFor(wnk, 'vragen-formuleren', null, 'deelnemer').can.size).toBe(0)
  })
})

function rawOf(template: Template): Record<string, unknown> {
  return JSON.parse(JSON.stringify(template)) as Record<string, unknown>
}

function parse(raw: unknown): Template {
  const result = parseTemplate(raw)
  if (!result.ok) throw new Error(result.errors.join('\n'))
  return result.template
}

function withPhaseFreeArea(template: Template, phaseId: string, freeArea: Template['freeArea']): Template {
  return {
    ...template,
    phases: template.phases.map((p) => (p.id === phaseId ? { ...p, freeArea } : p)),
  }
}
