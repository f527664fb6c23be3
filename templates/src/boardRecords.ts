import { type ZoneRect, zoneAtPoint } from './layout'
import { type PlacementProblem, type ShapeWorld, shapePageCentre } from './shapeGeometry'

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

/** The zone a shape is in (null: the free area), or why its place cannot be known. */
export type ShapeZone = { ok: true; zoneId: string | null } | { ok: false; problem: PlacementProblem }

/**
 * The zone a shape is drawn in: the zone whose rectangle holds the centre of the shape's
 * page-space bounds, through its whole parent chain (groups, frames, zone frames). A chain that
 * does not end at a page, loops or is too deep is a problem, never the free area.
 */
export function zoneOfShape(record: BoardRecord, world: ShapeWorld, rects: readonly ZoneRect[]): ShapeZone {
  const centre = shapePageCentre(record, world)
  if (!centre.ok) return centre
  return { ok: true, zoneId: zoneAtPoint(rects, centre.value.x, centre.value.y) }
}

/**
 * A shape world over a lookup and a list of all shapes, for callers without a child index: the
 * parent index is built once, on first use, in one pass.
 */
export function shapeWorld(
  get: (id: string) => BoardRecord | undefined,
  allShapes: () => Iterable<BoardRecord>,
): ShapeWorld {
  let byParent: Map<string, BoardRecord[]> | null = null
  return {
    get,
    children(parentId) {
      if (!byParent) {
        byParent = new Map()
        for (const shape of allShapes()) {
          if (typeof shape.parentId !== 'string') continue
          const list = byParent.get(shape.parentId)
          if (list) list.push(shape)
          else byParent.set(shape.parentId, [shape])
        }
      }
      return byParent.get(parentId) ?? []
    },
  }
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
