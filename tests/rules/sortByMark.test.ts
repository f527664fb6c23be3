import { describe, expect, it } from 'vitest'
import type { BoardRecord } from '../../shared/boardRecords'
import { boardLayout } from '../../shared/layout'
import { type ColumnMark, columnFor, ratingColumns } from '../../shared/ratingColumns'
import type { Actor, RecordChange } from '../../shared/recordPolicy'
import { parseTemplate, type Template } from '../../shared/templateSchema'
import mini from '../fixtures/mini-method.json'
import { noteRecord } from '../helpers/records'
import { judgeOnBoard } from './judgeOnBoard'

/**
 * Sorting on the W/N/K flip-over: the rater (here the inbrenger in "waarderen", who may only
 * rate) may move a note within its zone when it lands in the column of its mark, so dragging a
 * note into a column together with its new mark is allowed, and so is the list's "mark and move".
 * Moves that part a mark from its column, and everything else, stay as the rules had them.
 */
function load(json: unknown): Template {
  const parsed = parseTemplate(json)
  if (!parsed.ok) throw new Error(parsed.errors.join('\n'))
  return parsed.template
}
const template = load(mini)
const marked = structuredClone(mini)
marked.zones[0]!.rating = 'mark'
const markTemplate = load(marked)

const ina: Actor = { participantId: 'ina', role: 'inbrenger' }
const dirk: Actor = { participantId: 'dirk', role: 'deelnemer' }
const bea: Actor = { participantId: 'bea', role: 'begeleider' }

const rect = (t: Template, zoneId: string) => boardLayout(t).find((r) => r.zoneId === zoneId)!
/** A 200x200 note's corner so that its centre sits in the middle of a column, `dy` lower. */
function inColumn(mark: ColumnMark, dy = 0, t: Template = template) {
  // Each template lays its zone out for itself (a W/N/K zone is sized for its columns).
  const band = columnFor(ratingColumns(rect(t, 'vragen')), mark)!.band
  return { x: band.x + band.w / 2 - 100, y: band.y + band.h / 2 - 100 + dy }
}
const note = (where: { x: number; y: number }, rating?: string) =>
  noteRecord({ id: 'shape:q', ...where, authorId: 'dirk', text: 'Wat wil je bereiken?', rating })
const move = (r: BoardRecord, to: { x: number; y: number }, rating?: string | null): RecordChange[] => {
  const { rating: _old, ...meta } = r.meta ?? {}
  const next = {
    ...r,
    ...to,
    meta: rating === undefined ? r.meta : rating === null ? meta : { ...meta, rating },
  }
  return [{ id: r.id, prev: r, next }]
}
const ok = (t: Template, phase: string, who: Actor, r: BoardRecord, changes: RecordChange[]) =>
  judgeOnBoard(t, phase, who, changes, [r]).ok

describe('the rater sorts notes into the W/N/K columns', () => {
  it('moves a note into a column together with that column’s mark', () => {
    const unrated = note(inColumn(null))
    expect(ok(template, 'waarderen', ina, unrated, move(unrated, inColumn('W'), 'W'))).toBe(true)
    expect(ok(template, 'waarderen', ina, unrated, move(unrated, inColumn('K'), 'K'))).toBe(true)
    const warm = note(inColumn('W'), 'W')
    expect(ok(template, 'waarderen', ina, warm, move(warm, inColumn('N'), 'N'))).toBe(true)
    // Back to "not rated yet": the mark goes with it.
    expect(ok(template, 'waarderen', ina, warm, move(warm, inColumn(null), null))).toBe(true)
  })

  it('tidies within the column of the mark', () => {
    const warm = note(inColumn('W'), 'W')
    expect(ok(template, 'waarderen', ina, warm, move(warm, inColumn('W', 60)))).toBe(true)
  })

  it('refuses a move that parts a mark from its column', () => {
    const unrated = note(inColumn(null))
    expect(ok(template, 'waarderen', ina, unrated, move(unrated, inColumn('W')))).toBe(false)
    expect(ok(template, 'waarderen', ina, unrated, move(unrated, inColumn('N'), 'W'))).toBe(false)
    const warm = note(inColumn('W'), 'W')
    expect(ok(template, 'waarderen', ina, warm, move(warm, inColumn('K')))).toBe(false)
    expect(ok(template, 'waarderen', ina, warm, move(warm, inColumn(null)))).toBe(false)
  })

  it('still marks in place, and still refuses taking a note out of the zone', () => {
    const unrated = note(inColumn(null))
    expect(ok(template, 'waarderen', ina, unrated, move(unrated, inColumn(null), 'K'))).toBe(true)
    const roddel = rect(template, 'roddelzone')
    expect(
      ok(template, 'waarderen', ina, unrated, move(unrated, { x: roddel.x + 10, y: roddel.y + 10 }, 'W')),
    ).toBe(false)
    expect(ok(template, 'waarderen', ina, unrated, move(unrated, { x: -3000, y: -3000 }))).toBe(false)
  })
})

describe('nobody else sorts, and not outside the rating phase', () => {
  it('refuses the move to a participant, with or without the mark', () => {
    const unrated = note(inColumn(null))
    expect(ok(template, 'waarderen', dirk, unrated, move(unrated, inColumn('W'), 'W'))).toBe(false)
    expect(ok(template, 'waarderen', dirk, unrated, move(unrated, inColumn('W')))).toBe(false)
    expect(ok(template, 'waarderen', dirk, unrated, move(unrated, inColumn(null, 60)))).toBe(false)
  })

  it('refuses it to the inbrenger in a phase where she does not rate', () => {
    const unrated = note(inColumn(null))
    expect(ok(template, 'vragen-stellen', ina, unrated, move(unrated, inColumn('W'), 'W'))).toBe(false)
  })

  it('lets the facilitator move a marked note without touching its mark, never change it', () => {
    const warm = note(inColumn('W'), 'W')
    expect(ok(template, 'waarderen', bea, warm, move(warm, inColumn('K')))).toBe(true)
    expect(ok(template, 'waarderen', bea, warm, move(warm, inColumn('K'), 'K'))).toBe(false)
  })

  it('gives no such right in a zone rated on another scale', () => {
    const at = (mark: ColumnMark, dy = 0) => inColumn(mark, dy, markTemplate)
    const unrated = note(at(null))
    expect(ok(markTemplate, 'waarderen', ina, unrated, move(unrated, at('W'), 'herkend'))).toBe(false)
    expect(ok(markTemplate, 'waarderen', ina, unrated, move(unrated, at(null), 'herkend'))).toBe(true)
    expect(ok(markTemplate, 'waarderen', ina, unrated, move(unrated, at(null, 60)))).toBe(false)
  })
})
