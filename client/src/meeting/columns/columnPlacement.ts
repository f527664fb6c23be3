import type { Editor, TLShape } from 'tldraw'
import { isZoneFrame } from '../../../../templates/src/boardRecords'
import {
  type Box,
  freePosition,
  overlapArea,
  type RatingColumn,
} from '../../../../templates/src/ratingColumns'
import { asBoardRecord } from '../locks/boardPolicy'

/**
 * Where a note should go in a column, in its parent's space: null when it already stands well
 * there (inside the column's area, over no other shape), else the column's next free place.
 */
export function placeInColumn(
  editor: Editor,
  shape: TLShape,
  column: RatingColumn,
): { x: number; y: number } | null {
  const bounds = editor.getShapePageBounds(shape)
  if (!bounds) return null
  const box: Box = { x: bounds.x, y: bounds.y, w: bounds.w, h: bounds.h }
  const occupied = othersOnPage(editor, shape)
  if (inside(box, column.area) && !occupied.some((other) => overlapArea(box, other) > 0)) return null
  const corner = freePosition(column, { w: box.w, h: box.h }, occupied)
  // Move the shape's origin by what its bounds move, then into its parent's space.
  const origin = editor.getShapePageTransform(shape).point()
  return editor.getPointInParentSpace(shape, {
    x: origin.x + corner.x - box.x,
    y: origin.y + corner.y - box.y,
  })
}

/** The page bounds of every other shape that takes room (not zone frames, not groups). */
function othersOnPage(editor: Editor, shape: TLShape): Box[] {
  const boxes: Box[] = []
  for (const other of editor.getCurrentPageShapes()) {
    if (other.id === shape.id || other.type === 'group' || isZoneFrame(asBoardRecord(other))) continue
    const b = editor.getShapePageBounds(other)
    if (b) boxes.push({ x: b.x, y: b.y, w: b.w, h: b.h })
  }
  return boxes
}

function inside(box: Box, area: Box): boolean {
  return (
    box.x >= area.x && box.y >= area.y && box.x + box.w <= area.x + area.w && box.y + box.h <= area.y + area.h
  )
}
