/**
 * The points of a tldraw v5 draw or highlight segment, read without tldraw. tldraw stores them as
 * base64 (tlschema/src/misc/b64Vecs.ts): the first point as Float32 x, y (and z unless
 * `dim` is 2), every later point as Float16 deltas of the same fields, little-endian. A hostile
 * path can hide Infinity or NaN in a delta, or add deltas until a point is off any board, so
 * every point is accumulated and checked the way the editor will decode it.
 */

export type PathReading =
  | { ok: true; points: number; minX: number; minY: number; maxX: number; maxY: number }
  | { ok: false; problem: 'badPath' | 'noPoints' | 'tooManyPoints' | 'notANumber' | 'outOfBounds' }

const BASE64 = /^[A-Za-z0-9+/]*={0,2}$/

export function readPath(path: unknown, dim: unknown, maxPoints: number, maxCoordinate: number): PathReading {
  if (typeof path !== 'string' || (dim !== undefined && dim !== 2 && dim !== 3))
    return { ok: false, problem: 'badPath' }
  if (path.length === 0) return { ok: false, problem: 'noPoints' }
  const fields = dim === 2 ? 2 : 3
  const firstBytes = fields * 4
  const deltaBytes = fields * 2
  // Four base64 characters per three bytes: refuse before decoding what could not fit.
  if (path.length > Math.ceil((firstBytes + maxPoints * deltaBytes) / 3) * 4 + 4)
    return { ok: false, problem: 'tooManyPoints' }
  if (path.length % 4 !== 0 || !BASE64.test(path)) return { ok: false, problem: 'badPath' }
  const bytes = decodeBase64(path)
  if (bytes.length < firstBytes || (bytes.length - firstBytes) % deltaBytes !== 0)
    return { ok: false, problem: 'badPath' }
  const points = 1 + (bytes.length - firstBytes) / deltaBytes
  if (points > maxPoints) return { ok: false, problem: 'tooManyPoints' }
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength)
  let x = view.getFloat32(0, true)
  let y = view.getFloat32(4, true)
  let minX = x
  let minY = y
  let maxX = x
  let maxY = y
  for (let i = 0; i < points; i++) {
    if (i > 0) {
      const at = firstBytes + (i - 1) * deltaBytes
      x += float16(view.getUint16(at, true))
      y += float16(view.getUint16(at + 2, true))
    }
    if (!Number.isFinite(x) || !Number.isFinite(y)) return { ok: false, problem: 'notANumber' }
    if (Math.abs(x) > maxCoordinate || Math.abs(y) > maxCoordinate)
      return { ok: false, problem: 'outOfBounds' }
    minX = Math.min(minX, x)
    minY = Math.min(minY, y)
    maxX = Math.max(maxX, x)
    maxY = Math.max(maxY, y)
  }
  // z (pressure) is read the same way by the editor; an infinite z breaks the stroke's width.
  if (fields === 3) {
    let z = view.getFloat32(8, true)
    for (let i = 0; i < points; i++) {
      if (i > 0) z += float16(view.getUint16(firstBytes + (i - 1) * deltaBytes + 4, true))
      if (!Number.isFinite(z) || Math.abs(z) > 1000) return { ok: false, problem: 'notANumber' }
    }
  }
  return { ok: true, points, minX, minY, maxX, maxY }
}

/** IEEE 754 half precision, as tldraw's float16BitsToNumber reads it. */
export function float16(bits: number): number {
  const sign = bits >> 15 ? -1 : 1
  const exp = (bits >> 10) & 0x1f
  const frac = bits & 0x3ff
  if (exp === 0) return sign * frac * 2 ** -24
  if (exp === 31) return frac ? Number.NaN : sign * Number.POSITIVE_INFINITY
  return sign * 2 ** (exp - 15) * (1 + frac / 1024)
}

function decodeBase64(text: string): Uint8Array {
  const binary = atob(text)
  const bytes = new Uint8Array(binary.length)
  for (let i = 0; i < binary.length; i++) bytes[i] = binary.charCodeAt(i)
  return bytes
}
