import { type RefObject, useEffect, useRef, useState } from 'react'
import { boardLayout, CELL_GAP, CELL_HEIGHT, CELL_WIDTH } from '../../../shared/layout'
import type { Zone } from '../../../shared/schema'
import type { Template } from '../../../shared/templateSchema'
import type { Language } from '../i18n/language'

interface BoardPreviewProps {
  template: Template
  language: Language
  /**
   * The preview's size in CSS pixels until it is measured (set the same aspect ratio in CSS).
   * Titles appear only where they are legible at the size it is actually drawn.
   */
  width: number
  height: number
  /** The accessible name. Without one the preview is decorative and hidden from screen readers. */
  label?: string
  className?: string
}

/** Rendered size of zone titles, in CSS pixels. */
const TITLE_PX = 11
const LINE_HEIGHT = 1.2
/** A generous average glyph width of the system font, in ems, for wrapping without measuring. */
const GLYPH_EM = 0.6
/** Space between a zone's edge and its title, in ems. */
const PADDING_EM = 0.5
const MAX_LINES = 4
/** Titles are shown only if a one-cell zone holds lines of at least this many characters. */
const MIN_CHARS = 10

/** Calm tints per zone kind (flip chart paper, columns, lists, areas, forms). */
const KIND_COLOURS: Record<Zone['kind'], { fill: string; stroke: string }> = {
  flap: { fill: '#fff6dc', stroke: '#d9bf7a' },
  column: { fill: '#e8f0fb', stroke: '#9fb8dc' },
  list: { fill: '#e7f4ec', stroke: '#9ccaae' },
  area: { fill: '#f2edf9', stroke: '#bfaee0' },
  form: { fill: '#f0f2f5', stroke: '#aab4c2' },
}

/**
 * A small picture of a method's board: its zones where `boardLayout` puts them, scaled to fit,
 * with the zone titles where they fit at a readable size. Pure SVG, no tldraw.
 */
export function BoardPreview({ template, language, width, height, label, className }: BoardPreviewProps) {
  const svgRef = useRef<SVGSVGElement>(null)
  const drawn = useDrawnSize(svgRef) ?? { width, height }
  const rects = boardLayout(template)
  const box = viewBox(rects, drawn.width / drawn.height)
  const scale = Math.min(drawn.width / box.w, drawn.height / box.h)
  const fontSize = TITLE_PX / scale
  const padding = fontSize * PADDING_EM
  const charsIn = (w: number) => Math.floor((w - 2 * padding) / (fontSize * GLYPH_EM))
  const linesIn = (h: number) => Math.min(MAX_LINES, Math.floor((h - 2 * padding) / (fontSize * LINE_HEIGHT)))
  // All titles or none: a board where some zones are named and others not reads as broken.
  const legible = charsIn(CELL_WIDTH) >= MIN_CHARS && linesIn(CELL_HEIGHT) >= 2
  const zones = new Map(template.zones.map((zone) => [zone.id, zone]))
  const a11y = label ? { role: 'img', 'aria-label': label } : { 'aria-hidden': true }

  return (
    <svg
      ref={svgRef}
      className={className ? `board-preview ${className}` : 'board-preview'}
      viewBox={`${box.x} ${box.y} ${box.w} ${box.h}`}
      preserveAspectRatio="xMidYMid meet"
      focusable="false"
      {...a11y}
    >
      <rect x={box.x} y={box.y} width={box.w} height={box.h} fill="#f7f8fa" />
      {rects.map((rect) => {
        const zone = zones.get(rect.zoneId)
        if (!zone) return null
        const colours = KIND_COLOURS[zone.kind]
        const lines = legible ? wrapTitle(zone.title[language], charsIn(rect.w), linesIn(rect.h)) : []
        return (
          <g key={rect.zoneId}>
            <rect
              x={rect.x}
              y={rect.y}
              width={rect.w}
              height={rect.h}
              rx={CELL_GAP / 2}
              fill={colours.fill}
              stroke={colours.stroke}
              strokeWidth={1.25}
              vectorEffect="non-scaling-stroke"
            />
            {lines.length > 0 ? (
              <text
                x={rect.x + padding}
                y={rect.y + padding + fontSize}
                fontSize={fontSize}
                fontWeight={600}
                fill="#344054"
              >
                {lines.map((line, i) => (
                  // biome-ignore lint/suspicious/noArrayIndexKey: a wrapped line's place is its identity
                  <tspan key={i} x={rect.x + padding} dy={i === 0 ? 0 : fontSize * LINE_HEIGHT}>
                    {line}
                  </tspan>
                ))}
              </text>
            ) : null}
          </g>
        )
      })}
    </svg>
  )
}

/** The element's drawn size, kept up to date; null until measured (or when it is not drawn). */
function useDrawnSize(ref: RefObject<Element | null>): { width: number; height: number } | null {
  const [size, setSize] = useState<{ width: number; height: number } | null>(null)
  useEffect(() => {
    const element = ref.current
    if (!element || typeof ResizeObserver === 'undefined') return
    const observer = new ResizeObserver(() => {
      const { width, height } = element.getBoundingClientRect()
      if (width < 1 || height < 1) return
      setSize((old) =>
        old && Math.abs(old.width - width) < 1 && Math.abs(old.height - height) < 1 ? old : { width, height },
      )
    })
    observer.observe(element)
    return () => observer.disconnect()
  }, [ref])
  return size
}

/** The zones' bounds with a margin, widened or heightened to the preview's aspect ratio (centred). */
function viewBox(
  rects: ReadonlyArray<{ x: number; y: number; w: number; h: number }>,
  aspect: number,
): { x: number; y: number; w: number; h: number } {
  const margin = CELL_GAP
  const minX = Math.min(...rects.map((r) => r.x)) - margin
  const minY = Math.min(...rects.map((r) => r.y)) - margin
  let w = Math.max(...rects.map((r) => r.x + r.w)) + margin - minX
  let h = Math.max(...rects.map((r) => r.y + r.h)) + margin - minY
  let x = minX
  let y = minY
  if (w / h < aspect) {
    const wider = h * aspect
    x -= (wider - w) / 2
    w = wider
  } else {
    const taller = w / aspect
    y -= (taller - h) / 2
    h = taller
  }
  return { x, y, w, h }
}

/**
 * Word-wraps a title into at most `maxLines` lines of `maxChars`. A word longer than a line is
 * hyphenated (Dutch compounds are long); what still does not fit ends in "…".
 */
export function wrapTitle(title: string, maxChars: number, maxLines: number): string[] {
  const limit = Math.floor(maxChars)
  if (limit < 2 || maxLines < 1) return []
  const pieces = title
    .split(/\s+/)
    .filter(Boolean)
    .flatMap((word) => hyphenate(word, limit))
  const lines: string[] = []
  let current = ''
  for (const piece of pieces) {
    const joined = current.endsWith('-') || current === '' ? `${current}${piece}` : `${current} ${piece}`
    if (current !== '' && (joined.length > limit || current.endsWith('-'))) {
      lines.push(current)
      current = piece
    } else {
      current = joined
    }
  }
  if (current) lines.push(current)
  if (lines.length <= maxLines) return lines
  const kept = lines.slice(0, maxLines)
  const last = kept[maxLines - 1]!.replace(/-$/, '')
  kept[maxLines - 1] = last.length < limit ? `${last}…` : `${last.slice(0, limit - 1)}…`
  return kept
}

const VOWEL = /[aeiouyàáâäèéêëìíîïòóôöùúûü]/i

/**
 * Splits a word longer than `limit` into pieces that end in "-". Without a dictionary, it breaks
 * before a consonant that precedes a vowel (Dutch "aantekenin-gen", "vaardighe-den"), keeping at
 * least three letters on each side; failing that, at the limit.
 */
function hyphenate(word: string, limit: number): string[] {
  const pieces: string[] = []
  let rest = word
  while (rest.length > limit) {
    let cut = -1
    for (let p = Math.min(limit - 1, rest.length - 3); p >= 3; p--) {
      if (!VOWEL.test(rest[p]!) && VOWEL.test(rest[p + 1] ?? '') && /\p{L}/u.test(rest[p]!)) {
        cut = p
        break
      }
    }
    if (cut < 0) cut = limit - 1
    pieces.push(`${rest.slice(0, cut)}-`)
    rest = rest.slice(cut)
  }
  pieces.push(rest)
  return pieces
}
