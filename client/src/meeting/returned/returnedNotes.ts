import type { LocalizedText } from '../../../../shared/schema'

/**
 * Nobody's text is lost: a note of mine that the server did not take (I wrote it offline and the
 * phase moved on meanwhile, or the zone closed as I typed) comes back to me as a returned note,
 * with the reason. Pure functions here; the store is in returnedStore.ts.
 */

/** One returned note: its text, why it came back and when. */
export interface ReturnedNote {
  /** The id of the note it was on the board (one returned note per board note). */
  id: string
  text: string
  /** Why the server did not take it, in both languages. */
  reason: LocalizedText
  /** When it came back (ms). */
  at: number
}

/** What the session hands over at a restart (see LostShape in collab/boardSession.ts). */
export interface LostRecord {
  local: { id: string; typeName: string; meta?: unknown; props?: unknown }
  server: unknown
}

/**
 * The lost records worth giving back: my own shapes whose text the server does not have (no
 * record, or another text). A note that only moved, or someone else's, is not mine to get back.
 */
export function notesToReturn(
  lost: readonly LostRecord[],
  participantId: string,
  reason: LocalizedText,
  now: number,
): ReturnedNote[] {
  return lost.flatMap(({ local, server }) => {
    if (local.typeName !== 'shape') return []
    // What the server holds is the "before" of my version: the same rule as a refused edit.
    return refusedEdit(server ?? null, local, participantId, reason, now) ?? []
  })
}

/**
 * The text of an edit of mine that the locks refused before it was sent (a third sentence on a
 * two-sentence list, a paste into a zone that closed): the refused version goes back to me, so
 * the words are not gone with the edit. Null when nothing of mine was written (a refused move,
 * an empty new note, someone else's note). Typed key by key, each refused key replaces the
 * note's earlier refused text (see mergeReturned): the latest attempt is what comes back.
 */
export function refusedEdit(
  prev: unknown,
  next: { id: string; meta?: unknown },
  participantId: string,
  reason: LocalizedText,
  now: number,
): ReturnedNote | null {
  if (authorOf(next) !== participantId) return null
  const text = textOf(next)
  if (text.trim() === '' || (prev !== null && textOf(prev) === text)) return null
  return { id: next.id, text, reason, at: now }
}

/** Adds `incoming` to `kept`: a note that comes back again replaces its earlier text. */
export function mergeReturned(
  kept: readonly ReturnedNote[],
  incoming: readonly ReturnedNote[],
): ReturnedNote[] {
  const ids = new Set(incoming.map((n) => n.id))
  return [...kept.filter((n) => !ids.has(n.id)), ...incoming]
}

function authorOf(record: { meta?: unknown }): string | null {
  const meta = record.meta as { authorId?: unknown } | undefined
  return typeof meta?.authorId === 'string' ? meta.authorId : null
}

/** Marks the end of a paragraph on the walk's stack. */
const END_OF_LINE = Symbol('end of line')

/** Words visited at most: a note within the server's text limit has far fewer nodes. */
const MAX_NODES = 20_000

/**
 * The plain text of a shape: tldraw's rich text (a TipTap document) with one line per paragraph,
 * or a plain `text` prop. Walked with a bounded stack: it comes from this browser's own store, but
 * a shape can hold anything its editor wrote.
 */
export function textOf(record: unknown): string {
  const props = (record as { props?: { richText?: unknown; text?: unknown } } | null)?.props
  if (!props) return ''
  if (typeof props.text === 'string') return props.text
  const lines: string[] = []
  let line = ''
  let visited = 0
  const stack: unknown[] = [props.richText]
  while (stack.length > 0 && visited++ < MAX_NODES) {
    const item = stack.pop()
    if (item === END_OF_LINE) {
      lines.push(line)
      line = ''
      continue
    }
    const node = item as { type?: unknown; text?: unknown; content?: unknown } | null
    if (!node || typeof node !== 'object') continue
    if (typeof node.text === 'string') line += node.text
    if (node.type === 'hardBreak') line += '\n'
    if (Array.isArray(node.content)) {
      // Children in order: pushed in reverse; a paragraph ends its line after its children.
      if (node.type === 'paragraph' || node.type === 'heading') stack.push(END_OF_LINE)
      for (let i = node.content.length - 1; i >= 0; i--) stack.push(node.content[i])
    } else if (node.type === 'paragraph') {
      stack.push(END_OF_LINE)
    }
  }
  if (line !== '') lines.push(line)
  return lines.join('\n').trimEnd()
}
