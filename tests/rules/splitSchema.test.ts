import { describe, expect, it } from 'vitest'
import { GroupSplit, makeSplit } from '../../shared/groupWork'
import { method } from '../client/support'

/**
 * What the begeleider's split makes, the stored form reads back (an export's progress, another
 * instance's state): also a group of one, which a split allows (someone works alone), and any id it takes.
 */
describe('a split as stored', () => {
  it('reads back every split makeSplit takes, a group of one included', () => {
    const modelling = method('modelling')
    const phase = modelling.phases.find((p) => p.groupWork === 'pairs')!
    for (const groups of [
      [['anna'], ['bram', 'carla']],
      [['anna', 'bram']],
      [['anna']],
      [['a'], ['b', 'c']],
    ]) {
      const made = makeSplit(phase, null, groups)
      expect(made.ok).toBe(true)
      if (made.ok) expect(GroupSplit.safeParse(made.split).success, JSON.stringify(groups)).toBe(true)
    }
    expect(makeSplit(phase, null, [[]]).ok).toBe(false)
  })
})
