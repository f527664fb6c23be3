import { type DrawProblem, problem } from './drawProblem'

/**
 * The rich text the board's text editor can render, checked without loading it. tldraw v5 renders
 * a note's, text's, geo's and arrow's `richText` through tiptap (ProseMirror) with its default
 * extensions (tldraw/src/lib/utils/text/richText.ts, `getTipTapDefaultExtensions`): StarterKit
 * without blockquote, codeBlock and horizontalRule, plus Highlight and TextDirection. The nodes,
 * marks and attributes below are that schema as `getSchema(tipTapDefaultExtensions)` reports it
 * for @tiptap 3.34. ProseMirror's `Node.fromJSON` throws on an unknown node or mark, a text node
 * without a string, content that is not an array; `Node.check` on unknown attributes and on
 * content the node does not take. Any of those takes the whole canvas down, so all are refused.
 */

type AttrCheck = (value: unknown) => boolean

const isDir: AttrCheck = (v) => v === null || v === 'auto' || v === 'ltr' || v === 'rtl'
const shortString =
  (max: number): AttrCheck =>
  (v) =>
    v === null || (typeof v === 'string' && v.length <= max)

/** Attributes every block and hard break carries (TextDirection adds `dir` to them all). */
const DIR = { dir: isDir }

interface NodeRule {
  attrs: Record<string, AttrCheck>
  /** What the node holds: text, block or inline children, list items, or (for a list item) a paragraph then blocks. */
  holds: 'text' | 'blocks' | 'inline' | 'items' | 'item' | 'nothing'
  marks: boolean
}

export const RICH_TEXT_NODES: Record<string, NodeRule> = {
  doc: { attrs: DIR, holds: 'blocks', marks: false },
  paragraph: { attrs: DIR, holds: 'inline', marks: false },
  heading: {
    attrs: { ...DIR, level: (v) => Number.isInteger(v) && (v as number) >= 1 && (v as number) <= 6 },
    holds: 'inline',
    marks: false,
  },
  bulletList: { attrs: DIR, holds: 'items', marks: false },
  orderedList: {
    attrs: {
      ...DIR,
      start: (v) => Number.isInteger(v) && Math.abs(v as number) <= 1_000_000,
      type: (v) => v === null || v === '1' || v === 'a' || v === 'A' || v === 'i' || v === 'I',
    },
    holds: 'items',
    marks: false,
  },
  listItem: { attrs: DIR, holds: 'item', marks: false },
  text: { attrs: {}, holds: 'text', marks: true },
  hardBreak: { attrs: DIR, holds: 'nothing', marks: true },
}

const BLOCKS = new Set(['paragraph', 'heading', 'bulletList', 'orderedList'])
const INLINE = new Set(['text', 'hardBreak'])

/** A link goes where a browser may safely follow it (tiptap's autolink writes http(s) and mailto). */
const isHref: AttrCheck = (v) =>
  v === null || (typeof v === 'string' && v.length <= 2048 && /^(https?:|mailto:|tel:)/i.test(v))

export const RICH_TEXT_MARKS: Record<string, Record<string, AttrCheck>> = {
  bold: {},
  italic: {},
  strike: {},
  underline: {},
  code: {},
  highlight: {},
  link: {
    href: isHref,
    target: shortString(16),
    rel: shortString(100),
    // A class would let a link take the look (or the hiding) of the editor's own elements.
    class: (v) => v === null,
    title: shortString(500),
  },
}

const NODE_KEYS = new Set(['type', 'attrs', 'content', 'marks', 'text'])
/** Deeper than any list anyone nests by hand; the walk below is a loop, this bounds the page. */
export const MAX_RICH_TEXT_DEPTH = 16
export const MAX_RICH_TEXT_NODES = 5_000

interface Visit {
  node: unknown
  where: string
  depth: number
  /** What the parent takes here: a set of node types. */
  allowed: ReadonlySet<string>
}

/** The first thing in `value` the editor's text schema would not render, or null. */
export function richTextProblem(value: unknown, where: string): DrawProblem | null {
  const stack: Visit[] = [{ node: value, where, depth: 0, allowed: new Set(['doc']) }]
  let visited = 0
  while (stack.length > 0) {
    const visit = stack.pop()!
    if (++visited > MAX_RICH_TEXT_NODES || visit.depth > MAX_RICH_TEXT_DEPTH)
      return problem('richText', visit.where)
    const found = nodeProblem(visit, stack)
    if (found) return found
  }
  return null
}

function nodeProblem({ node, where, depth, allowed }: Visit, stack: Visit[]): DrawProblem | null {
  if (!isPlainObject(node)) return problem('richText', where)
  const type = node.type
  if (typeof type !== 'string' || !allowed.has(type) || !Object.hasOwn(RICH_TEXT_NODES, type))
    return problem('richText', `${where}.type`)
  const rule = RICH_TEXT_NODES[type]!
  for (const key of Object.keys(node)) if (!NODE_KEYS.has(key)) return problem('richText', `${where}.${key}`)
  if (attrsProblem(node.attrs, rule.attrs)) return problem('richText', `${where}.attrs`)
  if (node.marks !== undefined) {
    const marks = marksProblem(node.marks, rule.marks)
    if (marks !== null) return problem('richText', `${where}.marks${marks}`)
  }
  if (rule.holds === 'text') {
    // ProseMirror refuses empty text nodes as firmly as missing ones.
    if (typeof node.text !== 'string' || node.text.length === 0 || node.content !== undefined)
      return problem('richText', `${where}.text`)
    return null
  }
  if (node.text !== undefined) return problem('richText', `${where}.text`)
  if (rule.holds === 'nothing')
    return node.content === undefined ? null : problem('richText', `${where}.content`)
  const content = node.content ?? []
  if (!Array.isArray(content) || content.length > MAX_RICH_TEXT_NODES)
    return problem('richText', `${where}.content`)
  const needsOne = rule.holds === 'items' || rule.holds === 'item'
  if (needsOne && content.length === 0) return problem('richText', `${where}.content`)
  content.forEach((child, i) => {
    const childAllowed =
      rule.holds === 'inline'
        ? INLINE
        : rule.holds === 'items'
          ? LIST_ITEM
          : rule.holds === 'item' && i === 0
            ? PARAGRAPH
            : BLOCKS
    stack.push({ node: child, where: `${where}.content[${i}]`, depth: depth + 1, allowed: childAllowed })
  })
  return null
}

const LIST_ITEM = new Set(['listItem'])
const PARAGRAPH = new Set(['paragraph'])

/** Attributes: absent, or an object with only the node's own attributes, each of its kind. */
function attrsProblem(attrs: unknown, rules: Record<string, AttrCheck>): boolean {
  if (attrs === undefined || attrs === null) return false
  if (!isPlainObject(attrs)) return true
  return Object.entries(attrs).some(([key, v]) => !Object.hasOwn(rules, key) || !rules[key]!(v))
}

/** Marks: an array of known marks, each once, with their own attributes. Returns where it fails. */
function marksProblem(marks: unknown, allowed: boolean): string | null {
  if (!Array.isArray(marks) || (!allowed && marks.length > 0)) return ''
  const seen = new Set<string>()
  for (const [i, mark] of marks.entries()) {
    if (!isPlainObject(mark) || typeof mark.type !== 'string') return `[${i}]`
    if (!Object.hasOwn(RICH_TEXT_MARKS, mark.type) || seen.has(mark.type)) return `[${i}].type`
    seen.add(mark.type)
    if (Object.keys(mark).some((key) => key !== 'type' && key !== 'attrs')) return `[${i}]`
    if (attrsProblem(mark.attrs, RICH_TEXT_MARKS[mark.type]!)) return `[${i}].attrs`
  }
  return null
}

export function isPlainObject(value: unknown): value is Record<string, unknown> {
  return value !== null && typeof value === 'object' && !Array.isArray(value)
}
