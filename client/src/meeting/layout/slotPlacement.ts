import type { Editor, TLShape, TLShapeId } from 'tldraw'
import { isZoneFrame } from '../../../../shared/boardRecords'
import { intersects, type Rect } from '../../../../shared/slots'
import { asBoardRecord } from '../locks/boardPolicy'

/**
 * What takes room in an area of the page: the bounds of every shape drawn there (a group counts
 * once, as its box), apart from the zone frames and the shapes being placed.
 */
export function occupiedIn(editor: Editor, area: Rect, except: ReadonlySet<string> = new Set()): Rect[] {
  const out: Rect[] = []
  for (const shape of editor.getCurrentPageShapes()) {
    if (except.has(shape.id) || isZoneFrame(asBoardRecord(shape)) || insideGroup(editor, shape)) continue
    const b = editor.getShapePageBounds(shape)
    if (!b) continue
    const rect = { x: b.x, y: b.y, w: b.w, h: b.h }
    if (intersects(rect, area)) out.push(rect)
  }
  return out
}

/**
 * Puts a shape's origin (its top-left corner, unrotated) at a page point, whatever its parent
 * (a frame moves what it holds, so the point is turned into the parent's space).
 */
export function moveToPagePoint(editor: Editor, id: TLShapeId, point: { x: number; y: number }): void {
  const shape = editor.getShape(id)
  if (!shape) return
  const local = editor.getPointInParentSpace(shape, point)
  if (Math.abs(local.x - shape.x) < 0.5 && Math.abs(local.y - shape.y) < 0.5) return
  editor.updateShape({ id, type: shape.type, x: local.x, y: local.y })
}

/** The shape's page bounds as a plain rect, if it has any. */
export function pageRect(editor: Editor, shape: TLShape): Rect | null {
  const b = editor.getShapePageBounds(shape)
  return b ? { x: b.x, y: b.y, w: b.w, h: b.h } : null
}

function insideGroup(editor: Editor, shape: TLShape): boolean {
  const parent = editor.getShape(shape.parentId as TLShapeId)
  return parent?.type === 'group'
}
