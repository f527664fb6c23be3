import { describe, expect, it } from 'vitest'
import { groupMembers, suggestRotation } from '../../templates/src/groups/rotation'

describe('rotation', () => {
  const members = ['Anna', 'Bram', 'Cem', 'Dewi']

  it('starts with the first two members when nobody had a turn', () => {
    expect(suggestRotation(members, [])).toEqual({ inbrenger: 'Anna', begeleider: 'Bram' })
  })

  it('gives the case to whoever waited longest, and never both roles to one person', () => {
    const history = [
      { inbrengers: ['Anna'], begeleiders: ['Bram'] },
      { inbrengers: ['Bram'], begeleiders: ['Cem'] },
    ]
    // Cem and Dewi never brought a case: Cem comes first in the list. Anna and Dewi never
    // facilitated; Anna first.
    expect(suggestRotation(members, history)).toEqual({ inbrenger: 'Cem', begeleider: 'Anna' })
    const later = [...history, { inbrengers: ['cem '], begeleiders: ['Anna'] }]
    expect(suggestRotation(members, later)).toEqual({ inbrenger: 'Dewi', begeleider: 'Bram' })
  })

  it('counts people who took part but are not on the list, once', () => {
    expect(groupMembers(['Anna', 'anna'], [{ inbrengers: ['Eva'], begeleiders: ['Anna'] }])).toEqual([
      'Anna',
      'Eva',
    ])
  })

  it('suggests nobody for a group without members', () => {
    expect(suggestRotation([], [])).toEqual({ inbrenger: null, begeleider: null })
  })
})
