import { describe, expect, it } from 'vitest'
import { proposedOrder } from '../../client/src/meeting/turns/roundOrder'
import type { ParticipantView } from '../../shared/wire'

/** The order a round "om de beurt" proposes: those present who take turns, in the list's order. */
const person = (id: string, role: ParticipantView['role']): ParticipantView => ({
  id,
  name: id,
  role,
  color: '#000',
})
const group = [
  person('bea', 'begeleider'),
  person('anna', 'deelnemer'),
  person('ines', 'inbrenger'),
  person('bram', 'deelnemer'),
  person('olga', 'observer'),
  person('carla', 'deelnemer'),
]

describe('the proposed order of a round', () => {
  it('takes the members present, without begeleider, inbrenger and observer', () => {
    const present = new Map([
      ['bea', 'online'],
      ['anna', 'online'],
      ['ines', 'online'],
      ['carla', 'away'],
      ['olga', 'online'],
    ] as const)
    expect(proposedOrder(group, present).map((p) => p.id)).toEqual(['anna', 'carla'])
  })

  it('takes everyone who takes turns while this browser cannot know who is here', () => {
    expect(proposedOrder(group, null).map((p) => p.id)).toEqual(['anna', 'bram', 'carla'])
  })
})
