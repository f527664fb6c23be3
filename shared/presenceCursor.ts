/**
 * The cursor travels apart from the rest of a presence. Each browser holds two awareness entries:
 * its own client id with everything that changes slowly (name, colour, page, selection, camera,
 * chat, the cursor's type), and a second id derived from it that carries only the cursor,
 * `{"c":[x,y]}` (`{"c":null}`: not shown). A cursor move then costs about 35 B on the wire
 * instead of the whole tldraw presence record (~455 B), and a stock y-websocket client still sees
 * both as ordinary awareness states. The server lets a connection write the cursor entry of its
 * own id only, and no other entry may carry `c`; so a receiver may trust that the cursor at id X
 * belongs to the presence at `cursorClientId(X)`.
 */

/** The field of a cursor entry. */
export const CURSOR_FIELD = 'c'

/** Page coordinates beyond this are no cursor anyone can point at. */
const MAX_COORDINATE = 1e7

/**
 * The cursor entry's id for a presence id, and back (the mapping is its own inverse). Yjs client
 * ids are random 32-bit numbers; the derived id stays one.
 */
export function cursorClientId(clientId: number): number {
  return (clientId ^ 0x2c5a_93e1) >>> 0
}

/** Whether an awareness state is a cursor entry (has the cursor field at all). */
export function isCursorState(state: unknown): boolean {
  return !!state && typeof state === 'object' && !Array.isArray(state) && CURSOR_FIELD in state
}

/**
 * A cursor entry's state, rebuilt from what was sent: `{c:[x,y]}` with finite, bounded numbers
 * to a tenth of a page unit, or `{c:null}`; undefined when it is no cursor entry.
 */
export function cursorState(state: unknown): { c: [number, number] | null } | undefined {
  if (!isCursorState(state)) return undefined
  const record = state as Record<string, unknown>
  if (Object.keys(record).length !== 1) return undefined
  const c = record[CURSOR_FIELD]
  if (c === null) return { c: null }
  if (!Array.isArray(c) || c.length !== 2) return undefined
  const [x, y] = c
  if (!isCoordinate(x) || !isCoordinate(y)) return undefined
  return { c: [roundTenth(x), roundTenth(y)] }
}

/** The cursor position a (sanitised or not) state carries, or null. */
export function cursorOf(state: unknown): { x: number; y: number } | null {
  const read = cursorState(state)
  return read?.c ? { x: read.c[0], y: read.c[1] } : null
}

function isCoordinate(value: unknown): value is number {
  return typeof value === 'number' && Number.isFinite(value) && Math.abs(value) <= MAX_COORDINATE
}

function roundTenth(value: number): number {
  return Math.round(value * 10) / 10
}
