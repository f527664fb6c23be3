import { describe, expect, it } from 'vitest'
import {
  mergeReturned,
  notesToReturn,
  refusedEdit,
  textOf,
} from '../../client/src/meeting/returned/returnedNotes'
import { noteRecord } from '../helpers/records'

/**
 * What comes back to its author when the session starts over without it: my own notes whose text
 * the server does not have, never someone else's, never a note that only moved.
 */
const reason = {
  nl: 'De zone "Vragen" is in deze fase dicht voor jou.',
  en: 'The zone "Questions" is closed.',
}
const mine = (id: string, text: string, x = 10) => noteRecord({ id, x, y: 10, authorId: 'ina', text })

describe('notes to return', () => {
  it('gives back my note the server does not have, with the reason', () => {
    const note = mine('shape:offline', 'Wat maakt dit voor jou zo lastig?')
    expect(notesToReturn([{ local: note, server: undefined }], 'ina', reason, 5)).toEqual([
      { id: 'shape:offline', text: 'Wat maakt dit voor jou zo lastig?', reason, at: 5 },
    ])
  })

  it('gives back my edit the server refused (it still holds the older text)', () => {
    const before = mine('shape:q', 'Eerste versie')
    const after = mine('shape:q', 'Tweede, betere versie')
    expect(notesToReturn([{ local: after, server: before }], 'ina', reason, 1).map((n) => n.text)).toEqual([
      'Tweede, betere versie',
    ])
  })

  it('does not give back a note that only moved, an empty one, or someone else’s', () => {
    const moved = mine('shape:m', 'Zelfde tekst', 400)
    const server = mine('shape:m', 'Zelfde tekst', 10)
    const empty = mine('shape:e', '   ')
    const theirs = noteRecord({ id: 'shape:t', x: 0, y: 0, authorId: 'piet', text: 'Van Piet' })
    const lost = [
      { local: moved, server },
      { local: empty, server: undefined },
      { local: theirs, server: undefined },
    ]
    expect(notesToReturn(lost, 'ina', reason, 1)).toEqual([])
  })

  it('keeps one returned note per board note, the latest text', () => {
    const first = notesToReturn(
      [{ local: mine('shape:a', 'een') }, { local: mine('shape:b', 'twee') }].map((l) => ({
        ...l,
        server: undefined,
      })),
      'ina',
      reason,
      1,
    )
    const again = notesToReturn(
      [{ local: mine('shape:a', 'een, herschreven'), server: undefined }],
      'ina',
      reason,
      2,
    )
    expect(mergeReturned(first, again).map((n) => [n.id, n.text])).toEqual([
      ['shape:b', 'twee'],
      ['shape:a', 'een, herschreven'],
    ])
  })
})

describe('the text of a note', () => {
  it('reads tldraw rich text, one line per paragraph', () => {
    const note = mine('shape:r', 'x')
    const richText = {
      type: 'doc',
      content: [
        {
          type: 'paragraph',
          content: [
            { type: 'text', text: 'Eerste ' },
            { type: 'text', text: 'regel' },
          ],
        },
        { type: 'paragraph' },
        {
          type: 'paragraph',
          content: [{ type: 'text', text: 'Derde' }, { type: 'hardBreak' }, { type: 'text', text: 'vier' }],
        },
      ],
    }
    expect(textOf({ ...note, props: { ...note.props, richText } })).toBe('Eerste regel\n\nDerde\nvier')
  })

  it('reads a plain text prop, and nothing from a record without text', () => {
    expect(textOf({ props: { text: 'platte tekst' } })).toBe('platte tekst')
    expect(textOf({ props: {} })).toBe('')
    expect(textOf(null)).toBe('')
  })
})

describe('an edit the locks refused before it was sent', () => {
  const limit = { nl: 'Hooguit 2 zinnen per notitie.', en: 'At most 2 sentences per note.' }

  it('gives back the refused text of my note (a paste of three sentences)', () => {
    const before = mine('shape:case', '')
    const pasted = mine('shape:case', 'Ik zeg te vaak ja. Ik werk elke avond door. Wat doe ik?')
    expect(refusedEdit(before, pasted, 'ina', limit, 7)).toEqual({
      id: 'shape:case',
      text: 'Ik zeg te vaak ja. Ik werk elke avond door. Wat doe ik?',
      reason: limit,
      at: 7,
    })
  })

  it('gives back a new note of mine with text that was taken back (created in a closed zone)', () => {
    expect(refusedEdit(null, mine('shape:new', 'Geplakte vraag'), 'ina', reason, 1)?.text).toBe(
      'Geplakte vraag',
    )
  })

  it('gives back nothing for a refused move, an empty note, or someone else’s note', () => {
    expect(
      refusedEdit(
        mine('shape:a', 'Zelfde tekst', 10),
        mine('shape:a', 'Zelfde tekst', 900),
        'ina',
        reason,
        1,
      ),
    ).toBeNull()
    expect(refusedEdit(null, mine('shape:b', ''), 'ina', reason, 1)).toBeNull()
    const theirs = noteRecord({ id: 'shape:c', x: 0, y: 0, authorId: 'piet', text: 'Van Piet' })
    expect(refusedEdit(null, theirs, 'ina', reason, 1)).toBeNull()
  })

  it('keeps the latest attempt when each typed key is refused', () => {
    const base = mine('shape:k', 'Een. Twee.')
    const first = refusedEdit(base, mine('shape:k', 'Een. Twee. D'), 'ina', limit, 1)!
    const second = refusedEdit(base, mine('shape:k', 'Een. Twee. Dr'), 'ina', limit, 2)!
    expect(mergeReturned(mergeReturned([], [first]), [second])).toEqual([second])
  })
})
