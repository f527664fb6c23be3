import { describe, expect, it } from 'vitest'
import { questionHint } from '../../shared/openQuestions'

/**
 * The open-question hint reads past several fillers and numbering at a question's start
 * ("Nou, dus, heb je…"), as a reader does: the hint is the same as without them.
 */
describe('fillers before a question', () => {
  it('gives the same hint after several layers of fillers and numbering', () => {
    const plain = questionHint('Heb je dat gemeld?')
    expect(plain).not.toBeNull()
    for (const text of [
      'Nou, dus, heb je dat gemeld?',
      '1. Ok, maar heb je dat gemeld?',
      'Oké, heb je dat gemeld?',
      'Oké dus heb je dat gemeld?',
      'Vraag 2: en dus heb je dat gemeld?',
    ])
      expect(questionHint(text), text).toEqual(plain)
  })
})
