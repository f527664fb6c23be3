/**
 * The points of a tldraw v5 draw or highlight stroke, read from the record's segments without
 * tldraw (the server judges plain JSON). tldraw stores each segment's points as base64: the first
 * point as Float32 x, y (and z unless `dim` is 2), then each next point as Float16 deltas from the
 * one before (tldraw's b64Vecs). Only the box around the points is needed here.
 */

/** At most this many points in one shape, over all its segments (a long, slow stroke is a few thousand). */
export const MAX_STROKE_POINTS = 50_000
/** At most this many segments in one stroke. */
export const MAX_STROKE_SEGMENTS = 5_000

export interface PointBox {
  minX: number
  minY: number
  maxX: number
  maxY: number
}

export type StrokeBox =
  | { ok: true; box: PointBox | null }
  | { ok: false; problem: 'tooManyPoints' | 'badNumber' }

/** The box around every point of `segments` (null: no points), each point scaled by scaleX, scaleY. */
export function strokeBox(segments: unknown, scaleX: number, scaleY: number): StrokeBox {
  if (!Array.isArray(segments)) return { ok: false, problem: 'badNumber' }
  if (segments.length > MAX_STROKE_SEGMENTS) return { ok: false, problem: 'tooManyPoints' }
  let box: PointBox | null = null
  let budget = MAX_STROKE_POINTS
  for (const segment of segments) {
    const path = (segment as { path?: unknown } | null)?.path
    if (typeof path !== 'string') return { ok: false, problem: 'badNumber' }
    const dim = (segment as { dim?: unknown }).dim === 2 ? 2 : 3
    // A point takes 4 (2D) or 6 (3D) bytes, 4 base64 characters per 3 bytes: bound before decoding.
    const points = Math.ceil((path.length * 3) / 4 / (dim * 2))
    if (points > budget) return { ok: false, problem: 'tooManyPoints' }
    const bytes = decodeBase64(path)
    if (!bytes) return { ok: false, problem: 'badNumber' }
    const read = readPoints(bytes, dim, scaleX, scaleY, box)
    if (!read.ok) return read
    box = read.box
    budget -= points
  }
  return { ok: true, box }
}

function readPoints(
  bytes: Uint8Array,
  dim: 2 | 3,
  scaleX: number,
  scaleY: number,
  box: PointBox | null,
): StrokeBox {
  if (bytes.length === 0) return { ok: true, box }
  const first = dim * 4
  const step = dim * 2
  if (bytes.length < first) return { ok: false, problem: 'badNumber' }
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength)
  let x = view.getFloat32(0, true)
  let y = view.getFloat32(4, true)
  let out = grow(box, x * scaleX, y * scaleY)
  for (let at = first; at + 4 <= bytes.length; at += step) {
    x += float16(view.getUint16(at, true))
    y += float16(view.getUint16(at + 2, true))
    out = grow(out, x * scaleX, y * scaleY)
  }
  const finite = [out.minX, out.minY, out.maxX, out.maxY].every(Number.isFinite)
  return finite ? { ok: true, box: out } : { ok: false, problem: 'badNumber' }
}

function grow(box: PointBox | null, x: number, y: number): PointBox {
  if (!box) return { minX: x, minY: y, maxX: x, maxY: y }
  return {
    minX: Math.min(box.minX, x),
    minY: Math.min(box.minY, y),
    maxX: Math.max(box.maxX, x),
    maxY: Math.max(box.maxY, y),
  }
}

/** IEEE 754 half precision to a number (NaN and infinities come through as such). */
function float16(bits: number): number {
  const sign = bits & 0x8000 ? -1 : 1
  const exponent = (bits >> 10) & 0x1f
  const fraction = bits & 0x3ff
  if (exponent === 0) return sign * 2 ** -14 * (fraction / 1024)
  if (exponent === 0x1f) return fraction ? Number.NaN : sign * Number.POSITIVE_INFINITY
  return sign * 2 ** (exponent - 15) * (1 + fraction / 1024)
}

const ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/'
const VALUE = new Map([...ALPHABET].map((c, i) => [c.charCodeAt(0), i]))

/** Standard base64 (padding optional) to bytes; null for any other character. */
function decodeBase64(text: string): Uint8Array | null {
  let end = text.length
  while (end > 0 && text.charCodeAt(end - 1) === 61) end-- // '='
  const out = new Uint8Array(Math.floor((end * 3) / 4))
  let bits = 0
  let held = 0
  let at = 0
  for (let i = 0; i < end; i++) {
    const v = VALUE.get(text.charCodeAt(i))
    if (v === undefined) return null
    bits = (bits << 6) | v
    held += 6
    if (held >= 8) {
      held -= 8
      out[at++] = (bits >> held) & 0xff
    }
  }
  return out.subarray(0, at)
}
