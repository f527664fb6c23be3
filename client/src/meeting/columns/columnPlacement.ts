import type { Editor, TLShape } from 'tldraw'
import { isZoneFrame } from '../../../../shared/boardRecords'
import {
  type Box,
  columnSlots,
  freePosition,
  overlapArea,
  type RatingColumn,
} from '../../../../shared/ratingColumns'
import { slotGrid } from '../../../../shared/slots'
import { asBoardRecord } from '../locks/boardPolicy'

/**
 * Where a note should go in a column, in its parent's space: null when it already stands well
 * there (in one of the column's slots, over no other shape), else the column's next free slot.
 * A note let go anywhere in a column lines up with the others, so marks and notes keep apart.
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
  if (inSlot(box, column) && !occupied.some((other) => overlapArea(box, other) > 0)) return null
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

/** Whether a note's corner is one of the column's slots (within a rounding error). */
function inSlot(box: Box, column: RatingColumn): boolean {
  const { cols, rows } = slotGrid(column.area)
  return columnSlots(column, cols * rows).some(
    (slot) => Math.abs(slot.x - box.x) < 0.5 && Math.abs(slot.y - box.y) < 0.5,
  )
}
