/**
 * How much room a piece of rich text takes when the editor draws it, estimated from the record
 * alone (the server has no fonts to measure with). The estimate errs on the large side: every
 * character counts as a wide one, so a line wraps sooner and a block of text comes out taller
 * than the browser draws it, never shorter. What the rules judge with this is where text may
 * reach, so too large only refuses text at the very edge of a zone; too small would let text run
 * into a zone nobody may write in.
 */

/** tldraw's base font size, and its size factors (FONT_SIZES in tldraw's shape constants). */
export const BASE_FONT = 16
export const FONT_FACTOR: Record<string, number> = { s: 1.125, m: 1.5, l: 2.25, xl: 2.75 }
/** Arrow labels use smaller factors (ARROW_LABEL_FONT_SIZES). */
export const ARROW_LABEL_FACTOR: Record<string, number> = { s: 1.125, m: 1.25, l: 1.5, xl: 1.75 }
/** Line height of text shapes and labels, in font sizes. */
export const LINE_HEIGHT = 1.35
/** The width of the widest common glyph (W, M, @ in the draw font), in font sizes. */
export const WIDE_GLYPH = 0.8
/** Lists indent their items; counted as this many extra characters per line. */
const LIST_INDENT = 3
/**
 * Nodes visited in one rich text: more than any text within the record text limit holds, and a
 * bound on the work for a hostile one. More counts as text too large to place.
 */
export const MAX_TEXT_NODES = 20_000

/** Block nodes that start a line of their own (ProseMirror's textblocks in tldraw's schema). */
const LINE_BLOCKS = new Set(['paragraph', 'heading', 'codeBlock'])
const LIST_NODES = new Set(['bulletList', 'orderedList', 'taskList'])

/**
 * The characters on each hard line of a rich text document (paragraphs, headings, hard breaks,
 * newlines in code), in document order; null when the document has more nodes than we walk.
 * An empty document is one empty line, as the editor shows it. Walked with an explicit stack.
 */
export function hardLines(richText: unknown): number[] | null {
  const lines: number[] = []
  let current = -1
  let visited = 0
  const stack: Array<{ node: unknown; indent: number }> = [{ node: richText, indent: 0 }]
  while (stack.length > 0) {
    const { node, indent } = stack.pop()!
    if (++visited > MAX_TEXT_NODES) return null
    if (node === null || typeof node !== 'object') continue
    const { type, text, content } = node as { type?: unknown; text?: unknown; content?: unknown }
    if (type === 'text' && typeof text === 'string') {
      const parts = text.split('\n')
      if (current < 0) current = lines.push(indent) - 1
      lines[current]! += parts[0]!.length
      for (const part of parts.slice(1)) current = lines.push(indent + part.length) - 1
      continue
    }
    if (type === 'hardBreak') {
      current = lines.push(indent) - 1
      continue
    }
    if (typeof type === 'string' && LINE_BLOCKS.has(type)) current = lines.push(indent) - 1
    if (!Array.isArray(content)) continue
    const inner = typeof type === 'string' && LIST_NODES.has(type) ? indent + LIST_INDENT : indent
    for (let i = content.length - 1; i >= 0; i--) stack.push({ node: content[i], indent: inner })
  }
  return lines.length > 0 ? lines : [0]
}

/** How many lines of at most `perLine` characters the hard lines wrap into. */
export function wrappedLineCount(lines: readonly number[], perLine: number): number {
  const width = Math.max(1, Math.floor(perLine))
  let count = 0
  for (const chars of lines) count += Math.max(1, Math.ceil(chars / width))
  return count
}

/**
 * The size of a text block drawn at `fontSize`: `width` fixed (wrapping inside it), or null to
 * take the width of its longest line (tldraw's autoSize text). Padding not included.
 */
export function textBlockSize(
  lines: readonly number[],
  fontSize: number,
  width: number | null,
): { w: number; h: number } {
  const glyph = WIDE_GLYPH * fontSize
  let longest = glyph
  for (const chars of lines) longest = Math.max(longest, chars * glyph)
  const w = width ?? longest
  // A word longer than a line is broken (overflow-wrap); a word that does not fit the rest of a
  // line moves down whole, which at worst doubles a line's count: counted as one line more per
  // wrapped line, to stay on the large side.
  const perLine = w / glyph
  const plain = wrappedLineCount(lines, perLine)
  const extra = plain - lines.length
  return { w, h: (plain + extra) * fontSize * LINE_HEIGHT }
}
