import type { Editor } from 'tldraw'
import { boardLayout, zoneFocus } from '../../../../shared/layout'
import type { Rect } from '../../../../shared/slots'
import type { Template } from '../../../../shared/templateSchema'
import { cameraFor, type Margins, READABLE_ZOOM, unionOf } from '../layout/cameraFit'
import { zoneOnBoard } from '../locks/boardPolicy'
import type { MeetingState } from '../meetingState'

/**
 * Room that tldraw's own bars take at the edges of the canvas: the menu and our action bar at the
 * top, the tools at the bottom. The style panel is folded (FoldedStylePanel), so the right side
 * stays free.
 */
export const CANVAS_MARGINS: Margins = { left: 12, top: 58, right: 12, bottom: 78 }
/** Below this canvas width tldraw moves undo, redo and friends into a row above its tools. */
const QUICK_ACTIONS_BELOW = 840
const QUICK_ACTIONS_ROW = 46

/** The margins for a canvas of this width. */
export function canvasMargins(width: number): Margins {
  return width < QUICK_ACTIONS_BELOW
    ? { ...CANVAS_MARGINS, bottom: CANVAS_MARGINS.bottom + QUICK_ACTIONS_ROW }
    : CANVAS_MARGINS
}
/** A zone's title sits above it: a fitted view includes it. */
const TITLE_ROOM = 40

/** Moves the camera so the method's whole board is visible, clear of tldraw's bars. */
export function fitBoard(editor: Editor, template: Template): void {
  const all = unionOf(boardLayout(template))
  if (all) fitRect(editor, withTitle(all), {})
}

/**
 * Brings zones into view at a readable size: their headers and the slots their notes take (and
 * any notes beyond those), as large as fits, never smaller than READABLE_ZOOM.
 */
export function fitZones(editor: Editor, meeting: MeetingState, zoneIds: readonly string[]): void {
  const notes = new Map<string, Rect[]>()
  for (const shape of editor.getCurrentPageShapes()) {
    if (shape.type === 'frame') continue
    const zoneId = zoneOnBoard(editor, meeting, shape)
    const bounds = zoneId ? editor.getShapePageBounds(shape) : undefined
    if (!zoneId || !bounds) continue
    notes.set(zoneId, [...(notes.get(zoneId) ?? []), { x: bounds.x, y: bounds.y, w: bounds.w, h: bounds.h }])
  }
  const focus = unionOf(zoneIds.map((id) => zoneFocus(meeting.template, id, notes.get(id))))
  if (!focus) return
  // On a low canvas the title gives its room to the last row of notes: the notes are what is read.
  const room = editor.getViewportScreenBounds().h - sumY(canvasMargins(editor.getViewportScreenBounds().w))
  const titled = withTitle(focus)
  fitRect(editor, titled.h * READABLE_ZOOM > room ? focus : titled, { minZoom: READABLE_ZOOM })
}

function sumY(margins: Margins): number {
  return margins.top + margins.bottom
}

function fitRect(editor: Editor, rect: Rect, zoom: { minZoom?: number }): void {
  const viewport = editor.getViewportScreenBounds()
  const camera = cameraFor(rect, { w: viewport.w, h: viewport.h }, canvasMargins(viewport.w), zoom)
  if (camera) editor.setCamera(camera, { immediate: true })
}

function withTitle(rect: Rect): Rect {
  return { x: rect.x, y: rect.y - TITLE_ROOM, w: rect.w, h: rect.h + TITLE_ROOM }
}
