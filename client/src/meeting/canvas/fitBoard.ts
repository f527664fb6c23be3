import type { Editor } from 'tldraw'
import { boardLayout } from '../../../../templates/src/layout'
import type { Template } from '../../../../templates/src/schema'

/** Room that tldraw's own panels take at the edges of the canvas (menu, style panel, toolbar). */
const MARGIN = { left: 24, top: 64, right: 190, bottom: 84 }

/** Moves the camera so the method's whole board is visible, not under tldraw's panels. */
export function fitBoard(editor: Editor, template: Template): void {
  const rects = boardLayout(template)
  if (rects.length === 0) return
  // Frames carry their title above them: leave room for it.
  const minX = Math.min(...rects.map((r) => r.x))
  const minY = Math.min(...rects.map((r) => r.y)) - 40
  const maxX = Math.max(...rects.map((r) => r.x + r.w))
  const maxY = Math.max(...rects.map((r) => r.y + r.h))
  const viewport = editor.getViewportScreenBounds()
  const width = viewport.w - MARGIN.left - MARGIN.right
  const height = viewport.h - MARGIN.top - MARGIN.bottom
  if (width <= 0 || height <= 0) return
  const z = Math.min(width / (maxX - minX), height / (maxY - minY), 1)
  editor.setCamera({ x: MARGIN.left / z - minX, y: MARGIN.top / z - minY, z }, { immediate: true })
}
