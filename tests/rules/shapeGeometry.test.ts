import { Box, Mat } from '@tldraw/editor'
import { describe, expect, it } from 'vitest'
import { boardSeedRecords } from '../../server/src/meetings/boardSeed'
import { type BoardRecord, zoneFrameId, zoneOfShape } from '../../shared/boardRecords'
import type { ZoneRect } from '../../shared/layout'
import {
  descendantsOf,
  MAX_CONTAINED_SHAPES,
  MAX_PARENT_DEPTH,
  shapePageCentre,
} from '../../shared/shapeGeometry'
import { parseTemplate } from '../../shared/templateSchema'
import mini from '../fixtures/mini-method.json'
import { noteRecord } from '../helpers/records'
import { frameRecord, groupRecord, worldOf } from './boardShapes'

/**
 * Where a shape is drawn: the centre of its page-space bounds through the whole parent chain.
 * The geometry is tested on fixed zones, whatever size the board layout gives them: the mini
 * method's zones at vragen x 0..420, roddelzone x 484..904, adviezen x 968..1388, all y 0..320;
 * the rest is the free area. Its zone frames are placed there too.
 */
const parsed = parseTemplate(mini)
if (!parsed.ok) throw new Error(parsed.errors.join('\n'))
const template = parsed.template
const cell = (zoneId: string, x: number): ZoneRect => ({
  zoneId,
  x,
  y: 0,
  w: 420,
  h: 320,
  slotArea: { x: x + 24, y: 100, w: 372, h: 196 },
  hintLines: 1,
})
const rects: ZoneRect[] = [cell('vragen', 0), cell('roddelzone', 484), cell('adviezen', 968)]
const seed = boardSeedRecords(template).map((record) => {
  const rect = rects.find((r) => record.id === zoneFrameId(r.zoneId))
  return rect ? { ...record, x: rect.x, y: rect.y, props: { ...record.props, w: rect.w, h: rect.h } } : record
})

const note = (id: string, x: number, y: number, extra: { parentId?: string; rotation?: number } = {}) =>
  ({
    ...noteRecord({ id, x, y, authorId: 'a', text: id, parentId: extra.parentId }),
    rotation: extra.rotation ?? 0,
  }) as BoardRecord

function zoneIn(shape: BoardRecord, others: BoardRecord[] = []) {
  const z = zoneOfShape(shape, worldOf([...seed, ...others, shape]), rects)
  if (!z.ok) throw new Error(`unplaced: ${z.problem}`)
  return z.zoneId
}
function problemOf(shape: BoardRecord, others: BoardRecord[] = []) {
  const z = zoneOfShape(shape, worldOf([...seed, ...others, shape]), rects)
  return z.ok ? null : z.problem
}

describe('zone of a shape: all of where it is drawn', () => {
  it('counts a note in a zone only when all of it is inside; partly in is crossing, wholly out is the free area', () => {
    expect(zoneIn(note('shape:n', 10, 50))).toBe('vragen')
    expect(problemOf(note('shape:n', -10, 50))).toBe('crossesZone') // top-left a few px outside
    expect(problemOf(note('shape:n', 470, 50))).toBe('crossesZone') // top-left in the gap
    expect(problemOf(note('shape:n', 330, 50))).toBe('crossesZone') // centre outside, top-left inside
    expect(zoneIn(note('shape:n', -300, 50))).toBe(null)
    expect(zoneIn(note('shape:n', 10, 400))).toBe(null)
  })

  it('sizes a note by its scale and growY, as tldraw v5 does', () => {
    const big = { ...note('shape:n', 210, 50), props: { ...note('shape:n', 0, 0).props, scale: 2 } }
    expect(zoneIn(note('shape:n', 210, 50))).toBe('vragen') // x 210..410
    expect(problemOf(big)).toBe('crossesZone') // x 210..610
    const tall = { ...note('shape:n', 10, 100), props: { ...note('shape:n', 0, 0).props, growY: 200 } }
    expect(zoneIn(note('shape:n', 10, 100))).toBe('vragen')
    expect(problemOf(tall)).toBe('crossesZone') // y 100..500
  })

  it('composes x, y and rotation of every group and frame above a shape', () => {
    const g = groupRecord('shape:g', { x: 500, y: 0 })
    expect(zoneIn(note('shape:n', 0, 50, { parentId: g.id }), [g])).toBe('roddelzone')
    // A quarter turn: the note's centre (200, -300) in the group lands on (300, 200) on the page.
    const turned = groupRecord('shape:g', { rotation: Math.PI / 2 })
    expect(zoneIn(note('shape:n', 100, -400, { parentId: turned.id }), [turned])).toBe('vragen')
    // Frame > group > note, the frame turned half round.
    const f = frameRecord('shape:f', 300, 300, { x: 900, y: 300, rotation: Math.PI })
    const inner = groupRecord('shape:g', { parentId: f.id, x: 50, y: 50 })
    expect(zoneIn(note('shape:n', 50, 50, { parentId: inner.id }), [f, inner])).toBe('roddelzone')
  })

  it('places a note in a zone frame by where it is drawn, not by the frame it hangs from', () => {
    const frame = zoneFrameId('adviezen')
    expect(zoneIn(note('shape:n', 10, 10, { parentId: frame }))).toBe('adviezen')
    expect(problemOf(note('shape:n', -600, 10, { parentId: frame }))).toBe('crossesZone') // x 368..568
    expect(zoneIn(note('shape:n', -480, 10, { parentId: frame }))).toBe('roddelzone')
    expect(zoneIn(note('shape:n', 10, -600, { parentId: frame }))).toBe(null)
  })

  it("takes a group's box from its children, all levels", () => {
    const g = groupRecord('shape:g', { x: 484, y: 0 })
    const a = note('shape:a', 0, 0, { parentId: g.id })
    const b = note('shape:b', 200, 0, { parentId: g.id })
    // Children span x 0..400: 484..884 on the page.
    expect(zoneIn(g, [a, b])).toBe('roddelzone')
    expect(problemOf(g, [a, { ...b, x: 400 }])).toBe('crossesZone') // 484..1084
    const outer = groupRecord('shape:o', { x: 0, y: 0 })
    const nested = { ...g, parentId: outer.id, x: 484 }
    const near = note('shape:near', 600, 100, { parentId: outer.id })
    expect(zoneIn(outer, [nested, a, b, near])).toBe('roddelzone')
    // outer spans nested (484..884) and far (1000..1200): over two zones.
    const far = note('shape:far', 1000, 0, { parentId: outer.id })
    expect(problemOf(outer, [nested, a, b, far])).toBe('crossesZone')
  })

  it('matches tldraw page bounds (Mat composition, Box around the corners) on seeded random chains', () => {
    let seedValue = 7
    const random = () => {
      seedValue = (seedValue * 1103515245 + 12345) % 2 ** 31
      return seedValue / 2 ** 31
    }
    for (let run = 0; run < 200; run++) {
      const chain: BoardRecord[] = []
      let parentId = 'page:page'
      const depth = 1 + Math.floor(random() * 5)
      for (let i = 0; i < depth; i++) {
        const placement = {
          parentId,
          x: random() * 800 - 400,
          y: random() * 800 - 400,
          rotation: random() * 7,
        }
        const shape =
          random() < 0.5
            ? groupRecord(`shape:c${i}`, placement)
            : frameRecord(`shape:c${i}`, 300, 200, placement)
        chain.push(shape)
        parentId = shape.id
      }
      const n = { ...note('shape:n', random() * 400, random() * 400, { parentId }), rotation: random() * 7 }
      let transform = Mat.Identity()
      for (const s of [...chain, n])
        transform = Mat.Compose(transform, Mat.Translate(s.x!, s.y!).rotate(s.rotation as number))
      const expected = Box.FromPoints(transform.applyToPoints(new Box(0, 0, 200, 200).corners)).center
      const got = shapePageCentre(n, worldOf([...chain, n]))
      if (!got.ok) throw new Error(got.problem)
      expect(got.value.x).toBeCloseTo(expected.x, 6)
      expect(got.value.y).toBeCloseTo(expected.y, 6)
    }
  })
})

describe('a shape whose place cannot be known is a problem, not the free area', () => {
  it('refuses a missing parent, a parent that is not a group, frame or page, and a missing page', () => {
    expect(problemOf(note('shape:n', 0, 0, { parentId: 'shape:gone' }))).toBe('missingParent')
    expect(problemOf(note('shape:n', 0, 0, { parentId: 'page:other' }))).toBe('missingParent')
    const host = note('shape:host', -2000, 0)
    expect(problemOf(note('shape:n', 0, 0, { parentId: host.id }), [host])).toBe('badParent')
  })

  it('refuses a cycle and a chain deeper than the bound', () => {
    const a = groupRecord('shape:a', { parentId: 'shape:b' })
    const b = groupRecord('shape:b', { parentId: 'shape:a' })
    expect(problemOf(note('shape:n', 0, 0, { parentId: a.id }), [a, b])).toBe('cycle')
    expect(problemOf({ ...a, parentId: a.id })).toBe('cycle')
    const deep: BoardRecord[] = []
    for (let i = 0; i < MAX_PARENT_DEPTH + 1; i++) {
      deep.push(groupRecord(`shape:d${i}`, { parentId: i === 0 ? 'page:page' : `shape:d${i - 1}` }))
    }
    expect(problemOf(note('shape:n', 0, 0, { parentId: `shape:d${MAX_PARENT_DEPTH}` }), deep)).toBe('tooDeep')
    expect(problemOf(note('shape:n', 0, 0, { parentId: `shape:d${MAX_PARENT_DEPTH - 1}` }), deep)).toBe(null)
  })

  it('refuses positions and sizes that are not finite numbers', () => {
    expect(problemOf({ ...note('shape:n', 0, 0), x: Number.NaN })).toBe('badNumber')
    expect(problemOf({ ...note('shape:n', 0, 0), y: '12' as unknown as number })).toBe('badNumber')
    expect(problemOf({ ...note('shape:n', 0, 0), rotation: '0.5' as unknown as number })).toBe('badNumber')
    const n = note('shape:n', 0, 0)
    expect(problemOf({ ...n, props: { ...n.props, scale: Number.POSITIVE_INFINITY } })).toBe('badNumber')
  })

  it('bounds the shapes walked inside a group or frame', () => {
    const g = groupRecord('shape:g', { x: -3000 })
    const kids = Array.from({ length: MAX_CONTAINED_SHAPES + 1 }, (_, i) =>
      note(`shape:k${i}`, i, 0, { parentId: g.id }),
    )
    expect(problemOf(g, kids)).toBe('tooManyShapes')
    expect(problemOf(g, kids.slice(1))).toBe(null)
    const world = worldOf([g, ...kids])
    expect(descendantsOf(g, world)).toEqual({ ok: false, problem: 'tooManyShapes' })
    expect(descendantsOf(g, worldOf([g, ...kids.slice(1)])).ok).toBe(true)
  })

  it('bounds the depth walked below a group or frame, and trusts no record filed under another id', () => {
    const chain: BoardRecord[] = []
    for (let i = 0; i <= MAX_PARENT_DEPTH + 1; i++) {
      chain.push(groupRecord(`shape:d${i}`, { parentId: i === 0 ? 'page:page' : `shape:d${i - 1}` }))
    }
    expect(descendantsOf(chain[0]!, worldOf(chain))).toEqual({ ok: false, problem: 'tooDeep' })
    expect(descendantsOf(chain[0]!, worldOf(chain.slice(0, MAX_PARENT_DEPTH))).ok).toBe(true)
    const g = groupRecord('shape:g')
    const n = note('shape:n', 0, 0, { parentId: 'shape:h' })
    const lying = worldOf([g])
    const world = { ...lying, get: (id: string) => (id === 'shape:h' ? g : lying.get(id)) }
    expect(shapePageCentre(n, world)).toEqual({ ok: false, problem: 'badParent' })
  })
})
