import { describe, expect, it } from 'vitest'
import { zonesRatedIn } from '../../client/src/meeting/columns/zoneColumns'
import {
  focusAfterMarking,
  groupByMark,
  type ListNote,
  listOrder,
  tallyOf,
} from '../../client/src/meeting/list/groupNotes'
import { markForKey } from '../../client/src/meeting/list/markKeys'
import { markText, ratingMessages, ratingText } from '../../client/src/meeting/list/ratingMessages'
import { zonesInPlay } from '../../client/src/meeting/list/zonesInPlay'
import { RATING_VALUES } from '../../shared/marks'
import { method } from './support'

/** The notes list: which zone it shows, how it groups and orders, the keys that mark, the words. */
const wnk = method('warm-neutraal-koud')
const phase = (id: string) => wnk.phases.findIndex((p) => p.id === id)

const note = (id: string, x: number, y: number, mark: string | null = null): ListNote => ({
  id,
  text: `tekst ${id}`,
  authorId: 'p1',
  mark,
  x,
  y,
  draft: false,
})

describe('the zone in play', () => {
  it('is the zone the current phase works in', () => {
    expect(zonesInPlay(wnk, phase('vragen-formuleren'), 'deelnemer')).toEqual(['vragen'])
    expect(zonesInPlay(wnk, phase('vragen-waarderen'), 'inbrenger')).toEqual(['vragen'])
    expect(zonesInPlay(wnk, phase('definities-waarderen'), 'deelnemer')).toEqual(['probleemdefinities'])
  })

  it('stays on the last zone worked in while a phase only talks', () => {
    expect(zonesInPlay(wnk, phase('vragen-beantwoorden'), 'deelnemer')).toEqual(['vragen'])
    expect(zonesInPlay(wnk, phase('aanvullende-vragen'), 'inbrenger')).toEqual(['vragen'])
  })

  it('puts the zone I rate first, and is none before the start', () => {
    const both = structuredClone(wnk)
    const at = phase('vragen-waarderen')
    both.phases[at]!.zones = { casus: { deelnemer: { can: ['add'] } } as never, ...both.phases[at]!.zones }
    expect(zonesInPlay(both, at, 'deelnemer')).toEqual(['casus', 'vragen'])
    expect(zonesInPlay(both, at, 'inbrenger')).toEqual(['vragen', 'casus'])
    expect(zonesInPlay(wnk, -1, 'inbrenger')).toEqual([])
  })
})

describe('the columns on the board', () => {
  it('know which zones are being rated now (their notes without a mark show "?")', () => {
    expect(zonesRatedIn(wnk, phase('vragen-waarderen'))).toEqual(['vragen'])
    expect(zonesRatedIn(wnk, phase('vragen-formuleren'))).toEqual([])
    expect(zonesRatedIn(wnk, -1)).toEqual([])
  })
})

describe('grouping by mark', () => {
  const notes = [note('a', 500, 0, 'K'), note('b', 0, 0), note('c', 0, 300, 'W'), note('d', 260, 0, 'W')]

  it('shows not rated, W, N, K in that order, empty groups included, each in reading order', () => {
    const groups = groupByMark(notes, RATING_VALUES.wnk)
    expect(groups.map((g) => g.mark)).toEqual([null, 'W', 'N', 'K'])
    expect(groups.map((g) => g.notes.map((n) => n.id))).toEqual([['b'], ['d', 'c'], [], ['a']])
    expect(listOrder(groups).map((n) => n.id)).toEqual(['b', 'd', 'c', 'a'])
  })

  it('counts a value outside the scale as not rated, and lists a zone without scale as one group', () => {
    const odd = groupByMark([note('x', 0, 0, 'heet')], RATING_VALUES.wnk)
    expect(odd[0]!.notes.map((n) => n.id)).toEqual(['x'])
    const plain = groupByMark(notes, null)
    expect(plain).toHaveLength(1)
    expect(plain[0]!.notes.map((n) => n.id)).toEqual(['b', 'd', 'a', 'c'])
  })

  it('orders notes at the same place the same way on every screen', () => {
    const same = [note('shape:b', 10, 10), note('shape:a', 10, 10)]
    expect(groupByMark(same, null)[0]!.notes.map((n) => n.id)).toEqual(['shape:a', 'shape:b'])
    expect(groupByMark([...same].reverse(), null)[0]!.notes.map((n) => n.id)).toEqual(['shape:a', 'shape:b'])
  })

  it('tells the tally in words, the waiting ones last', () => {
    const groups = groupByMark(notes, RATING_VALUES.wnk)
    const name = (mark: string | null) => markText((k, v) => ratingText('nl', k, v), mark, 'name')
    expect(tallyOf(groups, name)).toBe('2 warm, 0 neutraal, 1 koud, 1 nog niet gewaardeerd')
  })
})

describe('focus after marking', () => {
  const groups = groupByMark(
    [note('a', 0, 0), note('b', 300, 0), note('c', 600, 0), note('w', 0, 900, 'W')],
    [...RATING_VALUES.wnk],
  )

  it('goes to the next note still waiting, wrapping round', () => {
    expect(focusAfterMarking(groups, 'a')).toBe('b')
    expect(focusAfterMarking(groups, 'c')).toBe('a')
  })

  it('stays with the note when it was rated already or was the last one waiting', () => {
    expect(focusAfterMarking(groups, 'w')).toBeNull()
    const last = groupByMark([note('a', 0, 0), note('w', 0, 900, 'W')], RATING_VALUES.wnk)
    expect(focusAfterMarking(last, 'a')).toBeNull()
  })
})

describe('keys that mark', () => {
  it('takes W, N, K (and C for cold) on the W/N/K scale, in either case', () => {
    expect(markForKey('w', RATING_VALUES.wnk)).toBe('W')
    expect(markForKey('N', RATING_VALUES.wnk)).toBe('N')
    expect(markForKey('k', RATING_VALUES.wnk)).toBe('K')
    expect(markForKey('c', RATING_VALUES.wnk)).toBe('K')
    expect(markForKey('h', RATING_VALUES.wnk)).toBeUndefined()
    expect(markForKey('ArrowDown', RATING_VALUES.wnk)).toBeUndefined()
  })

  it('takes the mark away with Delete or Backspace', () => {
    expect(markForKey('Delete', RATING_VALUES.wnk)).toBeNull()
    expect(markForKey('Backspace', RATING_VALUES.score10)).toBeNull()
  })

  it('takes H or R for a mark, and digits for a score (0 is 10)', () => {
    expect(markForKey('h', RATING_VALUES.mark)).toBe('herkend')
    expect(markForKey('R', RATING_VALUES.mark)).toBe('herkend')
    expect(markForKey('w', RATING_VALUES.mark)).toBeUndefined()
    expect(markForKey('7', RATING_VALUES.score10)).toBe('7')
    expect(markForKey('0', RATING_VALUES.score10)).toBe('10')
  })
})

describe('the words for marks', () => {
  const nl = (k: Parameters<typeof ratingText>[1], v?: Record<string, string>) => ratingText('nl', k, v)
  const en = (k: Parameters<typeof ratingText>[1], v?: Record<string, string>) => ratingText('en', k, v)

  it('reads W/N/K in Dutch and Warm/Neutral/Cold in English; the stored value is the same', () => {
    expect(['W', 'N', 'K'].map((m) => markText(nl, m, 'badge'))).toEqual(['W', 'N', 'K'])
    expect(['W', 'N', 'K'].map((m) => markText(en, m, 'badge'))).toEqual(['Warm', 'Neutral', 'Cold'])
    expect(markText(en, 'K', 'heading')).toBe('Cold')
    expect(markText(nl, null, 'heading')).toBe('Nog niet gewaardeerd')
    expect(markText(en, '7', 'heading')).toBe('Score 7')
  })

  it('has every text in both languages, none empty', () => {
    expect(Object.keys(ratingMessages.en).sort()).toEqual(Object.keys(ratingMessages.nl).sort())
    for (const text of [...Object.values(ratingMessages.nl), ...Object.values(ratingMessages.en)])
      expect(text.trim()).not.toBe('')
  })
})
