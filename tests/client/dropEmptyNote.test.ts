import { describe, expect, it } from 'vitest'
import { emptyLeftBehind } from '../../client/src/meeting/returned/dropEmptyNote'
import { noteRecord } from '../helpers/records'

/**
 * A refused note leaves nothing behind: when the first text of a fresh note of mine is refused
 * (a case too long for the list), the empty note would stay on the list as "(zonder tekst)";
 * it is taken away. A note that had text keeps it, and nobody else's note is touched.
 */
const note = (text: string, authorId = 'ina') => noteRecord({ id: 'shape:c', x: 0, y: 0, authorId, text })
const TOO_LONG = 'Mijn team mist deadlines. Ik spreek het niet aan. En nu is het te laat.'

describe('the empty note a refused edit leaves', () => {
  it('is my fresh note whose first text was refused', () => {
    expect(emptyLeftBehind({ prev: note(''), next: note(TOO_LONG) }, 'ina')).toBe('shape:c')
    expect(emptyLeftBehind({ prev: note('  '), next: note(TOO_LONG) }, 'ina')).toBe('shape:c')
  })

  it('is none when the note had text, was not mine, or the refusal was no text of mine', () => {
    expect(
      emptyLeftBehind({ prev: note('Mijn team mist deadlines.'), next: note(TOO_LONG) }, 'ina'),
    ).toBeNull()
    expect(emptyLeftBehind({ prev: note('', 'piet'), next: note(TOO_LONG, 'piet') }, 'ina')).toBeNull()
    // A refused move of an empty note, a refused create or delete: nothing to take away here.
    expect(emptyLeftBehind({ prev: note(''), next: note('') }, 'ina')).toBeNull()
    expect(emptyLeftBehind({ prev: null, next: note(TOO_LONG) }, 'ina')).toBeNull()
    expect(emptyLeftBehind({ prev: note(''), next: null }, 'ina')).toBeNull()
    const frame = { ...note(''), type: 'frame' }
    const framed = { ...note(TOO_LONG), type: 'frame' }
    expect(emptyLeftBehind({ prev: frame, next: framed }, 'ina')).toBeNull()
  })
})
