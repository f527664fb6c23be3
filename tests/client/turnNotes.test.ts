import { describe, expect, it } from 'vitest'
import type { ListNote } from '../../client/src/meeting/list/groupNotes'
import { isTurnNote } from '../../client/src/meeting/turns/turnNotes'

const note = (authorId: string, topicId: string | null = null): ListNote => ({
  id: `shape:${authorId}-${topicId}`,
  text: 'advies',
  authorId,
  mark: null,
  x: 0,
  y: 0,
  draft: false,
  topicId,
})

describe('the note of whoever has the turn', () => {
  it('is a note of the person whose turn it is, none while no round runs', () => {
    expect(isTurnNote(note('anna'), 'anna', null)).toBe(true)
    expect(isTurnNote(note('ben'), 'anna', null)).toBe(false)
    expect(isTurnNote(note('anna'), undefined, null)).toBe(false)
  })

  it('during the topic walk: only their advice for the topic now on', () => {
    expect(isTurnNote(note('anna', 'shape:topic-2'), 'anna', 'shape:topic-2')).toBe(true)
    expect(isTurnNote(note('anna', 'shape:topic-1'), 'anna', 'shape:topic-2')).toBe(false)
    expect(isTurnNote(note('anna', null), 'anna', 'shape:topic-2')).toBe(false)
  })
})
