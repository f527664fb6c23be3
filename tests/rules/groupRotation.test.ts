import { describe, expect, it } from 'vitest'
import { suggestRotation } from '../../shared/groups/rotation'

describe('rotation', () => {
  const members = [
    { id: 'a', name: 'Anna' },
    { id: 'b', name: 'Bram' },
    { id: 'c', name: 'Cem' },
    { id: 'd', name: 'Dewi' },
  ]

  it('starts with the first two members when nobody had a turn', () => {
    expect(suggestRotation(members, [])).toEqual({ inbrenger: 'Anna', begeleider: 'Bram' })
  })

  it('gives the case to whoever waited longest, and never both roles to one person', () => {
    const history = [
      { inbrengers: ['a'], begeleiders: ['b'] },
      { inbrengers: ['b'], begeleiders: ['c'] },
    ]
    // Cem and Dewi never brought a case: Cem comes first in the list. Anna and Dewi never
    // facilitated; Anna first.
    expect(suggestRotation(members, history)).toEqual({ inbrenger: 'Cem', begeleider: 'Anna' })
    const later = [...history, { inbrengers: ['c'], begeleiders: ['a'] }]
    expect(suggestRotation(members, later)).toEqual({ inbrenger: 'Dewi', begeleider: 'Bram' })
  })

  it('goes by member id: a guest who typed a member name takes nobody turn', () => {
    // A stranger joined as "Anna" and brought the case: not Anna's turn, so Anna still comes first.
    const history = [{ inbrengers: ['guest-participant'], begeleiders: [] }]
    expect(suggestRotation(members, history).inbrenger).toBe('Anna')
  })

  it('suggests nobody for a group without members', () => {
    expect(suggestRotation([], [])).toEqual({ inbrenger: null, begeleider: null })
  })
})
