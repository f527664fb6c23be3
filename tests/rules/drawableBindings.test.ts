import { describe, expect, it } from 'vitest'
import { drawProblem } from '../../shared/drawable/drawableRecord'

/**
 * The drawing rule for the records that are not shapes (drawable/drawableRecord.ts): an arrow
 * binding's anchor, an asset's numbers and the document's grid each have bounds the editor can
 * draw within; each bound holds on both sides, and a record outside it says where.
 */
const binding = (props: unknown, type = 'arrow') => ({
  id: 'binding:b',
  typeName: 'binding',
  type,
  fromId: 'shape:arrow',
  toId: 'shape:note',
  props,
  meta: {},
})
const anchored = (x: unknown, y: unknown) =>
  binding({ terminal: 'end', normalizedAnchor: { x, y }, isExact: false, isPrecise: false, snap: 'none' })
const asset = (props: unknown) => ({ id: 'asset:a', typeName: 'asset', type: 'image', props, meta: {} })
const documentWith = (gridSize: unknown) => ({
  id: 'document:document',
  typeName: 'document',
  gridSize,
  name: '',
  meta: {},
})

describe('an arrow binding', () => {
  it('is drawable with its anchor anywhere from -100 to 100 times the target’s box', () => {
    for (const [x, y] of [
      [0.5, 0.5],
      [-100, 100],
      [100, -100],
    ])
      expect(drawProblem(anchored(x, y)), `${x},${y}`).toBeNull()
  })

  it('says where it is not: its kind, its props, its anchor, each coordinate', () => {
    expect(drawProblem(binding({}, 'glue'))).toEqual(
      expect.objectContaining({ code: 'recordType', where: 'type' }),
    )
    expect(drawProblem(binding('props'))).toEqual(
      expect.objectContaining({ code: 'badField', where: 'props' }),
    )
    expect(drawProblem(binding({ normalizedAnchor: null }))).toEqual(
      expect.objectContaining({ code: 'badField', where: 'props.normalizedAnchor' }),
    )
    expect(drawProblem(anchored(100.5, 0))).toEqual(
      expect.objectContaining({ code: 'outOfBounds', where: 'props.normalizedAnchor.x' }),
    )
    expect(drawProblem(anchored(0, -100.5))).toEqual(
      expect.objectContaining({ code: 'outOfBounds', where: 'props.normalizedAnchor.y' }),
    )
    expect(drawProblem(anchored(Number.NaN, 0))).toEqual(
      expect.objectContaining({ code: 'notANumber', where: 'props.normalizedAnchor.x' }),
    )
    expect(drawProblem(anchored(0, '1'))).toEqual(
      expect.objectContaining({ code: 'notANumber', where: 'props.normalizedAnchor.y' }),
    )
  })
})

describe('an asset and the document', () => {
  it('takes an asset’s numbers from 0 to 10^12, and nothing else as a number', () => {
    expect(drawProblem(asset({ w: 0, h: 1e12, fileSize: 2048, name: 'foto.png' }))).toBeNull()
    expect(drawProblem(asset({ w: -1, h: 10 }))).toEqual(
      expect.objectContaining({ code: 'outOfBounds', where: 'props.w' }),
    )
    expect(drawProblem(asset({ w: 10, h: 1e12 + 1 }))).toEqual(
      expect.objectContaining({ code: 'outOfBounds', where: 'props.h' }),
    )
    expect(drawProblem(asset({ w: Number.POSITIVE_INFINITY }))).toEqual(
      expect.objectContaining({ code: 'notANumber', where: 'props.w' }),
    )
    expect(drawProblem(asset(null))).toEqual(expect.objectContaining({ code: 'badField', where: 'props' }))
  })

  it('takes a grid of 1 to 1000', () => {
    expect(drawProblem(documentWith(1))).toBeNull()
    expect(drawProblem(documentWith(1000))).toBeNull()
    expect(drawProblem(documentWith(0))?.code).toBe('outOfBounds')
    expect(drawProblem(documentWith(1001))?.code).toBe('outOfBounds')
    expect(drawProblem(documentWith('10'))?.code).toBe('notANumber')
  })
})
