import { describe, expect, it } from 'vitest'
import { parseTemplate } from '../../shared/templateSchema'
import mini from '../fixtures/mini-method.json'

/**
 * A method's repeated block of phases (per topic or case) may start at its very first phase and
 * end at its last; a block named by phases the method lacks, or ending before it starts, is refused.
 */
function withRepeat(from: string, to: string) {
  const json = {
    ...structuredClone(mini),
    repeats: [{ id: 'ronde', from, to, per: 'case', label: { nl: 'Ronde', en: 'Round' } }],
  }
  return parseTemplate(json)
}

describe('a repeated block of phases', () => {
  it('may take in the first and the last phase', () => {
    expect(withRepeat('vragen-stellen', 'advies').ok).toBe(true)
    expect(withRepeat('vragen-stellen', 'vragen-stellen').ok).toBe(true)
  })

  it('names phases of the method, in order', () => {
    const errors = (from: string, to: string) => {
      const parsed = withRepeat(from, to)
      return parsed.ok ? [] : parsed.errors
    }
    expect(errors('bestaat-niet', 'advies').join()).toContain('unknown phase')
    expect(errors('vragen-stellen', 'bestaat-niet').join()).toContain('unknown phase')
    expect(errors('advies', 'vragen-stellen').join()).toContain('to comes before from')
  })
})
