import { describe, expect, it } from 'vitest'
import { presenceOf, statusOf } from '../../client/src/meeting/presence/presence'

/** Online, away, left: from the presence states the server stamped with each participant. */
const state = (participantId: string, away?: boolean) => ({
  identity: { participantId, name: participantId, role: 'deelnemer' },
  presence: { cursor: { x: 0, y: 0 } },
  ...(away === undefined ? {} : { away }),
})

describe('presence in the participant list', () => {
  it('online with a tab here, away when every tab is away, left without one', () => {
    const present = presenceOf([state('ina'), state('piet', true), state('olga', true), state('olga', false)])
    expect(statusOf(present, 'ina', 'bea')).toBe('online')
    expect(statusOf(present, 'piet', 'bea')).toBe('away')
    expect(statusOf(present, 'olga', 'bea')).toBe('online')
    expect(statusOf(present, 'jan', 'bea')).toBe('left')
  })

  it('an away tab seen after an online one does not hide the online one', () => {
    const present = presenceOf([state('olga', false), state('olga', true)])
    expect(present.get('olga')).toBe('online')
  })

  it('ignores states without the server’s stamp (they are nobody’s)', () => {
    const present = presenceOf([{ presence: {} }, null, 'x', { identity: { participantId: 7 } }])
    expect(present.size).toBe(0)
  })

  it('I am here on my own screen, whatever the room says', () => {
    expect(statusOf(new Map(), 'bea', 'bea')).toBe('online')
  })
})
