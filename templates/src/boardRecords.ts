import { type ZoneRect, zoneAtPoint } from './layout'

/**
 * The few facts about tldraw records that the rules need, without importing tldraw: rules run on
 * the server on plain JSON, and in the client on the store's records.
 */
export interface BoardRecord {
  id: string
  typeName: string
  type?: string
  parentId?: string
  x?: number
  y?: number
  meta?: Record<string, unknown>
  props?: Record<string, unknown>
  [key: string]: unknown
}

export const PAGE_ID = 'page:page'
export const DOCUMENT_ID = 'document:document'

/** Zone frames have stable ids derived from the template's zone ids, so rules can refer to them. */
export function zoneFrameId(zoneId: string): string {
  return `shape:zone-${zoneId}`
}

export function isZoneFrame(record: BoardRecord): boolean {
  const zoneId = record.meta?.zoneId
  return record.typeName === 'shape' && typeof zoneId === 'string' && record.id === zoneFrameId(zoneId)
}

export function authorOf(record: BoardRecord): string | null {
  const author = record.meta?.authorId
  return typeof author === 'string' ? author : null
}

export function ratingOf(record: BoardRecord): string | null {
  const rating = record.meta?.rating
  return typeof rating === 'string' ? rating : null
}

/**
 * The zone a shape is in: the zone frame among its ancestors, or else the zone under the
 * top-left corner of its top-level ancestor (a note dropped over a zone without being reparented
 * still counts as in it). Null: the free area.
 */
export function zoneOfShape(
  record: BoardRecord,
  getRecord: (id: string) => BoardRecord | undefined,
  rects: readonly ZoneRect[],
): string | null {
  let current: BoardRecord | undefined = record
  for (let depth = 0; current && depth < 100; depth++) {
    const parentId: string | undefined = current.parentId
    if (!parentId || parentId.startsWith('page:')) {
      return zoneAtPoint(rects, Number(current.x ?? 0), Number(current.y ?? 0))
    }
    const parent = getRecord(parentId)
    if (parent && isZoneFrame(parent)) return String(parent.meta?.zoneId)
    current = parent
  }
  return null
}

/** Fields that only place a shape, as opposed to its content. */
const PLACEMENT_FIELDS = new Set(['x', 'y', 'rotation', 'index', 'parentId'])

/** What an update of one shape changes: placement, rating, and/or anything else (content). */
export function classifyShapeUpdate(
  prev: BoardRecord,
  next: BoardRecord,
): { placement: boolean; rating: boolean; content: boolean } {
  let placement = false
  let content = false
  const keys = new Set([...Object.keys(prev), ...Object.keys(next)])
  for (const key of keys) {
    if (key === 'meta') continue
    if (sameJson(prev[key], next[key])) continue
    if (PLACEMENT_FIELDS.has(key)) placement = true
    else content = true
  }
  const { rating: prevRating, ...prevMeta } = prev.meta ?? {}
  const { rating: nextRating, ...nextMeta } = next.meta ?? {}
  if (!sameJson(prevMeta, nextMeta)) content = true
  return { placement, rating: prevRating !== nextRating, content }
}

function sameJson(a: unknown, b: unknown): boolean {
  if (a === b) return true
  return JSON.stringify(a) === JSON.stringify(b)
}
