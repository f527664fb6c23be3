import { describe, expect, it } from 'vitest'
import { jsonTextWithin } from '../../server/src/rooms/jsonBounds'

/**
 * The depth bound on JSON text from a socket (rooms/jsonBounds.ts) counts nesting, not brackets:
 * many arrays or objects side by side are as deep as one, brackets inside strings do not count,
 * and one level more than the bound is refused.
 */
describe('the JSON depth bound', () => {
  it('takes many siblings at the bound, and refuses one level deeper', () => {
    const siblings = (open: string, close: string) =>
      `${open}${`${open}${close},`.repeat(200)}${open}${close}${close}`
    expect(jsonTextWithin(siblings('[', ']'), 2)).toBeNull()
    expect(jsonTextWithin(siblings('{', '}'), 2)).toBeNull()
    expect(jsonTextWithin('[{"a":[1]}]', 3)).toBeNull()
    expect(jsonTextWithin('[{"a":[[1]]}]', 3)).toBe('JSON nested deeper than 3')
  })

  it('does not count brackets inside strings, escaped quotes included', () => {
    expect(jsonTextWithin(JSON.stringify({ a: '[[[[{{{{', b: 'x\\"[[[[' }), 1)).toBeNull()
  })
})
