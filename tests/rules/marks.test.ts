import { describe, expect, it } from 'vitest'
import type { BoardRecord } from '../../shared/boardRecords'
import { zoneRect } from '../../shared/layout'
import type { Actor, RecordChange } from '../../shared/recordPolicy'
import { parseTemplate, type Template } from '../../shared/templateSchema'
import mini from '../fixtures/mini-method.json'
import { noteRecord } from '../helpers/records'
import { groupRecord } from './boardShapes'
import { judgeOnBoard } from './judgeOnBoard'

/**
 * Marks (meta.rating) are judged wherever a marked value appears or changes: on create, on a
 * move to another zone (directly or carried by a group) and on edit, with the same check as
 * rating in place. Mini method: "vragen" rates W/N/K; in "waarderen" only the inbrenger rates.
 */
function load(json: unknown): Template {
  const parsed = parseTemplate(json)
  if (!parsed.ok) throw new Error(parsed.errors.join('\n'))
  return parsed.template
}
const template = load(mini)
// The same method where the inbrenger may also add and move her own notes while rating.
const addAndRate = structuredClone(mini)
addAndRate.phases[1]!.zones = { vragen: { inbrenger: { can: ['add', 'editOwn', 'rate'] } } } as never
const rateTemplate = load(addAndRate)

const dirk: Actor = { participantId: 'dirk', role: 'deelnemer' }
const ina: Actor = { participantId: 'ina', role: 'inbrenger' }
const bea: Actor = { participantId: 'bea', role: 'begeleider' }

function at(zoneId: string) {
  const r = zoneRect(template, zoneId)
  return { x: r.x + 30, y: r.y + 50 }
}
const note = (id: string, where: { x: number; y: number }, author: string, rating?: unknown) => {
  const r = noteRecord({ id, ...where, authorId: author, text: id })
  return rating === undefined ? r : { ...r, meta: { ...r.meta, rating } }
}
const FREE = { x: -2000, y: -2000 }
const create = (r: BoardRecord): RecordChange[] => [{ id: r.id, prev: null, next: r }]
const change = (r: BoardRecord, to: Partial<BoardRecord>): RecordChange[] => [
  { id: r.id, prev: r, next: { ...r, ...to } },
]
const ok = (t: Template, phase: string, who: Actor, changes: RecordChange[], existing: BoardRecord[] = []) =>
  judgeOnBoard(t, phase, who, changes, existing).ok

describe('marks on a new note', () => {
  it('refuses a note created with a mark by someone who may not rate there', () => {
    expect(ok(template, 'vragen-stellen', dirk, create(note('shape:q', at('vragen'), 'dirk')))).toBe(true)
    expect(ok(template, 'vragen-stellen', dirk, create(note('shape:q', at('vragen'), 'dirk', 'W')))).toBe(
      false,
    )
    expect(ok(template, 'roddelen', bea, create(note('shape:q', at('vragen'), 'bea', 'W')))).toBe(false)
    expect(ok(template, 'vragen-stellen', dirk, create(note('shape:q', FREE, 'dirk', 'W')))).toBe(false)
  })

  it('lets the rater create a marked note only with a value of the zone scale', () => {
    expect(ok(rateTemplate, 'waarderen', ina, create(note('shape:q', at('vragen'), 'ina', 'W')))).toBe(true)
    expect(ok(rateTemplate, 'waarderen', ina, create(note('shape:q', at('vragen'), 'ina', 'heet')))).toBe(
      false,
    )
    expect(ok(rateTemplate, 'waarderen', ina, create(note('shape:q', at('vragen'), 'ina', 5)))).toBe(false)
    expect(ok(rateTemplate, 'waarderen', ina, create(note('shape:q', at('vragen'), 'ina', { v: 'W' })))).toBe(
      false,
    )
  })
})

describe('marks on a moved note', () => {
  it('refuses carrying a mark into another zone without the right to rate there', () => {
    const rated = note('shape:q', at('vragen'), 'dirk', 'W')
    // Within its zone the mark stays where it was given: fine.
    expect(ok(template, 'vragen-stellen', dirk, change(rated, { x: rated.x! + 5 }), [rated])).toBe(true)
    expect(ok(template, 'vragen-stellen', dirk, change(rated, at('roddelzone')), [rated])).toBe(false)
    expect(ok(template, 'vragen-stellen', dirk, change(rated, FREE), [rated])).toBe(false)
    // A note without a mark moves as before.
    const plain = note('shape:p', at('vragen'), 'dirk')
    expect(ok(template, 'vragen-stellen', dirk, change(plain, at('roddelzone')), [plain])).toBe(true)
  })

  it('refuses moving a note with an invalid mark into the rating zone', () => {
    const stray = note('shape:s', FREE, 'ina', 'heet')
    expect(ok(rateTemplate, 'waarderen', ina, change(stray, at('vragen')), [stray])).toBe(false)
    const good = note('shape:s', FREE, 'ina', 'K')
    expect(ok(rateTemplate, 'waarderen', ina, change(good, at('vragen')), [good])).toBe(true)
    expect(ok(template, 'vragen-stellen', ina, change(good, at('roddelzone')), [good])).toBe(false)
  })

  it('judges a mark carried by a moved group', () => {
    const g = groupRecord('shape:g', { ...at('vragen'), authorId: 'dirk' })
    const rated = { ...note('shape:q', { x: 0, y: 0 }, 'dirk', 'W'), parentId: g.id }
    const r = zoneRect(template, 'roddelzone')
    const moved = judgeOnBoard(template, 'vragen-stellen', dirk, change(g, { x: r.x + 30 }), [g, rated])
    expect(moved.ok).toBe(false)
    if (!moved.ok) expect(moved.recordId).toBe('shape:q')
    const plain = { ...rated, meta: { authorId: 'dirk' } }
    expect(ok(template, 'vragen-stellen', dirk, change(g, { x: r.x + 30 }), [g, plain])).toBe(true)
  })
})

describe('marks edited in place', () => {
  it('refuses removing or replacing a mark without the right to rate', () => {
    const rated = note('shape:q', at('vragen'), 'dirk', 'W')
    expect(ok(template, 'vragen-stellen', dirk, change(rated, { meta: { authorId: 'dirk' } }), [rated])).toBe(
      false,
    )
    expect(ok(template, 'waarderen', ina, change(rated, { meta: { authorId: 'dirk' } }), [rated])).toBe(true)
    expect(
      ok(template, 'waarderen', ina, change(rated, { meta: { authorId: 'dirk', rating: 'N' } }), [rated]),
    ).toBe(true)
    expect(
      ok(template, 'waarderen', ina, change(rated, { meta: { authorId: 'dirk', rating: 'X' } }), [rated]),
    ).toBe(false)
    expect(
      ok(template, 'waarderen', dirk, change(rated, { meta: { authorId: 'dirk', rating: 'N' } }), [rated]),
    ).toBe(false)
  })

  it('leaves the text of a marked note to its author, as for any note', () => {
    const rated = note('shape:q', at('roddelzone'), 'dirk')
    const marked = { ...rated, meta: { ...rated.meta, rating: 'W' } }
    // A mark outside a rating zone can only have come from elsewhere; editing the note does not touch it.
    const edited = change(marked, { props: { ...marked.props, color: 'red' } })
    expect(ok(template, 'vragen-stellen', dirk, edited, [marked])).toBe(true)
  })
})
