import type { BoardRecord } from '../boardRecords'

/** Nodes visited at most per record: far more than a note within the text limit holds. */
const MAX_NODES = 20_000

/** Block nodes: each starts on a new line in the plain text. */
const BLOCKS = new Set(['paragraph', 'heading', 'listItem', 'blockquote', 'codeBlock'])

/**
 * The plain text of a shape: its rich text (tldraw v5 keeps TipTap JSON in `props.richText`) as
 * lines, or `props.text` of older records. The same on server and client, without tldraw: a walk
 * with an explicit stack over hostile JSON, bounded, never recursive. Blocks become lines (empty
 * ones dropped), a hard break a line break.
 */
export function plainTextOf(record: BoardRecord): string {
  const props = record.props
  if (!props) return ''
  if (typeof props.text === 'string') return props.text.trim()
  return richTextToPlain(props.richText)
}

/** TipTap JSON to plain text (see plainTextOf). Anything that is not a node is skipped. */
export function richTextToPlain(richText: unknown): string {
  const lines: string[] = []
  let line = ''
  // Work items: a node to open, or a marker that a block ends.
  const stack: Array<unknown | typeof END_BLOCK> = [richText]
  let visited = 0
  while (stack.length > 0) {
    const item = stack.pop()
    if (++visited > MAX_NODES) break
    if (item === END_BLOCK) {
      if (line !== '') lines.push(line)
      line = ''
      continue
    }
    if (item === null || typeof item !== 'object' || Array.isArray(item)) continue
    const node = item as { type?: unknown; text?: unknown; content?: unknown }
    if (node.type === 'text' && typeof node.text === 'string') {
      line += node.text
      continue
    }
    if (node.type === 'hardBreak') {
      lines.push(line)
      line = ''
      continue
    }
    const isBlock = typeof node.type === 'string' && BLOCKS.has(node.type)
    if (isBlock && line !== '') {
      lines.push(line)
      line = ''
    }
    if (isBlock) stack.push(END_BLOCK)
    if (Array.isArray(node.content)) {
      for (let i = node.content.length - 1; i >= 0; i--) stack.push(node.content[i])
    }
  }
  if (line !== '') lines.push(line)
  return lines
    .map((l) => l.trimEnd())
    .join('\n')
    .trim()
}

const END_BLOCK = Symbol('end of block')
