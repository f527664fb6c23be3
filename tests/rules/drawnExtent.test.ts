import { describe, expect, it } from 'vitest'
import { type BoardRecord, shapeWorld, zoneOfShape } from '../../shared/boardRecords'
import { boardLayout, noteArea, zoneRect } from '../../shared/layout'
import type { Actor, RecordChange } from '../../shared/recordPolicy'
import { slotsFor } from '../../shared/slots'
import {
  arrowBinding,
  arrowShape,
  boxShape,
  drawShape,
  frameShape,
  lineShape,
  textShape,
} from '../helpers/drawnShapes'
import { noteRecord } from '../helpers/records'
import { builtinTemplates } from '../templates/support'
import { judgeOnBoard } from './judgeOnBoard'

/**
 * A shape is judged by everything it draws, not by one point of it (finding 4 of issue 15), in
 * the Roddelmethode: during "verkenning" Dirk (deelnemer) may write in "vragen" and in the free
 * area, not in "casus" or "roddelzone"; during "roddelen" the inbrenger only watches the gossip
 * zone (and may write in her own notes zone and the free area). Each hostile shape below has its
 * x, y (and, for the old rule, the centre of its old box) in the free area.
 */
const template = builtinTemplates().get('roddelmethode')!
const dirk: Actor = { participantId: 'dirk', role: 'deelnemer' }
const inge: Actor = { participantId: 'inge', role: 'inbrenger' }
const olga: Actor = { participantId: 'olga', role: 'deelnemer' }
const casus = zoneRect(template, 'casus')
const vragen = zoneRect(template, 'vragen')
const roddel = zoneRect(template, 'roddelzone')
const slot = (i: number) => slotsFor(noteArea(template, 'vragen'), 4)[i]!

const create = (...records: BoardRecord[]): RecordChange[] =>
  records.map((r) => ({ id: r.id, prev: null, next: r }))
const judge = (actor: Actor, phase: string, changes: RecordChange[], existing: BoardRecord[] = []) =>
  judgeOnBoard(template, phase, actor, changes, existing)
const reasonOf = (v: ReturnType<typeof judge>) => (v.ok ? null : v.reason.nl)
const CROSSES = /over de rand van een zone/
const by = (authorId: string, x: number, y: number, index?: string) => ({ authorId, x, y, index })

describe('finding 4: shapes that draw into a zone from outside it', () => {
  it('refuses a stroke and a line whose points run into a closed zone', () => {
    // The gap between "vragen" and "roddelzone" is x 1280..1344.
    const stroke = drawShape('shape:stroke', by('dirk', 1300, 300), [
      { x: 0, y: 0 },
      { x: 120, y: 40 },
      { x: 260, y: 10 },
    ])
    expect(reasonOf(judge(dirk, 'verkenning', create(stroke)))).toMatch(CROSSES)
    const line = lineShape('shape:line', by('dirk', 1300, 700), [
      { x: 0, y: 0 },
      { x: 300, y: 50 },
    ])
    expect(reasonOf(judge(dirk, 'verkenning', create(line)))).toMatch(CROSSES)
    // The same stroke, small enough to stay in the gap, is in the free area: Dirk may draw it.
    const small = drawShape('shape:small', by('dirk', 1300, 300), [
      { x: 0, y: 0 },
      { x: 20, y: 10 },
    ])
    expect(judge(dirk, 'verkenning', create(small)).ok).toBe(true)
  })

  it('refuses an arrow whose label lands in a closed zone', () => {
    // Above the gossip zone, 40 units clear of it: the arrow stays out, its label does not.
    const arrow = arrowShape(
      'shape:arrow',
      by('dirk', roddel.x + 150, -40),
      { x: 0, y: 0 },
      { x: 300, y: 0 },
      'INGE: JULLIE HEBBEN HET MIS',
    )
    expect(reasonOf(judge(dirk, 'verkenning', create(arrow)))).toMatch(CROSSES)
    const bare = arrowShape('shape:bare', by('dirk', roddel.x + 150, -40), { x: 0, y: 0 }, { x: 300, y: 0 })
    expect(judge(dirk, 'verkenning', create(bare)).ok).toBe(true)
  })

  it('refuses a 30-line text running down through the gossip zone', () => {
    const lines = Array.from({ length: 30 }, (_, i) => `regel ${i + 1}`)
    const text = textShape('shape:text', by('dirk', roddel.x + 60, -500), lines)
    expect(reasonOf(judge(dirk, 'verkenning', create(text)))).toMatch(CROSSES)
    // Wrapped at a width: a long paragraph takes many lines too.
    const long = textShape('shape:long', by('dirk', roddel.x + 60, -400), ['woord '.repeat(300)], 300)
    expect(reasonOf(judge(dirk, 'verkenning', create(long)))).toMatch(CROSSES)
    // Three lines well above the zones: the free area.
    const short = textShape('shape:short', by('dirk', roddel.x + 60, -500), lines.slice(0, 3))
    expect(judge(dirk, 'verkenning', create(short)).ok).toBe(true)
  })

  it('refuses a note at scale 6, a solid 1000x590 rectangle and a frame centred in the gap between two zones', () => {
    const gapX = (casus.x + casus.w + vragen.x) / 2
    const big = noteRecord({ id: 'shape:big', x: gapX - 600, y: 295 - 600, authorId: 'dirk', text: 'groot' })
    const scaled = { ...big, props: { ...big.props, scale: 6 } }
    expect(reasonOf(judge(dirk, 'verkenning', create(scaled)))).toMatch(CROSSES)
    const box = boxShape('shape:box', by('dirk', gapX - 500, 0, 'a9'), 1000, 590)
    expect(reasonOf(judge(dirk, 'verkenning', create(box)))).toMatch(CROSSES)
    const frame = frameShape('shape:frame', by('dirk', gapX - 500, 0, 'a9'), 1000, 590)
    expect(reasonOf(judge(dirk, 'verkenning', create(frame)))).toMatch(CROSSES)
    // Not even the begeleider covers two zones.
    const hers = { ...box, meta: { authorId: 'bea' } }
    expect(reasonOf(judge({ participantId: 'bea', role: 'begeleider' }, 'verkenning', create(hers)))).toMatch(
      CROSSES,
    )
  })

  it('refuses the inbrenger’s labelled arrow into the gossip zone while she only listens', () => {
    const arrow = arrowShape(
      'shape:inge',
      by('inge', roddel.x + roddel.w + 100, 300),
      { x: 0, y: 0 },
      { x: -300, y: 0 },
      'INGE: JULLIE HEBBEN HET MIS',
    )
    expect(reasonOf(judge(inge, 'roddelen', create(arrow)))).toMatch(CROSSES)
    // Wholly inside the gossip zone it is refused for what it is: she only watches there.
    const inside = { ...arrow, x: roddel.x + 500 }
    expect(reasonOf(judge(inge, 'roddelen', create(inside)))).toMatch(/alleen om te kijken/)
  })

  it('refuses an arrow drawn into a closed zone by binding its end to a note there', () => {
    const there = noteRecord({
      id: 'shape:there',
      x: casus.x + 40,
      y: casus.y + 200,
      authorId: 'inge',
      text: 'casus',
    })
    // The arrow's own points stay in the free area, below the zones; its end is bound to the note.
    const arrow = arrowShape('shape:a', by('dirk', 100, 1400), { x: 0, y: 0 }, { x: 100, y: 0 })
    const bind = arrowBinding('binding:a', arrow.id, there.id, 'end')
    expect(judge(dirk, 'verkenning', create(arrow), [there]).ok).toBe(true)
    expect(reasonOf(judge(dirk, 'verkenning', create(arrow, bind), [there]))).toMatch(CROSSES)
    // Binding an arrow already on the board places it too.
    expect(reasonOf(judge(dirk, 'verkenning', create(bind), [there, arrow]))).toMatch(CROSSES)
  })
})

describe('an arrow is drawn to where the shapes it is bound to are', () => {
  it('refuses moving a note when someone’s arrow bound to it would then reach over a zone’s edge', () => {
    const bea: Actor = { participantId: 'bea', role: 'begeleider' }
    const a = noteRecord({ id: 'shape:n1', ...slot(0), authorId: 'dirk', text: 'Wat deed je toen?' })
    const b = noteRecord({ id: 'shape:n2', ...slot(1), authorId: 'olga', text: 'Wie was erbij?' })
    const arrow = arrowShape(
      'shape:ab',
      by('olga', b.x! + 100, b.y! + 100),
      { x: 0, y: 0 },
      { x: a.x! - b.x!, y: 0 },
    )
    const board = [
      a,
      b,
      arrow,
      arrowBinding('binding:s', arrow.id, b.id, 'start'),
      arrowBinding('binding:e', arrow.id, a.id, 'end'),
    ]
    const moveA = (x: number, y: number): RecordChange[] => [{ id: a.id, prev: a, next: { ...a, x, y } }]
    // Within the zone: the arrow follows and stays inside.
    expect(judge(dirk, 'verkenning', moveA(a.x!, a.y! + 240), board).ok).toBe(true)
    // The begeleider moves the note into the case zone: Olga's arrow would span two zones.
    const inCasus = { x: casus.x + 40, y: casus.y + 200 }
    expect(judge(bea, 'verkenning', moveA(inCasus.x, inCasus.y), [a]).ok).toBe(true)
    expect(reasonOf(judge(bea, 'verkenning', moveA(inCasus.x, inCasus.y), board))).toMatch(CROSSES)
  })
})

describe('honest shapes still pass', () => {
  it('a note in its slot, a stroke wholly in an open zone, an arrow between two notes of an open zone', () => {
    const a = noteRecord({ id: 'shape:n1', ...slot(0), authorId: 'dirk', text: 'Wat deed je toen?' })
    const b = noteRecord({ id: 'shape:n2', ...slot(1), authorId: 'dirk', text: 'Wie was erbij?' })
    expect(judge(dirk, 'verkenning', create(a, b)).ok).toBe(true)
    const stroke = drawShape('shape:s', by('dirk', vragen.x + 100, vragen.y + 200), [
      { x: 0, y: 0 },
      { x: 200, y: 100 },
      { x: 400, y: 20 },
    ])
    expect(judge(dirk, 'verkenning', create(stroke)).ok).toBe(true)
    const arrow = arrowShape(
      'shape:ab',
      by('dirk', a.x! + 100, a.y! + 100),
      { x: 0, y: 0 },
      { x: b.x! - a.x!, y: 0 },
    )
    const changes = create(
      arrow,
      arrowBinding('binding:s', arrow.id, a.id, 'start'),
      arrowBinding('binding:e', arrow.id, b.id, 'end'),
    )
    expect(judge(dirk, 'verkenning', changes, [a, b]).ok).toBe(true)
  })

  it('every slot of every zone of every built-in method holds a note wholly inside its zone', () => {
    for (const t of builtinTemplates().values()) {
      for (const rect of boardLayout(t)) {
        const slots = slotsFor(noteArea(t, rect.zoneId), 200)
        expect(slots.length, `${t.id}/${rect.zoneId}`).toBeGreaterThan(0)
        for (const s of slots) {
          const n = noteRecord({ id: 'shape:slot', ...s, authorId: 'a', text: 'x' })
          const world = shapeWorld(
            (id) => (id === 'page:page' ? { id, typeName: 'page' } : id === n.id ? n : undefined),
            () => [n],
          )
          expect(zoneOfShape(n, world, boardLayout(t)), `${t.id}/${rect.zoneId}`).toEqual({
            ok: true,
            zoneId: rect.zoneId,
          })
        }
      }
    }
  })
})

describe('deleting a note someone’s arrow is bound to (finding 6)', () => {
  const mine = noteRecord({ id: 'shape:mine', ...slot(0), authorId: 'dirk', text: 'mijn vraag' })
  const hers = noteRecord({ id: 'shape:hers', ...slot(1), authorId: 'olga', text: 'haar vraag' })
  const arrow = arrowShape(
    'shape:olga-arrow',
    by('olga', hers.x! + 100, hers.y! + 100),
    { x: 0, y: 0 },
    { x: -240, y: 0 },
  )
  const start = arrowBinding('binding:start', arrow.id, hers.id, 'start')
  const end = arrowBinding('binding:end', arrow.id, mine.id, 'end')
  const board = [mine, hers, arrow, start, end]
  // What tldraw does: the arrow's end is written where it was drawn (the edge of my note), the
  // binding goes, the note goes.
  const letGo: RecordChange = {
    id: arrow.id,
    prev: arrow,
    next: { ...arrow, props: { ...arrow.props, end: { x: -140, y: 0 } } },
  }
  const unbind: RecordChange = { id: end.id, prev: end, next: null }
  const remove: RecordChange = { id: mine.id, prev: mine, next: null }

  it('lets the author delete her own note: the binding to it goes too, in one batch', () => {
    expect(judge(dirk, 'verkenning', [letGo, unbind, remove], board).ok).toBe(true)
    // The client judges each step on its own, in tldraw's order: each is allowed.
    expect(judge(dirk, 'verkenning', [letGo], board).ok).toBe(true)
    expect(judge(dirk, 'verkenning', [unbind], board).ok).toBe(true)
    expect(judge(dirk, 'verkenning', [remove], [mine, hers, arrow, start]).ok).toBe(true)
  })

  it('refuses a delete that leaves a binding pointing at nothing', () => {
    expect(judge(dirk, 'verkenning', [remove], board).ok).toBe(false)
  })

  it('gives nobody else a hold on the arrow: no other change, no unbinding from a shape one may not remove', () => {
    const relabel = {
      ...letGo,
      next: { ...letGo.next!, props: { ...letGo.next!.props, richText: { type: 'doc', content: [] } } },
    }
    expect(judge(dirk, 'verkenning', [relabel], board).ok).toBe(false)
    // Olga's own note: Dirk may not remove it, so he may not unhook her arrow from it.
    const fromHers: RecordChange = { id: start.id, prev: start, next: null }
    expect(judge(dirk, 'verkenning', [fromHers], board).ok).toBe(false)
    const moveStart: RecordChange = {
      id: arrow.id,
      prev: arrow,
      next: { ...arrow, props: { ...arrow.props, start: { x: 10, y: 0 } } },
    }
    expect(judge(dirk, 'verkenning', [moveStart], board).ok).toBe(false)
    // Olga herself binds and unbinds as she likes.
    expect(judge(olga, 'verkenning', [fromHers], board).ok).toBe(true)
  })
})
