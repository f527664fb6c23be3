import { describe, expect, it } from 'vitest'
import { boardSeedRecords } from '../../server/src/meetings/boardSeed'
import type { BoardRecord } from '../../shared/boardRecords'
import { zoneFrameId } from '../../shared/boardRecords'
import { boardLayout, zoneRect } from '../../shared/layout'
import type { Actor, RecordChange } from '../../shared/recordPolicy'
import { parseTemplate, type Template } from '../../shared/templateSchema'
import mini from '../fixtures/mini-method.json'
import { noteRecord } from '../helpers/records'
import { judgeOnBoard } from './judgeOnBoard'

const parsed = parseTemplate(mini)
if (!parsed.ok) throw new Error(parsed.errors.join('\n'))
const template: Template = parsed.template
const _rects = boardLayout(template)

function at(zoneId: string, dx = 0) {
  const r = zoneRect(template, zoneId)
  return { x: r.x + 30 + dx, y: r.y + 50 }
}

/** Judges changes on the mini method's board (its seed plus the given shapes). */
const judge = (phaseId: string, actor: Actor, changes: RecordChange[], existing: BoardRecord[] = []) =>
  judgeOnBoard(template, phaseId, actor, changes, existing)

const dirk: Actor = { participantId: 'dirk', role: 'deelnemer' }
const ina: Actor = { participantId: 'ina', role: 'inbrenger' }
const bea: Actor = { participantId: 'bea', role: 'begeleider' }
const note = (id: string, zone: string | null, author: string, extra: Partial<BoardRecord> = {}) =>
  ({
    ...noteRecord({ id, ...(zone ? at(zone) : { x: -2000, y: -2000 }), authorId: author, text: id }),
    ...extra,
  }) as BoardRecord
const create = (r: BoardRecord): RecordChange => ({ id: r.id, prev: null, next: r })

describe('judgeChanges', () => {
  it('lets a role add where its phase opens the zone, and refuses it where closed, naming the zone', () => {
    expect(judge('vragen-stellen', dirk, [create(note('shape:a', 'vragen', 'dirk'))]).ok).toBe(true)
    const refused = judge('vragen-stellen', dirk, [create(note('shape:a', 'adviezen', 'dirk'))])
    expect(refused.ok).toBe(false)
    if (!refused.ok) expect(refused.reason.nl).toContain('"Adviezen"')
  })

  it('says "alleen om te kijken" for a watch-only zone and allows it before and after', () => {
    const r = judge('roddelen', ina, [create(note('shape:a', 'roddelzone', 'ina'))])
    expect(r.ok).toBe(false)
    if (!r.ok) expect(r.reason.nl).toMatch(/Roddelzone.*alleen om te kijken/)
    expect(judge('vragen-stellen', ina, [create(note('shape:a', 'roddelzone', 'ina'))]).ok).toBe(true)
  })

  it('refuses a note whose author is someone else', () => {
    expect(judge('vragen-stellen', dirk, [create(note('shape:a', 'vragen', 'ina'))]).ok).toBe(false)
  })

  it('counts the quota over what is there and what the batch adds', () => {
    const existing = [note('shape:1', 'vragen', 'dirk'), note('shape:2', 'vragen', 'dirk')]
    expect(judge('vragen-stellen', dirk, [create(note('shape:3', 'vragen', 'dirk'))], existing).ok).toBe(true)
    const r = judge(
      'vragen-stellen',
      dirk,
      [create(note('shape:3', 'vragen', 'dirk')), create(note('shape:4', 'vragen', 'dirk'))],
      existing,
    )
    expect(r.ok).toBe(false)
    if (!r.ok) expect(r.recordId).toBe('shape:4')
    // Someone else's notes do not count against Dirk.
    const others = [
      note('shape:1', 'vragen', 'x'),
      note('shape:2', 'vragen', 'y'),
      note('shape:5', 'vragen', 'z'),
    ]
    expect(judge('vragen-stellen', dirk, [create(note('shape:3', 'vragen', 'dirk'))], others).ok).toBe(true)
  })

  it('refuses moving a note into a closed zone, and out of a zone you may not change', () => {
    const free = note('shape:f', null, 'dirk')
    const moved = { ...free, ...at('adviezen') }
    expect(judge('vragen-stellen', dirk, [{ id: free.id, prev: free, next: moved }], [free]).ok).toBe(false)
    const theirs = note('shape:t', 'vragen', 'ina')
    expect(
      judge(
        'vragen-stellen',
        dirk,
        [{ id: theirs.id, prev: theirs, next: { ...theirs, x: -2000, y: -2000 } }],
        [theirs],
      ).ok,
    ).toBe(false)
  })

  it('allows moving within a zone with move rights but not changing the text of another', () => {
    const theirs = note('shape:t', 'roddelzone', 'x')
    expect(
      judge(
        'roddelen',
        dirk,
        [{ id: theirs.id, prev: theirs, next: { ...theirs, x: theirs.x! + 5 } }],
        [theirs],
      ).ok,
    ).toBe(true)
    const edited = { ...theirs, props: { ...theirs.props, color: 'red' } }
    expect(judge('roddelen', dirk, [{ id: theirs.id, prev: theirs, next: edited }], [theirs]).ok).toBe(false)
  })

  it('lets only the inbrenger rate, only in the rating phase, only with values of the scale', () => {
    const q = note('shape:q', 'vragen', 'dirk')
    const rated = (v: string) => ({ ...q, meta: { ...q.meta, rating: v } })
    expect(judge('waarderen', ina, [{ id: q.id, prev: q, next: rated('W') }], [q]).ok).toBe(true)
    expect(judge('waarderen', ina, [{ id: q.id, prev: q, next: rated('heet') }], [q]).ok).toBe(false)
    expect(judge('waarderen', dirk, [{ id: q.id, prev: q, next: rated('W') }], [q]).ok).toBe(false)
    expect(judge('waarderen', bea, [{ id: q.id, prev: q, next: rated('W') }], [q]).ok).toBe(false)
    expect(judge('vragen-stellen', ina, [{ id: q.id, prev: q, next: rated('W') }], [q]).ok).toBe(false)
    // Rating does not let the inbrenger change the question itself.
    const rewritten = { ...rated('W'), props: { ...q.props, color: 'red' } }
    expect(judge('waarderen', ina, [{ id: q.id, prev: q, next: rewritten }], [q]).ok).toBe(false)
  })

  it('protects zone frames from everyone, the begeleider included', () => {
    const frame = boardSeedRecords(template).find((r) => r.id === zoneFrameId('vragen'))!
    expect(judge('advies', bea, [{ id: frame.id, prev: frame, next: null }]).ok).toBe(false)
    expect(judge('advies', bea, [{ id: frame.id, prev: frame, next: { ...frame, x: 5 } }]).ok).toBe(false)
  })

  it('gives the begeleider standing access to every zone but never lets an observer write', () => {
    expect(judge('roddelen', bea, [create(note('shape:b', 'adviezen', 'bea'))]).ok).toBe(true)
    expect(
      judge('advies', { participantId: 'o', role: 'observer' }, [create(note('shape:o', null, 'o'))]).ok,
    ).toBe(false)
  })

  it('counts a note dropped into a zone frame (reparented) as in that zone', () => {
    const child = note('shape:c', null, 'dirk', { parentId: zoneFrameId('adviezen'), x: 10, y: 10 })
    expect(judge('vragen-stellen', dirk, [create(child)]).ok).toBe(false)
    expect(judge('advies', dirk, [create(child)]).ok).toBe(true)
  })

  it('accepts only your own tldraw user record, under your own name', () => {
    const me: Actor = { participantId: 'dirk', role: 'deelnemer', name: 'Dirk' }
    const user = (id: string, name: string) =>
      ({ id, typeName: 'user', name, color: '#1f6feb', meta: {} }) as BoardRecord
    expect(judge('advies', me, [create(user('user:dirk', 'Dirk'))]).ok).toBe(true)
    expect(judge('advies', me, [create(user('user:dirk', 'Bea Begeleider'))]).ok).toBe(false)
    expect(judge('advies', me, [create(user('user:bea', 'Bea Begeleider'))]).ok).toBe(false)
    expect(judge('advies', me, [{ id: 'user:dirk', prev: user('user:dirk', 'Dirk'), next: null }]).ok).toBe(
      false,
    )
  })
})
