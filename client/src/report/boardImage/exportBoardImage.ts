import { Box, type Editor, getSvgAsImage, type TLShape } from 'tldraw'
import { isZoneFrame, ratingOf } from '../../../../shared/boardRecords'
import type { Language } from '../../i18n/language'
import { isDraft } from '../../meeting/drafts/drafts'
import { asBoardRecord, zoneOnBoard } from '../../meeting/locks/boardPolicy'
import type { MeetingState } from '../../meeting/meetingState'
import { type BoardImageLayer, boardImageLayer, type ImageNote, pngPixelRatio } from './boardImageLayer'
import { withLayer } from './boardImageSvg'

/**
 * The board as a picture, in the browser: tldraw draws the shapes (its own SVG export), our
 * layer adds what the canvas overlays show (zone titles, W/N/K columns, marks, votes), and the
 * PNG is that SVG drawn on a canvas by tldraw's rasteriser (an <img> of a data: URL, which the
 * strict CSP allows). Shows the board as this person sees it: others' private notes that are
 * hidden from them stay out, as tldraw leaves hidden shapes out of an export; my own drafts
 * (private writing not yet revealed) are drawn, as on my screen, since the picture is mine.
 */

/** Note text height on the page per tldraw size: 16 px times tldraw's LABEL_FONT_SIZES. */
const NOTE_TEXT_PX: Record<string, number> = { s: 18, m: 22, l: 26, xl: 32 }

export interface BoardImage {
  svg: string
  width: number
  height: number
  layer: BoardImageLayer
}

/** The combined SVG, or null when the editor could not draw the board. */
export async function boardSvg(
  editor: Editor,
  meeting: MeetingState,
  language: Language,
  date: string,
): Promise<BoardImage | null> {
  const view = meeting.$view.get()
  const layer = boardImageLayer({
    template: meeting.template,
    language,
    phaseIndex: view?.progress.phaseIndex ?? -1,
    finished: Boolean(view?.progress.finished),
    notes: imageNotes(editor, meeting),
    voting: view?.progress.voting,
    title: view?.title ?? '',
    date,
  })
  const ids = [...editor.getCurrentPageShapeIds()]
  if (ids.length === 0) return null
  const { x, y, w, h } = layer.bounds
  // My own drafts are hidden while tldraw draws (privateVisibility): not on the shared board yet.
  meeting.$exporting.set(true)
  const exported = await editor
    .getSvgString(ids, {
      bounds: new Box(x, y, w, h),
      padding: 0,
      background: true,
      darkMode: false,
      scale: layer.scale,
    })
    .finally(() => meeting.$exporting.set(false))
  const svg = exported ? withLayer(exported.svg, layer) : null
  return exported && svg ? { svg, width: exported.width, height: exported.height, layer } : null
}

/** The combined picture as a PNG (at twice its size, unless the board is huge), or null. */
export async function boardPng(image: BoardImage): Promise<Blob | null> {
  return getSvgAsImage(image.svg, {
    type: 'png',
    width: image.width,
    height: image.height,
    pixelRatio: pngPixelRatio(image.layer),
  })
}

/**
 * What the layer needs of each shape with text or a mark: zone, mark, bounds, text size. My own
 * drafts count for no column and get no badge: they are not on the shared board yet.
 */
function imageNotes(editor: Editor, meeting: MeetingState): ImageNote[] {
  return editor.getCurrentPageShapes().flatMap((shape) => {
    const record = asBoardRecord(shape)
    if (isZoneFrame(record) || editor.isShapeHidden(shape) || isDraft(shape)) return []
    const hasText = (shape.props as { richText?: unknown }).richText !== undefined
    const mark = ratingOf(record)
    if (!hasText && mark === null) return []
    const bounds = editor.getShapePageBounds(shape)
    if (!bounds) return []
    return [
      {
        id: shape.id,
        zoneId: zoneOnBoard(editor, meeting, shape),
        mark,
        box: { x: bounds.x, y: bounds.y, w: bounds.w, h: bounds.h },
        textPx: noteTextPx(shape),
      },
    ]
  })
}

/** How high a note's text stands on the page: its size, shrunk to fit, times its scale. */
function noteTextPx(shape: TLShape): number | null {
  if (shape.type !== 'note') return null
  const props = shape.props as { size?: string; fontSizeAdjustment?: number; scale?: number }
  const base = NOTE_TEXT_PX[props.size ?? 'm'] ?? NOTE_TEXT_PX.m!
  const fitted = props.fontSizeAdjustment && props.fontSizeAdjustment > 0 ? props.fontSizeAdjustment : 1
  return base * fitted * (props.scale ?? 1)
}
