import { describe, expect, it } from 'vitest'
import type { BoardRecord } from '../../shared/boardRecords'
import { zoneRect } from '../../shared/layout'
import { accessFor, privateZonesAt, REVEAL_PUBLISH_GRACE_MS, revealGraceOpen } from '../../shared/permissions'
import type { Actor, RecordChange } from '../../shared/recordPolicy'
import type { RoleId } from '../../shared/schema'
import type { Template } from '../../shared/templateSchema'
import { noteRecord } from '../helpers/records'
import { builtinTemplates } from '../templates/support'
import { judgeAsBrowser, judgeOnBoard } from './judgeOnBoard'

/**
 * The key cases of the methods, judged by the same function the server runs on every update,
 * on the real templates.
 */
const templates = [...builtinTemplates().values()]
const byId = (id: string) => templates.find((t) => t.id === id)!

const judge = judgeOnBoard
function noteIn(
  template: Template,
  zoneId: string,
  author: string,
  id = `shape:${author}-${zoneId}`,
  dx = 0,
) {
  const r = zoneRect(template, zoneId)
  return noteRecord({ id, x: r.x + 30 + dx, y: r.y + 60, authorId: author, text: id })
}
const add = (r: BoardRecord): RecordChange => ({ id: r.id, prev: null, next: r })
const actor = (role: RoleId): Actor => ({ participantId: role, role })

describe('method 6, Roddelmethode: the inbrenger only watches the gossip zone during gossip', () => {
  const t = byId('roddelmethode')
  it('refuses the inbrenger adding to or moving anything in the gossip zone during gossip', () => {
    expect(judge(t, 'roddelen', actor('inbrenger'), [add(noteIn(t, 'roddelzone', 'inbrenger'))]).ok).toBe(
      false,
    )
    const theirs = noteIn(t, 'roddelzone', 'deelnemer')
    const moved = { ...theirs, x: theirs.x! + 40 }
    expect(
      judge(t, 'roddelen', actor('inbrenger'), [{ id: theirs.id, prev: theirs, next: moved }], [theirs]).ok,
    ).toBe(false)
    const own = noteIn(t, 'roddelzone', 'inbrenger')
    expect(
      judge(
        t,
        'roddelen',
        actor('inbrenger'),
        [{ id: own.id, prev: own, next: { ...own, x: own.x! + 40 } }],
        [own],
      ).ok,
    ).toBe(false)
    expect(judge(t, 'roddelen', actor('inbrenger'), [{ id: own.id, prev: own, next: null }], [own]).ok).toBe(
      false,
    )
  })
  it('lets the deelnemers gossip and the inbrenger write their own notes meanwhile, for herself', () => {
    expect(judge(t, 'roddelen', actor('deelnemer'), [add(noteIn(t, 'roddelzone', 'deelnemer'))]).ok).toBe(
      true,
    )
    const own = noteIn(t, 'aantekeningen-inbrenger', 'inbrenger')
    // Her notes are drafts in her browser (issue 17): over the room they would reach the group.
    expect(judgeAsBrowser(t, 'roddelen', actor('inbrenger'), [add(own)]).ok).toBe(true)
    expect(judge(t, 'roddelen', actor('inbrenger'), [add(own)]).ok).toBe(false)
    const privateIn = (phaseId: string) =>
      privateZonesAt(
        t,
        t.phases.findIndex((p) => p.id === phaseId),
      )
    expect(privateIn('roddelen').has('aantekeningen-inbrenger')).toBe(true)
    expect(privateIn('reacties').has('aantekeningen-inbrenger')).toBe(false)
  })
  it('lets the inbrenger add to the gossip zone before and after gossip', () => {
    expect(judge(t, 'verkenning', actor('inbrenger'), [add(noteIn(t, 'roddelzone', 'inbrenger'))]).ok).toBe(
      true,
    )
    expect(judge(t, 'reacties', actor('inbrenger'), [add(noteIn(t, 'roddelzone', 'inbrenger'))]).ok).toBe(
      true,
    )
  })
})

describe('the gossip zone is watch-only for the inbrenger in every gossip phase (6, 11, 15)', () => {
  for (const id of ['roddelmethode', 'roddelmethode-met-advies', 'collegiale-consultatie']) {
    const t = byId(id)
    const gossip = t.phases.filter((p) => p.id.startsWith('roddelen'))
    it(`${id}: ${gossip.map((p) => p.id).join(', ')}`, () => {
      expect(gossip.length).toBeGreaterThan(0)
      for (const phase of gossip) {
        const r = judge(t, phase.id, actor('inbrenger'), [add(noteIn(t, 'roddelzone', 'inbrenger'))])
        expect(r.ok, phase.id).toBe(false)
        if (!r.ok) expect(r.reason.nl).toMatch(/alleen om te kijken/)
      }
    })
  }
})

describe('W/N/K: only the inbrenger rates (methods 5 and 13)', () => {
  for (const [id, zoneId, phaseId] of [
    ['warm-neutraal-koud', 'vragen', 'vragen-waarderen'],
    ['warm-neutraal-koud', 'probleemdefinities', 'definities-waarderen'],
    ['socratisch-gesprek', 'vragen', 'vragen-waarderen'],
    ['socratisch-gesprek', 'herformuleringen', 'herformuleringen-waarderen'],
  ] as const) {
    it(`${id}: ${zoneId} in ${phaseId}`, () => {
      const t = byId(id)
      const q = noteIn(t, zoneId, 'deelnemer')
      const rate = (who: RoleId, value = 'W') =>
        judge(
          t,
          phaseId,
          actor(who),
          [{ id: q.id, prev: q, next: { ...q, meta: { ...q.meta, rating: value } } }],
          [q],
        ).ok
      expect(rate('inbrenger')).toBe(true)
      expect(rate('inbrenger', 'K')).toBe(true)
      expect(rate('inbrenger', 'lauw')).toBe(false)
      expect(rate('deelnemer')).toBe(false)
      expect(rate('begeleider')).toBe(false)
      expect(rate('observer')).toBe(false)
    })
  }
})

describe('advice zones are closed before the advice phase', () => {
  const withAdvice = templates.filter((t) => t.zones.some((z) => z.id === 'adviezen'))
  it('covers the methods with an advice zone', () => {
    expect(withAdvice.map((t) => t.id)).toContain('warm-neutraal-koud')
    expect(withAdvice.length).toBeGreaterThanOrEqual(8)
  })
  for (const t of withAdvice) {
    it(t.id, () => {
      // The group members who give advice: every role but the begeleider (standing access) and observer.
      const members = t.roles.filter((r) => r !== 'begeleider' && r !== 'observer')
      const opens = (phaseId: string) =>
        members.some((r) => accessFor(t, phaseId, 'adviezen', r).can.has('add'))
      const firstOpen = t.phases.findIndex((p) => opens(p.id))
      expect(firstOpen, 'some phase opens the advice zone').toBeGreaterThan(0)
      for (const phase of t.phases.slice(0, firstOpen)) {
        for (const role of members) {
          const r = judge(t, phase.id, actor(role), [add(noteIn(t, 'adviezen', role))])
          expect(r.ok, `${phase.id} ${role}`).toBe(false)
        }
      }
      const adviser = members.find((r) =>
        accessFor(t, t.phases[firstOpen]!.id, 'adviezen', r).can.has('add'),
      )!
      expect(
        judgeAsBrowser(t, t.phases[firstOpen]!.id, actor(adviser), [add(noteIn(t, 'adviezen', adviser))]).ok,
      ).toBe(true)
    })
  }
  it('method 5 opens advice exactly at "advisering"', () => {
    const t = byId('warm-neutraal-koud')
    const first = t.phases.find((p) => accessFor(t, p.id, 'adviezen', 'deelnemer').can.has('add'))
    expect(first?.id).toBe('advisering')
  })
})

// Method 5's three questions are sealed drafts: the draft service holds them to three
// (tests/server/privateWritingSeeds.test.ts).
describe('quota of three questions on the board (11, 12, 13)', () => {
  for (const [id, phaseId] of [
    ['modelling', 'open-vragen'],
    ['roddelmethode-met-advies', 'probleemverkenning'],
    ['socratisch-gesprek', 'open-vragen'],
  ] as const) {
    it(id, () => {
      const t = byId(id)
      const three = [0, 1, 2].map((i) => noteIn(t, 'vragen', 'deelnemer', `shape:q${i}`, i * 10))
      expect(judge(t, phaseId, actor('deelnemer'), three.map(add)).ok).toBe(true)
      const fourth = noteIn(t, 'vragen', 'deelnemer', 'shape:q3', 40)
      expect(judge(t, phaseId, actor('deelnemer'), [add(fourth)], three).ok).toBe(false)
    })
  }
})

describe('private writing until the reveal (G1, G2, G4, 5, 12, 14)', () => {
  for (const id of [
    'intervisie-8-stappen',
    'stappenplan-60',
    'zes-fasen-reflectieverslag',
    'warm-neutraal-koud',
    'modelling',
    'balintmethode',
  ]) {
    it(id, () => {
      const t = byId(id)
      const firstPrivate = t.phases.findIndex((p) =>
        Object.values(p.zones).some((z) => Object.values(z).some((a) => a?.private)),
      )
      expect(firstPrivate).toBeGreaterThanOrEqual(0)
      const zones = privateZonesAt(t, firstPrivate)
      expect(zones.size).toBeGreaterThan(0)
      for (const zoneId of zones) {
        const reveal = t.phases.findIndex((p, i) => i > firstPrivate && p.reveals.includes(zoneId))
        expect(reveal, `${zoneId} is revealed later`).toBeGreaterThan(firstPrivate)
        expect(privateZonesAt(t, reveal - 1).has(zoneId)).toBe(true)
        expect(privateZonesAt(t, reveal).has(zoneId)).toBe(false)
      }
      expect(privateZonesAt(t, -1).size).toBe(0)
    })
  }
})

describe('the reveal publishes the drafts', () => {
  // A browser without the meeting key publishes its own drafts in the first moments of the phase.
  const grace = { revealGrace: true }
  const judgeInGrace = (t: Template, phaseId: string, role: RoleId, note: BoardRecord) =>
    judge(t, phaseId, actor(role), [add(note)], [], grace).ok

  it('lets the authors of private notes put them on the board at the reveal, and nobody else', () => {
    const t = byId('stappenplan-60')
    const draft = noteIn(t, 'adviezen', 'deelnemer')
    // At the reveal the zone is otherwise closed to deelnemers.
    expect(judgeInGrace(t, 'advies-kiezen', 'deelnemer', draft)).toBe(true)
    // Not before the reveal phase (other than by writing privately), not after it, not for roles that had no private access.
    expect(judgeInGrace(t, 'evaluatie', 'deelnemer', draft)).toBe(false)
    expect(judgeInGrace(t, 'advies-kiezen', 'observer', noteIn(t, 'adviezen', 'observer'))).toBe(false)
    expect(judgeInGrace(t, 'advies-kiezen', 'inbrenger', noteIn(t, 'adviezen', 'inbrenger'))).toBe(false)
  })

  it('closes the zone again once the first moments of the revealing phase are over', () => {
    // Method 5 rates the questions and method 12 walks the flaps: nobody adds to them then.
    for (const [id, phaseId, zoneId] of [
      ['stappenplan-60', 'advies-kiezen', 'adviezen'],
      ['warm-neutraal-koud', 'vragen-waarderen', 'vragen'],
      ['modelling', 'reflectie', 'gedrag'],
    ] as const) {
      const t = byId(id)
      const draft = noteIn(t, zoneId, 'deelnemer')
      expect(judgeInGrace(t, phaseId, 'deelnemer', draft), id).toBe(true)
      expect(judge(t, phaseId, actor('deelnemer'), [add(draft)]).ok, id).toBe(false)
    }
    const started = { phaseStartedAt: 1_000_000 }
    expect(revealGraceOpen(started, started.phaseStartedAt)).toBe(true)
    expect(revealGraceOpen(started, started.phaseStartedAt + REVEAL_PUBLISH_GRACE_MS - 1)).toBe(true)
    expect(revealGraceOpen(started, started.phaseStartedAt + REVEAL_PUBLISH_GRACE_MS)).toBe(false)
  })
})
