import { type Editor, react } from 'tldraw'
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

/**
 * Fits the board now, and again whenever the canvas changes size (the phase bar grows when the
 * meeting starts, a panel folds) as long as the person has not moved the camera themself.
 * Returns the stop function.
 */
export function keepBoardFitted(editor: Editor, template: Template): () => void {
  let fitted = { x: Number.NaN, y: Number.NaN, z: Number.NaN }
  let size = { w: 0, h: 0 }
  const refit = () => {
    fitBoard(editor, template)
    fitted = { ...editor.getCamera() }
    const viewport = editor.getViewportScreenBounds()
    size = { w: viewport.w, h: viewport.h }
  }
  refit()
  return react('keep the board fitted', () => {
    const viewport = editor.getViewportScreenBounds()
    const camera = editor.getCamera()
    const resized = viewport.w !== size.w || viewport.h !== size.h
    const untouched = camera.x === fitted.x && camera.y === fitted.y && camera.z === fitted.z
    if (resized && untouched) queueMicrotask(refit)
  })
}
