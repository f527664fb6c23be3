import { b64Vecs } from '@tldraw/tlschema'
import { describe, expect, it } from 'vitest'
import { readPath } from '../../shared/drawable/pathPoints'

/**
 * A draw path read as the editor decodes it (drawable/pathPoints.ts): the points' extent comes
 * out where tldraw puts them, and the pressure (z) is bounded as the stroke's width needs.
 */
const path = (points: Array<{ x: number; y: number; z?: number }>) =>
  b64Vecs.encodePoints(points.map((p) => ({ z: 0.5, ...p })))

describe('reading a draw path', () => {
  it('finds the extent of its points as tldraw encodes them', () => {
    const encoded = path([
      { x: 10, y: 20 },
      { x: 15, y: 18 },
      { x: 4, y: 30 },
    ])
    expect(readPath(encoded, undefined, 100, 1e6)).toEqual({
      ok: true,
      points: 3,
      minX: 4,
      minY: 18,
      maxX: 15,
      maxY: 30,
    })
    expect(readPath(path([{ x: -250.5, y: 1000 }]), undefined, 100, 1e6)).toMatchObject({
      ok: true,
      minX: -250.5,
      maxY: 1000,
    })
  })

  it('takes a pressure up to 1000, and refuses more', () => {
    expect(readPath(path([{ x: 0, y: 0, z: 1000 }]), undefined, 100, 1e6).ok).toBe(true)
    expect(readPath(path([{ x: 0, y: 0, z: -1000 }]), undefined, 100, 1e6).ok).toBe(true)
    expect(readPath(path([{ x: 0, y: 0, z: 1000.5 }]), undefined, 100, 1e6)).toEqual({
      ok: false,
      problem: 'notANumber',
    })
  })

  it('holds the coordinates to the bound given, on both sides', () => {
    expect(readPath(path([{ x: 500, y: -500 }]), undefined, 100, 500).ok).toBe(true)
    expect(readPath(path([{ x: 500.5, y: 0 }]), undefined, 100, 500)).toEqual({
      ok: false,
      problem: 'outOfBounds',
    })
    expect(readPath(path([{ x: 0, y: -500.5 }]), undefined, 100, 500)).toEqual({
      ok: false,
      problem: 'outOfBounds',
    })
  })
})
