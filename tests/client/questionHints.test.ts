import { describe, expect, it } from 'vitest'
import { hintsFor } from '../../client/src/meeting/hints/questionHints'
import type { ListNote } from '../../client/src/meeting/list/groupNotes'

/** Who sees the open-question hint on a question note: its author and the begeleider, nobody else. */
const note = (id: string, authorId: string, text: string): ListNote => ({
  id,
  text,
  authorId,
  mark: null,
  x: 0,
  y: 0,
  draft: false,
})
const notes = [
  note('shape:a1', 'anna', 'Heb je dit al gemeld?'),
  note('shape:a2', 'anna', 'Wat heb je al geprobeerd?'),
  note('shape:b1', 'bram', "Don't you think you should escalate?"),
]

describe('question hints on the board', () => {
  it('the author sees the hint on their own closed or suggestive questions only', () => {
    expect(hintsFor(notes, { id: 'anna', role: 'deelnemer' }).map((h) => h.noteId)).toEqual(['shape:a1'])
    expect(hintsFor(notes, { id: 'bram', role: 'deelnemer' })).toMatchObject([
      { noteId: 'shape:b1', hint: { kind: 'suggestive', language: 'en' } },
    ])
  })

  it('the begeleider sees every hint; someone else none', () => {
    expect(hintsFor(notes, { id: 'bege', role: 'begeleider' }).map((h) => h.noteId)).toEqual([
      'shape:a1',
      'shape:b1',
    ])
    expect(hintsFor(notes, { id: 'carla', role: 'inbrenger' })).toEqual([])
  })
})
