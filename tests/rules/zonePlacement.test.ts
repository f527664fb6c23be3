import { describe, expect, it } from 'vitest'
import type { BoardRecord } from '../../shared/boardRecords'
import { zoneRect } from '../../shared/layout'
import type { Actor, RecordChange } from '../../shared/recordPolicy'
import { MAX_PARENT_DEPTH } from '../../shared/shapeGeometry'
import { parseTemplate } from '../../shared/templateSchema'
import mini from '../fixtures/mini-method.json'
import { noteRecord } from '../helpers/records'
import { frameRecord, groupRecord } from './boardShapes'
import { judgeOnBoard } from './judgeOnBoard'

/**
 * The record policy places shapes by where they are drawn, through groups and frames: one's own
 * group or frame does not carry a note into a closed zone, moving it does not either, and a
 * shape whose parent chain does not resolve is refused. Mini method, phase "vragen-stellen":
 * Dirk (deelnemer) may add in "vragen" and "roddelzone"; "adviezen" (right of them) is closed.
 */
const parsed = parseTemplate(mini)
if (!parsed.ok) throw new Error(parsed.errors.join('\n'))
const template = parsed.template
const dirk: Actor = { participantId: 'dirk', role: 'deelnemer' }
const PHASE = 'vragen-stellen'
const advies = zoneRect(template, 'adviezen')
/** A point a note's top-left can take well inside "roddelzone" (open to Dirk). */
const rodd = zoneRect(template, 'roddelzone').x + 46

const judge = (changes: RecordChange[], existing: BoardRecord[] = []) =>
  judgeOnBoard(template, PHASE, dirk, changes, existing)
const create = (...records: BoardRecord[]): RecordChange[] =>
  records.map((r) => ({ id: r.id, prev: null, next: r }))
const move = (r: BoardRecord, to: Partial<BoardRecord>): RecordChange => ({
  id: r.id,
  prev: r,
  next: { ...r, ...to },
})
const note = (id: string, x: number, y: number, parentId?: string) =>
  noteRecord({ id, x, y, authorId: 'dirk', text: id, parentId })
const reasonOf = (v: ReturnType<typeof judge>) => (v.ok ? null : v.reason.nl)

describe('zones by where a shape is drawn, through groups and frames', () => {
  it('refuses a note inside my own group that is drawn over a closed zone', () => {
    const g = groupRecord('shape:g', { x: -2000, y: -2000, authorId: 'dirk' })
    const inside = note('shape:n', advies.x + 30 + 2000, advies.y + 50 + 2000, g.id)
    expect(reasonOf(judge(create(g, inside)))).toContain('"Adviezen"')
    // The same note drawn in the free area is fine.
    expect(judge(create(g, note('shape:n', 30, 50, g.id))).ok).toBe(true)
  })

  it('refuses a frame that covers a zone, and a note inside it drawn over the zone', () => {
    // The frame's corner and centre are in the free area; it reaches down over "Adviezen".
    const f = frameRecord('shape:f', 600, 1300, { x: advies.x - 68, y: -1050, authorId: 'dirk' })
    expect(reasonOf(judge(create(f)))).toMatch(/over de rand van een zone/)
    const inside = note('shape:n', 100, 1100, f.id) // drawn at (advies.x + 32, 50) on the page
    expect(reasonOf(judge(create(f, inside)))).toMatch(/over de rand van een zone/)
    expect(reasonOf(judge(create(inside), [f]))).toContain('"Adviezen"')
  })

  it('judges the shapes a moved group or frame carries along', () => {
    // A group whose centre stays in the free area: a note and, far above it, an anchor note.
    const g = groupRecord('shape:g', { x: -2000, y: -2000, authorId: 'dirk' })
    const inside = note('shape:n', 0, 0, g.id)
    const anchor = note('shape:m', 0, -3000, g.id)
    // Moving the group puts the note (its record untouched) into the closed zone: refused.
    const refused = judge([move(g, { x: advies.x + 30, y: advies.y + 50 })], [g, inside])
    expect(reasonOf(refused)).toContain('"Adviezen"')
    // With the anchor far above, the group reaches over the zone's edge: refused as well.
    expect(judge([move(g, { x: advies.x + 30, y: advies.y + 50 })], [g, inside, anchor]).ok).toBe(false)
    // Within the free area, or into an open zone, it may go.
    expect(judge([move(g, { x: -1500 })], [g, inside, anchor]).ok).toBe(true)
    expect(judge([move(g, { x: rodd, y: 100 })], [g, inside]).ok).toBe(true)
    // Someone else's note carried out of a zone where I may not change it: refused.
    const mine = groupRecord('shape:g', { x: rodd, y: 50, authorId: 'dirk' })
    const theirs = { ...note('shape:t', 0, 0, mine.id), meta: { authorId: 'ina' } }
    const taken = judge([move(mine, { x: -1500 })], [mine, theirs])
    expect(taken.ok).toBe(false)
    if (!taken.ok) expect(taken.recordId).toBe('shape:t')
  })

  it('refuses removing a frame but leaving what is in it without a parent', () => {
    const f = frameRecord('shape:f', 300, 300, { x: -2000, y: -2000, authorId: 'dirk' })
    const inside = note('shape:n', 10, 10, f.id)
    const orphaning = judge([{ id: f.id, prev: f, next: null }], [f, inside])
    expect(reasonOf(orphaning)).toContain('groep of kader dat niet op het bord staat')
    const both = [
      { id: inside.id, prev: inside, next: null },
      { id: f.id, prev: f, next: null },
    ]
    expect(judge(both, [f, inside]).ok).toBe(true)
  })

  it('accepts an honest grouping of my notes: the group and the reparented notes in one batch', () => {
    const a = note('shape:a', rodd, 50)
    const b = note('shape:b', rodd + 170, 60)
    const g = groupRecord('shape:g', { x: rodd, y: 50, authorId: 'dirk' })
    const changes = [
      ...create(g),
      move(a, { parentId: g.id, x: 0, y: 0 }),
      move(b, { parentId: g.id, x: 170, y: 10 }),
    ]
    expect(judge(changes, [a, b]).ok).toBe(true)
  })
  it('places a new group by the children the same batch gives it', () => {
    // One child in "vragen", one far right in the free area: the group's centre is in "Adviezen".
    const g = groupRecord('shape:g', { x: 30, y: 50, authorId: 'dirk' })
    const a = note('shape:a', 0, 0, g.id)
    const b = note('shape:b', 2 * (advies.x + advies.w / 2 - 30) - 200, 0, g.id)
    expect(b.x! + 30).toBeGreaterThan(advies.x + advies.w)
    const v = judge(create(g, a, b))
    expect(v.ok).toBe(false)
    if (!v.ok) expect(v.recordId).toBe('shape:g')
  })
})

describe('a parent chain that does not resolve is refused, never the free area', () => {
  it('refuses a missing parent and a parent that is not a group or frame', () => {
    expect(reasonOf(judge(create(note('shape:n', -2000, -2000, 'shape:gone'))))).toContain(
      'groep of kader dat niet op het bord staat',
    )
    expect(reasonOf(judge(create(note('shape:n', -2000, -2000, 'page:elders'))))).not.toBeNull()
    const host = note('shape:host', -2000, -2000)
    expect(reasonOf(judge(create(note('shape:n', 0, 0, host.id)), [host]))).toContain(
      'geen groep, kader of pagina',
    )
  })

  it('refuses a group made its own ancestor', () => {
    const outer = groupRecord('shape:o', { x: -2000, y: -2000, authorId: 'dirk' })
    const inner = groupRecord('shape:i', { parentId: outer.id, authorId: 'dirk' })
    const n = note('shape:n', 0, 0, inner.id)
    const v = judge([move(outer, { parentId: inner.id })], [outer, inner, n])
    expect(reasonOf(v)).toContain('in zichzelf')
  })

  it('refuses a chain deeper than the bound', () => {
    const chain: BoardRecord[] = []
    for (let i = 0; i <= MAX_PARENT_DEPTH; i++) {
      const parentId = i === 0 ? 'page:page' : `shape:d${i - 1}`
      chain.push(groupRecord(`shape:d${i}`, { parentId, x: i === 0 ? -2000 : 0, authorId: 'dirk' }))
    }
    const v = judge(create(note('shape:n', 0, 0, `shape:d${MAX_PARENT_DEPTH}`)), chain)
    expect(reasonOf(v)).toContain(`meer dan ${MAX_PARENT_DEPTH} groepen`)
  })

  it('lets the author or the begeleider remove a stored shape whose parent is gone, nothing more', () => {
    const orphan = note('shape:n', 0, 0, 'shape:gone')
    const bea: Actor = { participantId: 'bea', role: 'begeleider' }
    const removal = [{ id: orphan.id, prev: orphan, next: null }]
    expect(judge(removal, [orphan]).ok).toBe(true)
    expect(judgeOnBoard(template, PHASE, bea, removal, [orphan]).ok).toBe(true)
    expect(
      judgeOnBoard(template, PHASE, { participantId: 'ina', role: 'inbrenger' }, removal, [orphan]).ok,
    ).toBe(false)
    expect(judge([move(orphan, { parentId: 'page:page', x: -2000 })], [orphan]).ok).toBe(false)
  })

  it('refuses a record that changes its kind', () => {
    const n = note('shape:n', -2000, -2000)
    const v = judge([{ id: n.id, prev: n, next: { ...n, typeName: 'asset' } }], [n])
    expect(reasonOf(v)).toContain('van soort')
  })
})
