import type { BoardRecord } from './boardRecord'
import type { ZoneRect } from './layout'
import { type PlacementProblem, type ShapeWorld, shapePageOutline } from './shapeGeometry'
import { zoneOfOutline } from './zoneFit'

export type { BoardRecord } from './boardRecord'

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
 * The zone a shape is drawn in, judged by everything it draws (its page outline through its
 * whole parent chain: groups, frames, zone frames): a zone when it lies wholly inside that
 * zone, the free area (null) when it touches no zone, and the problem 'crossesZone' when it
 * lies partly in a zone, or covers one. A chain that does not end at a page, loops or is too
 * deep is a problem too, never the free area.
 */
export function zoneOfShape(record: BoardRecord, world: ShapeWorld, rects: readonly ZoneRect[]): ShapeZone {
  const outline = shapePageOutline(record, world)
  if (!outline.ok) return outline
  const zone = zoneOfOutline(outline.value, rects)
  return zone === undefined ? { ok: false, problem: 'crossesZone' } : { ok: true, zoneId: zone }
}

/**
 * A shape world over a lookup and a list of all shapes (and, for arrows, all bindings), for
 * callers without a child index: each index is built once, on first use, in one pass.
 */
export function shapeWorld(
  get: (id: string) => BoardRecord | undefined,
  allShapes: () => Iterable<BoardRecord>,
  allBindings?: () => Iterable<BoardRecord>,
): ShapeWorld {
  let byParent: Map<string, BoardRecord[]> | null = null
  let byArrow: Map<string, BoardRecord[]> | null = null
  let byTarget: Map<string, BoardRecord[]> | null = null
  return {
    get,
    children(parentId) {
      byParent ??= indexBy(allShapes(), 'parentId')
      return byParent.get(parentId) ?? []
    },
    bindingsFrom(shapeId) {
      if (!allBindings) return []
      byArrow ??= indexBy(allBindings(), 'fromId')
      return byArrow.get(shapeId) ?? []
    },
    bindingsTo(shapeId) {
      if (!allBindings) return []
      byTarget ??= indexBy(allBindings(), 'toId')
      return byTarget.get(shapeId) ?? []
    },
  }
}

/** Records grouped by a string field (records without it are left out). */
export function indexBy(
  records: Iterable<BoardRecord>,
  field: 'parentId' | 'fromId' | 'toId',
): Map<string, BoardRecord[]> {
  const index = new Map<string, BoardRecord[]>()
  for (const record of records) {
    const key = record[field]
    if (typeof key !== 'string') continue
    const list = index.get(key)
    if (list) list.push(record)
    else index.set(key, [record])
  }
  return index
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
