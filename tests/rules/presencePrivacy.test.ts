import { describe, expect, it } from 'vitest'
import { privatePresence } from '../../shared/drafts/presencePrivacy'
import { zoneRect } from '../../shared/layout'
import { method } from '../client/support'

/**
 * Presence while people write for themselves, at the edges: the private zone's border counts as
 * inside, a step outside does not; a presence the filter does not understand (no cursor, a cursor
 * without numbers, not an object) never gets through with a sign of writing, and never throws
 * (the server runs this on every presence it passes on).
 */
const g1 = method('intervisie-8-stappen')
const writing = g1.phases.findIndex((p) => p.id === 'ieder-voor-zich')
const rect = zoneRect(g1, 'wat-speelt-er')
const SIGNS = { selectedShapeIds: [], brush: null, scribbles: [], chatMessage: '' }
const presence = (cursor: unknown, activity: unknown = 1_700_000_123_456) => ({
  cursor,
  selectedShapeIds: ['shape:a'],
  brush: { x: 0, y: 0, w: 5, h: 5 },
  scribbles: [{ id: 's' }],
  chatMessage: 'hallo',
  lastActivityTimestamp: activity,
})
const at = (x: number, y: number) => presence({ x, y, type: 'default', rotation: 0 })

describe('the private zone’s edges', () => {
  it('hides a cursor on each corner of the zone, and keeps one a step outside each side', () => {
    for (const [x, y] of [
      [rect.x, rect.y],
      [rect.x + rect.w, rect.y],
      [rect.x, rect.y + rect.h],
      [rect.x + rect.w, rect.y + rect.h],
    ] as const)
      expect(privatePresence(g1, writing, at(x, y)), `${x},${y}`).toBeNull()
    const middle = { x: rect.x + rect.w / 2, y: rect.y + rect.h / 2 }
    for (const [x, y] of [
      [rect.x - 1, middle.y],
      [rect.x + rect.w + 1, middle.y],
      [middle.x, rect.y - 1],
      [middle.x, rect.y + rect.h + 1],
    ] as const) {
      const out = privatePresence(g1, writing, at(x, y)) as Record<string, unknown>
      expect(out, `${x},${y}`).toMatchObject({ cursor: { x, y }, ...SIGNS })
    }
  })
})

describe('a presence the filter does not understand', () => {
  it('passes without any sign of writing when the cursor is missing or not a point', () => {
    for (const cursor of [null, undefined, { x: rect.x + 10 }, { x: rect.x + 10, y: 'midden' }, 'hier'])
      expect(privatePresence(g1, writing, presence(cursor)), JSON.stringify(cursor)).toMatchObject(SIGNS)
  })

  it('keeps activity to the minute, and an activity that is not a number as it is', () => {
    expect(privatePresence(g1, writing, presence(null))).toMatchObject({
      lastActivityTimestamp: 1_700_000_100_000,
    })
    expect(privatePresence(g1, writing, presence(null, 'gisteren'))).toMatchObject({
      lastActivityTimestamp: 'gisteren',
    })
  })

  it('returns what is not a presence object as it came', () => {
    for (const value of [null, undefined, 'tekst', 42, ['a']])
      expect(privatePresence(g1, writing, value)).toBe(value)
  })
})
