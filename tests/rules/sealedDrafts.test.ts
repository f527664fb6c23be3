import { describe, expect, it } from 'vitest'
import { draftZonesAt, draftZonesFor, mayPrepare, preparationZone } from '../../shared/drafts/preparation'
import { privatePresence } from '../../shared/drafts/presencePrivacy'
import { zonesRevealed } from '../../shared/drafts/sealedDrafts'
import { zoneRect } from '../../shared/layout'
import { method, progressAt } from '../client/support'

/** The shared rules of private writing: which zones hold drafts when, what a move reveals, presence. */
const g1 = method('intervisie-8-stappen')
const g2 = method('stappenplan-60')
const quick = method('snelle-adviesrondes')
const phase = (template: typeof g1, id: string) => template.phases.findIndex((p) => p.id === id)

describe('which zones hold drafts', () => {
  it('has a preparation zone where a method starts by collecting cases in a list, and none elsewhere', () => {
    expect(preparationZone(g2)).toBe('casuslijst')
    expect(preparationZone(quick)).toBe('onderwerpen')
    expect(preparationZone(g1)).toBeNull()
    expect(mayPrepare('deelnemer')).toBe(true)
    expect(mayPrepare('inbrenger')).toBe(true)
    expect(mayPrepare('observer')).toBe(false)
    expect(mayPrepare('begeleider')).toBe(false)
  })

  it('holds drafts before the start in the preparation zone, and in private zones while they are private', () => {
    expect([...draftZonesAt(g2, -1)]).toEqual(['casuslijst'])
    expect([...draftZonesAt(g2, 0)]).toEqual([])
    expect([...draftZonesAt(g1, -1)]).toEqual([])
    expect([...draftZonesAt(g1, phase(g1, 'ieder-voor-zich'))]).toEqual(['wat-speelt-er'])
  })

  it('lets a role store drafts only where it writes privately now: not in a break, not after the end', () => {
    const writing = progressAt(phase(g1, 'ieder-voor-zich'))
    expect(draftZonesFor(g1, writing, 'deelnemer')).toEqual(['wat-speelt-er'])
    expect(draftZonesFor(g1, writing, 'inbrenger')).toEqual([])
    expect(
      draftZonesFor(g1, { ...writing, onBreak: { since: 0, timerWasRunning: true } }, 'deelnemer'),
    ).toEqual([])
    expect(draftZonesFor(g1, { ...writing, finished: true }, 'deelnemer')).toEqual([])
    expect(draftZonesFor(g2, progressAt(-1), 'deelnemer')).toEqual(['casuslijst'])
    expect(draftZonesFor(g2, progressAt(-1), 'observer')).toEqual([])
  })

  it('reveals a private zone on the move that ends its privacy, and the preparation at the start', () => {
    const writing = phase(g1, 'ieder-voor-zich')
    expect(zonesRevealed(g1, writing, writing + 1)).toEqual(['wat-speelt-er'])
    expect(zonesRevealed(g1, writing, phase(g1, 'evaluatie'))).toEqual(['wat-speelt-er'])
    expect(zonesRevealed(g1, writing - 1, writing)).toEqual([])
    expect(zonesRevealed(g2, -1, 0)).toEqual(['casuslijst'])
    expect(zonesRevealed(g1, -1, 0)).toEqual([])
  })
})

describe('presence while people write for themselves', () => {
  const writing = phase(g1, 'ieder-voor-zich')
  const rect = zoneRect(g1, 'wat-speelt-er')
  const presence = (x: number, y: number) => ({
    cursor: { x, y, type: 'default', rotation: 0 },
    selectedShapeIds: ['shape:a'],
    brush: { x: 0, y: 0, w: 5, h: 5 },
    scribbles: [{ id: 's' }],
    chatMessage: 'hallo',
    lastActivityTimestamp: 1_700_000_123_456,
    userName: 'Anna',
  })

  it('shows no cursor at all inside a private zone', () => {
    expect(privatePresence(g1, writing, presence(rect.x + 10, rect.y + 10))).toBeNull()
    expect(privatePresence(g1, writing, presence(rect.x + rect.w, rect.y + rect.h))).toBeNull()
  })

  it('keeps the cursor elsewhere, without any sign of writing', () => {
    const out = privatePresence(g1, writing, presence(rect.x - 50, rect.y)) as Record<string, unknown>
    expect(out).toMatchObject({
      cursor: { x: rect.x - 50 },
      selectedShapeIds: [],
      brush: null,
      scribbles: [],
      chatMessage: '',
      lastActivityTimestamp: 1_700_000_100_000,
      userName: 'Anna',
    })
  })

  it('changes nothing in a phase without private writing', () => {
    const p = presence(rect.x + 10, rect.y + 10)
    expect(privatePresence(g1, writing + 1, p)).toBe(p)
  })
})
