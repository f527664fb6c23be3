import type { Rect } from '../../../../shared/slots'

/** Screen room kept free around what is fitted, for tldraw's own bars on the canvas. */
export interface Margins {
  left: number
  top: number
  right: number
  bottom: number
}

/**
 * The zoom at which a note is read like body text: a 200-unit note is then at least 100 px wide,
 * its text about the size of the page's own. A phase view never shows its zones smaller.
 */
export const READABLE_ZOOM = 0.5

/**
 * The camera that shows `rect` as large as fits in the viewport inside the margins, centred,
 * between `minZoom` and `maxZoom`. When even `minZoom` cannot show all of it, the top-left of
 * the rect is shown (a zone's header and first notes) rather than a view too small to read.
 */
export function cameraFor(
  rect: Rect,
  viewport: { w: number; h: number },
  margins: Margins,
  { minZoom = 0, maxZoom = 1 }: { minZoom?: number; maxZoom?: number } = {},
): { x: number; y: number; z: number } | null {
  const width = viewport.w - margins.left - margins.right
  const height = viewport.h - margins.top - margins.bottom
  if (width <= 0 || height <= 0 || rect.w <= 0 || rect.h <= 0) return null
  const fit = Math.min(width / rect.w, height / rect.h)
  const z = Math.max(minZoom, Math.min(maxZoom, fit))
  // Centre along each axis where the rect fits; else start at its left or top edge.
  const offsetX = rect.w * z <= width ? (width - rect.w * z) / 2 : 0
  const offsetY = rect.h * z <= height ? (height - rect.h * z) / 2 : 0
  return {
    x: (margins.left + offsetX) / z - rect.x,
    y: (margins.top + offsetY) / z - rect.y,
    z,
  }
}

/** The smallest rectangle around all of `rects`. */
export function unionOf(rects: readonly Rect[]): Rect | null {
  if (rects.length === 0) return null
  const minX = Math.min(...rects.map((r) => r.x))
  const minY = Math.min(...rects.map((r) => r.y))
  const maxX = Math.max(...rects.map((r) => r.x + r.w))
  const maxY = Math.max(...rects.map((r) => r.y + r.h))
  return { x: minX, y: minY, w: maxX - minX, h: maxY - minY }
}
