import { describe, expect, it } from 'vitest'
import { noteArea } from '../../shared/layout'
import type { Actor } from '../../shared/recordPolicy'
import { slotsFor } from '../../shared/slots'
import { noteRecord } from '../helpers/records'
import { builtinTemplates } from '../templates/support'
import { judgeOnBoard } from './judgeOnBoard'

/**
 * Tidying a zone moves everyone's notes into slots: the begeleider may move (not change) anyone's
 * note within any zone in every phase of every method, through the methods' standing access.
 * A participant may not move someone else's note, so only the begeleider gets the tidy button.
 */
const bea: Actor = { participantId: 'bea', role: 'begeleider' }

describe.each([...builtinTemplates().values()].map((t) => [t.id, t] as const))('%s', (_id, t) => {
  it('lets the begeleider move anyone’s note to another slot of its zone, in every phase', () => {
    for (const phase of [{ id: '' }, ...t.phases]) {
      for (const zone of t.zones) {
        const [from, to] = slotsFor(noteArea(t, zone.id), 2)
        const theirs = noteRecord({ id: 'shape:n', ...from!, authorId: 'dirk', text: 'vraag' })
        const moved = { ...theirs, x: to!.x, y: to!.y }
        const v = judgeOnBoard(t, phase.id, bea, [{ id: theirs.id, prev: theirs, next: moved }], [theirs])
        expect(v.ok, `${phase.id || 'before the start'} / ${zone.id}`).toBe(true)
      }
    }
  })

  it('does not let a participant move someone else’s note', () => {
    const zone = t.zones[0]!
    const [from, to] = slotsFor(noteArea(t, zone.id), 2)
    const theirs = noteRecord({ id: 'shape:n', ...from!, authorId: 'ina', text: 'vraag' })
    const moved = { ...theirs, x: to!.x, y: to!.y }
    const dirk: Actor = { participantId: 'dirk', role: 'deelnemer' }
    for (const phase of t.phases) {
      const v = judgeOnBoard(t, phase.id, dirk, [{ id: theirs.id, prev: theirs, next: moved }], [theirs])
      expect(v.ok, phase.id).toBe(false)
    }
  })
})
