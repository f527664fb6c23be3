import { describe, expect, it } from 'vitest'
import {
  checkDisplayName,
  cleanDisplayName,
  DISPLAY_NAME_MAX,
  displayNameKey,
} from '../../shared/people/displayName'

/** One name per person in a meeting: what looks the same is the same (shared/people/displayName.ts). */
describe('display names', () => {
  it('treats =1+1 with spaces, a no-break space or full-width signs as one name', () => {
    const forms = ['=1+1', ' =1+1', '=1+1\u00a0', '\u00a0=1+1', '＝１＋１', '=1 + 1', '=1\u200b+1']
    const keys = new Set(forms.map(displayNameKey))
    expect(keys.size).toBe(1)
    expect(checkDisplayName(' =1+1', ['=1+1'])).toEqual({ ok: false, problem: 'taken' })
  })

  it('treats INGE, " inge " and a Cyrillic look-alike as Inge', () => {
    for (const other of ['INGE', ' inge ', 'Inge\u00a0', 'Іnge', 'Ingé'])
      expect(checkDisplayName(other, ['Inge'])).toEqual({ ok: false, problem: 'taken' })
    expect(checkDisplayName('Ingrid', ['Inge'])).toEqual({ ok: true, name: 'Ingrid', key: 'ingrid' })
  })

  it('strips direction overrides, zero-width and control characters from what is shown', () => {
    expect(cleanDisplayName('\u202eegnI')).toBe('egnI')
    expect(cleanDisplayName('In\u200dge\u2066 \u0007de\u00a0\u00a0Vries\u2069')).toBe('Inge de Vries')
    expect(cleanDisplayName('Jan\nPiet\tKees')).toBe('Jan Piet Kees')
  })

  it('refuses a name with nothing visible left', () => {
    for (const empty of ['', '   ', '\u00a0\u200b', '\u202e\u202c'])
      expect(checkDisplayName(empty, [])).toEqual({ ok: false, problem: 'empty' })
  })

  it('bounds the length in code points without cutting a character in two', () => {
    const long = '😀'.repeat(DISPLAY_NAME_MAX + 10)
    const cleaned = cleanDisplayName(long)
    expect([...cleaned]).toHaveLength(DISPLAY_NAME_MAX)
    expect(cleaned).toBe('😀'.repeat(DISPLAY_NAME_MAX))
    // At the join a name over the limit is refused, not cut (the person chooses a shorter one).
    expect(checkDisplayName('x'.repeat(DISPLAY_NAME_MAX + 1), [])).toEqual({ ok: false, problem: 'tooLong' })
    expect(checkDisplayName(` ${'x'.repeat(DISPLAY_NAME_MAX)}\u200b `, [])).toMatchObject({ ok: true })
  })
})
