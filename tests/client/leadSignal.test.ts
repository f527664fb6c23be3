import { describe, expect, it } from 'vitest'
import { LEAD_FIELD, leadIn } from '../../client/src/meeting/follow/leadSignal'

/**
 * Following the facilitator: only a lead in a presence state the server stamped as the
 * begeleider's counts. A participant who writes a lead (or a fake identity) into their own
 * state moves nobody.
 */
const stamped = (participantId: string, role: string, lead?: unknown) => ({
  identity: { participantId, name: participantId, role },
  ...(lead === undefined ? {} : { [LEAD_FIELD]: lead }),
})

describe('leadIn', () => {
  it('finds the begeleider’s lead, the newest if there are two', () => {
    const states = new Map<number, unknown>([
      [1, stamped('bea', 'begeleider', { at: 5 })],
      [2, stamped('dirk', 'deelnemer')],
      [3, stamped('ben', 'begeleider', { at: 9 })],
    ])
    expect(leadIn(states, 2)).toEqual({ participantId: 'ben', at: 9 })
  })

  it('ignores a lead from anyone the server did not stamp as begeleider', () => {
    const states = new Map<number, unknown>([
      [1, stamped('dirk', 'deelnemer', { at: 5 })],
      [2, { [LEAD_FIELD]: { at: 7 } }],
      [3, { identity: 'begeleider', [LEAD_FIELD]: { at: 8 } }],
      [4, stamped('ina', 'inbrenger', { at: 9 })],
    ])
    expect(leadIn(states, 99)).toBeNull()
  })

  it('ignores my own state, a lead that was taken back, and malformed leads', () => {
    expect(leadIn(new Map([[1, stamped('bea', 'begeleider', { at: 5 })]]), 1)).toBeNull()
    for (const lead of [null, { at: 'soon' }, { at: Number.NaN }, [5], 5]) {
      expect(leadIn(new Map([[1, stamped('bea', 'begeleider', lead)]]), 2), JSON.stringify(lead)).toBeNull()
    }
  })
})
