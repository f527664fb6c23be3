import type { Editor, TLShape } from 'tldraw'
import { boardLayout } from '../../../../shared/layout'
import { findZone } from '../../../../shared/permissions'
import { hasRatingColumns, type RatingColumn, ratingColumns } from '../../../../shared/ratingColumns'
import { shapePageCentre } from '../../../../shared/shapeGeometry'
import type { Template } from '../../../../shared/templateSchema'
import { asBoardRecord, boardWorld } from '../locks/boardPolicy'

/** The W/N/K columns of a zone on this board, or null for a zone without them. */
export function zoneColumns(template: Template, zoneId: string | null): RatingColumn[] | null {
  if (zoneId === null || !hasRatingColumns(findZone(template, zoneId))) return null
  const rect = boardLayout(template).find((r) => r.zoneId === zoneId)
  if (!rect) return null
  return ratingColumns(rect, rect.slotArea)
}

/**
 * The page point that decides a shape's column, by the rule the server applies (the centre of
 * its bounds through its parents); null when its place cannot be known.
 */
export function shapeCentre(editor: Editor, shape: TLShape): { x: number; y: number } | null {
  const centre = shapePageCentre(asBoardRecord(shape), boardWorld(editor))
  return centre.ok ? centre.value : null
}

/** The zones someone rates in during this phase. */
export function zonesRatedIn(template: Template, phaseIndex: number): string[] {
  const phase = template.phases[phaseIndex]
  if (!phase) return []
  return Object.entries(phase.zones)
    .filter(([, byRole]) => Object.values(byRole).some((access) => access?.can.includes('rate')))
    .map(([zoneId]) => zoneId)
}
