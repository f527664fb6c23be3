import { BADGE_PX, type BoardImageLayer, TITLE_PX } from './boardImageLayer'

/**
 * Our layer as SVG markup, and its place in tldraw's exported SVG. Plain strings, so the same
 * code runs in the browser and in unit tests; every text is escaped. Colours follow the canvas
 * (ratingList.css, meetingCanvas.css): warm orange, neutral grey, cold blue, white text on each
 * at 4.5:1 or more. Every element carries a data- attribute saying what it shows, so a test (or a
 * curious reader of the file) can find the zone titles and the marks.
 */

const FONT = 'system-ui, -apple-system, Segoe UI, Roboto, Helvetica Neue, Arial, sans-serif'
const INK = '#18212d'
const INK_SOFT = '#475467'
const LINE_STRONG = '#98a2b3'
const MARK_COLOURS: Record<string, string> = {
  W: '#b93c0b',
  N: '#5d6675',
  K: '#1d4ed8',
  herkend: '#1f7a4d',
}
/** A score, and "?" for a note still to rate. */
const SCORE_COLOUR = '#344054'
const NONE_COLOUR = INK_SOFT
const VOTE_COLOUR = '#6941c6'

export function escapeXml(text: string): string {
  return text
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&apos;')
}

const n = (value: number) => String(Math.round(value * 100) / 100)
const attr = (value: string) => escapeXml(value)

function markColour(mark: string | null): string {
  if (mark === null) return NONE_COLOUR
  return MARK_COLOURS[mark] ?? SCORE_COLOUR
}

/** The layer: caption, zone titles, column headings and rules, vote and mark badges. */
export function layerSvg(layer: BoardImageLayer): string {
  const parts: string[] = [`<g data-layer="intervisiebord" font-family="${attr(FONT)}">`]
  const { caption } = layer
  parts.push(
    `<text data-caption="title" x="${n(caption.x)}" y="${n(caption.y + 34)}" font-size="34" font-weight="700" fill="${INK}">${escapeXml(caption.title)}</text>`,
    `<text data-caption="line" x="${n(caption.x)}" y="${n(caption.y + 66)}" font-size="22" fill="${INK_SOFT}">${escapeXml(caption.line)}</text>`,
  )
  for (const zone of layer.zones) {
    const { band } = zone
    parts.push(
      `<g data-zone="${attr(zone.zoneId)}">`,
      `<rect x="${n(band.x - 2)}" y="${n(band.y)}" width="${n(band.w + 4)}" height="${n(band.h)}" fill="#ffffff"/>`,
      `<text data-zone-title="${attr(zone.zoneId)}" x="${n(band.x)}" y="${n(band.y + band.h - 14)}" font-size="${TITLE_PX}" fill="${INK}"><tspan font-weight="700">${escapeXml(zone.title)}</tspan><tspan font-size="${TITLE_PX - 8}" fill="${INK_SOFT}" data-zone-kind="${attr(zone.zoneId)}"> · ${escapeXml(zone.kind)}</tspan></text>`,
      '</g>',
    )
  }
  for (const column of layer.columns) {
    const { box, rule } = column
    if (rule)
      parts.push(
        `<line x1="${n(rule.x)}" y1="${n(rule.y1)}" x2="${n(rule.x)}" y2="${n(rule.y2)}" stroke="${LINE_STRONG}" stroke-width="3" stroke-dasharray="10 8"/>`,
      )
    parts.push(
      `<g data-column="${attr(column.mark ?? '')}" data-zone="${attr(column.zoneId)}">`,
      `<rect x="${n(box.x)}" y="${n(box.y)}" width="${n(box.w)}" height="${n(box.h)}" rx="8" fill="${markColour(column.mark)}"/>`,
      `<text x="${n(box.x + 12)}" y="${n(box.y + box.h / 2 + 10)}" font-size="28" font-weight="700" fill="#ffffff">${escapeXml(column.label)}</text>`,
      `<rect x="${n(box.x + box.w - 60)}" y="${n(box.y + 4)}" width="54" height="${n(box.h - 8)}" rx="${n((box.h - 8) / 2)}" fill="#ffffff"/>`,
      `<text data-count="${column.count}" x="${n(box.x + box.w - 33)}" y="${n(box.y + box.h / 2 + 10)}" font-size="28" font-weight="700" text-anchor="middle" fill="${INK}">${column.count}</text>`,
      '</g>',
    )
  }
  for (const vote of layer.votes)
    parts.push(
      badge(vote.box, vote.text, VOTE_COLOUR, `data-votes="${vote.count}" data-note="${attr(vote.noteId)}"`),
    )
  for (const mark of layer.marks)
    parts.push(
      badge(
        mark.box,
        mark.text,
        markColour(mark.mark),
        `data-mark="${attr(mark.mark ?? '')}" data-note="${attr(mark.noteId)}"`,
      ),
    )
  parts.push('</g>')
  return parts.join('')
}

function badge(
  box: BoardImageLayer['marks'][number]['box'],
  text: string,
  fill: string,
  data: string,
): string {
  const r = box.h / 2
  return [
    `<g ${data}>`,
    `<rect x="${n(box.x)}" y="${n(box.y)}" width="${n(box.w)}" height="${n(box.h)}" rx="${n(r)}" fill="${fill}" stroke="#ffffff" stroke-width="2"/>`,
    `<text x="${n(box.x + box.w / 2)}" y="${n(box.y + r + BADGE_PX * 0.35)}" font-size="${BADGE_PX}" font-weight="700" text-anchor="middle" fill="#ffffff">${escapeXml(text)}</text>`,
    '</g>',
  ].join('')
}

/**
 * tldraw's SVG with our layer drawn over the shapes, just before the closing tag. Its viewBox
 * is in page coordinates (we asked for our own bounds), so the layer needs no transform.
 * Null when the text is not an SVG document.
 */
export function withLayer(tldrawSvg: string, layer: BoardImageLayer): string | null {
  const end = tldrawSvg.lastIndexOf('</svg>')
  if (end < 0 || !tldrawSvg.trimStart().startsWith('<svg')) return null
  return `${tldrawSvg.slice(0, end)}${layerSvg(layer)}${tldrawSvg.slice(end)}`
}
