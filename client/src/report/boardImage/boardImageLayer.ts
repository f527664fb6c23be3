import { type CaseVoting, voteCounts } from '../../../../shared/caseVotes'
import { boardLayout, CELL_GAP } from '../../../../shared/layout'
import { RATING_VALUES } from '../../../../shared/marks'
import { type Box, COLUMN_HEADING, headingTop } from '../../../../shared/ratingColumns'
import { MARK_ROOM } from '../../../../shared/slots'
import type { Template } from '../../../../shared/templateSchema'
import type { Language } from '../../i18n/language'
import { zoneColumns, zonesRatedIn } from '../../meeting/columns/zoneColumns'
import { markText, type RatingT, ratingText } from '../../meeting/list/ratingMessages'
import { boardImageText, kindText } from './boardImageMessages'

/**
 * What our own layer adds to tldraw's picture of the board, worked out from records and the
 * template alone (no DOM, no tldraw): per zone its title and kind above it, the W/N/K column
 * headings with their counts, per note its mark badge and its dot votes, a caption, the area
 * the image covers and the scale at which note text is readable. The canvas overlays
 * (ZoneOverlay, ColumnsOverlay, RatingOverlay) show the same things live; tldraw's export does
 * not see them, because they are HTML over the canvas, not shapes.
 */

/** Note text in the image is at least this many pixels high at 100%. */
export const MIN_TEXT_PX = 14
/** Never blow the board up more than this, however small someone's note text is. */
const MAX_SCALE = 3
/** A PNG has twice the pixels of the SVG, unless that would pass this many pixels. */
const MAX_PNG_PIXELS = 40_000_000
/** Around the whole picture, and the band on top for the caption. */
const MARGIN = 32
export const CAPTION_HEIGHT = 88
/** Zone titles: font size and a generous average glyph width (bold sans-serif). */
export const TITLE_PX = 30
const TITLE_GLYPH = 0.62
/** Badges: font size, height, and their inset from the note's corner. */
export const BADGE_PX = 22
export const BADGE_HEIGHT = 32
const BADGE_INSET = 8
/** A mark badge stands this far above its note, in the room slots leave for it (MARK_ROOM). */
const MARK_LIFT = (MARK_ROOM + BADGE_HEIGHT) / 2
const BADGE_GLYPH = 0.66
const BADGE_PADDING = 12

/** A note (or other shape with text or a mark) as the image needs it. */
export interface ImageNote {
  id: string
  /** The zone it is drawn in, by the rules' own measure; null in the free area. */
  zoneId: string | null
  mark: string | null
  /** Its page bounds. */
  box: Box
  /** Height of its text on the page (font size times its scale), when it has note text. */
  textPx: number | null
}

export interface BoardImageInput {
  template: Template
  language: Language
  /** The meeting's phase (-1 before the start); decides columns and "still to rate". */
  phaseIndex: number
  finished: boolean
  notes: readonly ImageNote[]
  voting: CaseVoting | null | undefined
  title: string
  date: string
}

export interface ZoneLabel {
  zoneId: string
  /** The band above the zone that holds the title (it covers tldraw's small frame label). */
  band: Box
  title: string
  kind: string
}

export interface ColumnHead {
  zoneId: string
  mark: string | null
  box: Box
  label: string
  count: number
  /** Where the dashed rule left of this column runs (none for the first column). */
  rule: { x: number; y1: number; y2: number } | null
}

export interface MarkBadge {
  noteId: string
  mark: string | null
  text: string
  box: Box
}

export interface VoteBadge {
  noteId: string
  count: number
  text: string
  box: Box
}

export interface BoardImageLayer {
  /** The page area the image shows (caption band included). */
  bounds: Box
  /** Output pixels per page unit for the SVG: note text comes out at MIN_TEXT_PX or more. */
  scale: number
  caption: { x: number; y: number; title: string; line: string }
  zones: ZoneLabel[]
  columns: ColumnHead[]
  marks: MarkBadge[]
  votes: VoteBadge[]
}

/** Everything our layer draws, and where, in page coordinates. */
export function boardImageLayer(input: BoardImageInput): BoardImageLayer {
  const { template, language, notes } = input
  const t: RatingT = (key, values) => ratingText(language, key, values)
  const rects = boardLayout(template)

  const zones: ZoneLabel[] = template.zones.flatMap((zone) => {
    const rect = rects.find((r) => r.zoneId === zone.id)
    if (!rect) return []
    const band = { x: rect.x, y: rect.y - CELL_GAP + 6, w: rect.w, h: CELL_GAP - 8 }
    const kind = kindText(language, zone.kind)
    const room = Math.floor(rect.w / (TITLE_PX * TITLE_GLYPH)) - kind.length - 3
    return [{ zoneId: zone.id, band, title: clip(zone.title[language], room), kind }]
  })

  const columns = template.zones.flatMap((zone) =>
    columnHeads(
      input,
      zone.id,
      t,
      notes.filter((n) => n.zoneId === zone.id),
    ),
  )

  const ratedNow = new Set(input.finished ? [] : zonesRatedIn(template, input.phaseIndex))
  const marks: MarkBadge[] = notes.flatMap((note) => {
    // As on the canvas: every mark; "?" only on notes still to rate in a zone rated right now.
    if (note.mark === null && !(note.zoneId !== null && ratedNow.has(note.zoneId))) return []
    const text = markText(t, note.mark, 'badge')
    const w = Math.max(BADGE_HEIGHT, Math.ceil(text.length * BADGE_PX * BADGE_GLYPH) + 2 * BADGE_PADDING)
    // Above the note's top-right corner, as on the canvas: it never covers the note's text.
    const x = note.box.x + note.box.w - w
    return [
      { noteId: note.id, mark: note.mark, text, box: { x, y: note.box.y - MARK_LIFT, w, h: BADGE_HEIGHT } },
    ]
  })

  const counts = voteCounts(input.voting)
  const votes: VoteBadge[] = notes.flatMap((note) => {
    const count = counts.get(note.id) ?? 0
    if (count === 0) return []
    const text =
      count === 1
        ? boardImageText(language, 'image.votesOne')
        : boardImageText(language, 'image.votes', { count: String(count) })
    const w = Math.ceil(text.length * BADGE_PX * 0.56) + 2 * BADGE_PADDING
    const y = note.box.y + note.box.h - BADGE_INSET - BADGE_HEIGHT
    return [{ noteId: note.id, count, text, box: { x: note.box.x + BADGE_INSET, y, w, h: BADGE_HEIGHT } }]
  })

  const content = [...zones.map((z) => z.band), ...rects, ...notes.map((n) => n.box)]
  const minX = Math.min(...content.map((b) => b.x)) - MARGIN
  const minY = Math.min(...content.map((b) => b.y)) - MARGIN - CAPTION_HEIGHT
  const maxX = Math.max(...content.map((b) => b.x + b.w)) + MARGIN
  const maxY = Math.max(...content.map((b) => b.y + b.h)) + MARGIN
  const bounds = { x: minX, y: minY, w: maxX - minX, h: maxY - minY }
  const caption = {
    x: minX + MARGIN,
    y: minY + MARGIN,
    title: input.title,
    line: boardImageText(language, 'image.caption', { method: template.name[language], date: input.date }),
  }
  return { bounds, scale: readableScale(notes), caption, zones, columns, marks, votes }
}

/** The W/N/K headings of a zone with columns, with counts (drawn from the start, as on the canvas). */
function columnHeads(
  input: BoardImageInput,
  zoneId: string,
  t: RatingT,
  inZone: readonly ImageNote[],
): ColumnHead[] {
  const columns = zoneColumns(input.template, zoneId)
  if (!columns) return []
  return columns.map((column, i) => {
    const top = headingTop(column)
    const count = inZone.filter(
      (n) => n.mark === column.mark || (column.mark === null && !RATING_VALUES.wnk.includes(n.mark ?? '')),
    ).length
    return {
      zoneId,
      mark: column.mark,
      box: { x: column.band.x + 12, y: top, w: column.band.w - 24, h: COLUMN_HEADING - 2 },
      label: column.mark === null ? t('mark.none.column') : markText(t, column.mark, 'heading'),
      count,
      rule: i === 0 ? null : { x: column.band.x, y1: top, y2: column.area.y + column.area.h },
    }
  })
}

/**
 * Output pixels per page unit so that the smallest note text is MIN_TEXT_PX high: 1 when it
 * already is (tldraw's medium note text is 22 px), more for notes whose text tldraw shrank.
 */
export function readableScale(notes: readonly Pick<ImageNote, 'textPx'>[]): number {
  const sizes = notes.flatMap((n) => (n.textPx !== null && n.textPx > 0 ? [n.textPx] : []))
  if (sizes.length === 0) return 1
  return Math.min(MAX_SCALE, Math.max(1, MIN_TEXT_PX / Math.min(...sizes)))
}

/**
 * Device pixels per SVG pixel for the PNG: 2 (sharp on a good screen and in print), less for a
 * board so big that the picture would pass MAX_PNG_PIXELS, never below 1 (the readable size).
 */
export function pngPixelRatio(layer: Pick<BoardImageLayer, 'bounds' | 'scale'>): number {
  const pixels = layer.bounds.w * layer.bounds.h * layer.scale * layer.scale
  if (pixels <= 0) return 2
  return Math.max(1, Math.min(2, Math.sqrt(MAX_PNG_PIXELS / pixels)))
}

/** Cuts a text to `room` characters with an ellipsis; at least a few characters stay. */
function clip(text: string, room: number): string {
  const max = Math.max(8, room)
  return text.length <= max ? text : `${text.slice(0, max - 1).trimEnd()}…`
}
