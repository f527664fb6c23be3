import { describe, expect, it } from 'vitest'
import { ApiError } from '../../client/src/api/apiClient'
import { apiErrorMessages, describeApiError } from '../../client/src/api/apiErrors'
import { groupByMark, type ListNote } from '../../client/src/meeting/list/groupNotes'
import { RATING_VALUES } from '../../shared/marks'

const note = (id: string, mark: string | null, y = 0): ListNote => ({
  id,
  text: id,
  authorId: null,
  mark,
  x: 0,
  y,
  draft: false,
})

describe('the topics list of the quick advice rounds', () => {
  it('lists the highest score first and the topics not scored yet last', () => {
    const notes = [note('a', '4'), note('b', null), note('c', '9'), note('d', '10'), note('e', '9', 300)]
    const groups = groupByMark(notes, RATING_VALUES.score10, true).filter((g) => g.notes.length > 0)
    expect(groups.flatMap((g) => g.notes.map((n) => n.id))).toEqual(['d', 'c', 'e', 'a', 'b'])
  })

  it('keeps W/N/K in the scale’s order, not rated first', () => {
    const groups = groupByMark([note('a', 'K'), note('b', null), note('c', 'W')], RATING_VALUES.wnk)
    expect(groups.map((g) => g.mark)).toEqual([null, 'W', 'N', 'K'])
  })
})

describe('refused votes and cases', () => {
  it('words each reason differently, in Dutch and English', () => {
    const reasons = ['notOpen', 'noVotesLeft', 'notVoted', 'notOnList', 'notAllowed']
    const keys = reasons.map((reason) => describeApiError(new ApiError(409, 'vote_refused', { reason })).key)
    expect(new Set(keys).size).toBe(reasons.length)
    for (const key of keys) {
      expect(apiErrorMessages.nl[key]).toBeTruthy()
      expect(apiErrorMessages.en[key]).toBeTruthy()
    }
    const tooLong = describeApiError(new ApiError(400, 'case_refused', { reason: 'tooLong', max: 2 }))
    expect(tooLong).toEqual({ key: 'api.case_refused.tooLong', values: { max: '2' } })
  })
})
