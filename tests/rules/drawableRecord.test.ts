import { extensions, getSchema } from '@tiptap/core'
import { Code } from '@tiptap/extension-code'
import { Highlight } from '@tiptap/extension-highlight'
import { Node } from '@tiptap/pm/model'
import { StarterKit } from '@tiptap/starter-kit'
import { createTLSchema } from '@tldraw/tlschema'
import { describe, expect, it } from 'vitest'
import { boardSeedRecords } from '../../server/src/meetings/boardSeed'
import type { BoardRecord } from '../../shared/boardRecords'
import { drawProblem, MEETING_SHAPE_TYPES } from '../../shared/drawable/drawableRecord'
import { readPath } from '../../shared/drawable/pathPoints'
import { RICH_TEXT_MARKS, RICH_TEXT_NODES, richTextProblem } from '../../shared/drawable/richTextRules'
import { zoneRect } from '../../shared/layout'
import type { Actor, RecordChange } from '../../shared/recordPolicy'
import { parseTemplate } from '../../shared/templateSchema'
import mini from '../fixtures/mini-method.json'
import { honestShapes, undrawableRecords } from '../helpers/undrawableRecords'
import { judgeOnBoard } from './judgeOnBoard'

/**
 * The drawing rule: what the editor can draw passes, what took the canvas down does not. The rich
 * text half is checked against the editor's own text schema: tldraw v5's default tiptap
 * extensions (tldraw/src/lib/utils/text/richText.ts), built here the same way.
 */
// tldraw lets code share text with other marks (richText.ts: `Code.config.excludes = undefined`).
Code.config.excludes = undefined
const editorSchema = getSchema([
  StarterKit.configure({
    blockquote: false,
    codeBlock: false,
    horizontalRule: false,
    link: { openOnClick: false, autolink: true },
  }),
  Highlight,
  extensions.TextDirection.configure({ direction: 'auto' }),
])

/** Whether the editor's schema reads `doc` and finds it sound, as rendering and editing it do. */
function editorAccepts(doc: unknown): boolean {
  try {
    Node.fromJSON(editorSchema, doc).check()
    return true
  } catch (error) {
    if (process.env.DEBUG_DRAWABLE) console.log((error as Error).message)
    return false
  }
}

/**
 * Where the rule is stricter than the editor: ProseMirror drops attributes it does not know, and
 * tiptap blanks an unsafe link when it renders; the editor never writes either, so neither is taken.
 */
const STRICTER = new Set(['unknown attribute', 'link to javascript:'])

const meeting = { shapeTypes: MEETING_SHAPE_TYPES }
const at = { x: -3000, y: -3000 }

describe('the drawing rule', () => {
  it('knows exactly the nodes and marks the editor registers', () => {
    expect(Object.keys(RICH_TEXT_NODES).sort()).toEqual(Object.keys(editorSchema.nodes).sort())
    expect(Object.keys(RICH_TEXT_MARKS).sort()).toEqual(Object.keys(editorSchema.marks).sort())
    for (const [name, type] of Object.entries(editorSchema.nodes))
      expect(Object.keys(RICH_TEXT_NODES[name]!.attrs).sort(), name).toEqual(
        Object.keys(type.spec.attrs ?? {}).sort(),
      )
    for (const [name, type] of Object.entries(editorSchema.marks))
      expect(Object.keys(RICH_TEXT_MARKS[name]!).sort(), name).toEqual(
        Object.keys(type.spec.attrs ?? {}).sort(),
      )
  })

  it('passes what the editor makes: every honest shape, and the seed of a meeting board', () => {
    for (const shape of Object.values(honestShapes('ok', at, 'dirk')))
      expect(drawProblem(shape, meeting)).toBeNull()
    const parsed = parseTemplate(mini)
    if (!parsed.ok) throw new Error(parsed.errors.join('\n'))
    for (const record of boardSeedRecords(parsed.template)) expect(drawProblem(record, meeting)).toBeNull()
  })

  it('refuses every record that took the canvas down, with its code', () => {
    for (const { name, code, record } of undrawableRecords('bad', at, 'dirk', 'MARKER')) {
      const found = drawProblem(record, meeting)
      expect(found?.code, name).toBe(code)
      expect(found?.text.nl.length, name).toBeGreaterThan(10)
      expect(found?.text.en.length, name).toBeGreaterThan(10)
    }
  })

  it('agrees with the editor on rich text, sound and broken', () => {
    const sound = [
      { type: 'doc', content: [{ type: 'paragraph' }] },
      {
        type: 'doc',
        content: [{ type: 'paragraph', attrs: { dir: 'auto' }, content: [{ type: 'text', text: 'a' }] }],
      },
      {
        type: 'doc',
        content: [
          {
            type: 'heading',
            attrs: { level: 2 },
            content: [{ type: 'text', text: 'Kop', marks: [{ type: 'bold' }] }],
          },
          {
            type: 'bulletList',
            content: [
              {
                type: 'listItem',
                content: [
                  { type: 'paragraph', content: [{ type: 'text', text: 'x' }, { type: 'hardBreak' }] },
                  {
                    type: 'orderedList',
                    attrs: { start: 3, type: null },
                    content: [{ type: 'listItem', content: [{ type: 'paragraph' }] }],
                  },
                ],
              },
            ],
          },
          {
            type: 'paragraph',
            content: [
              {
                type: 'text',
                text: 'link',
                marks: [
                  {
                    type: 'link',
                    attrs: {
                      href: 'https://example.org',
                      target: '_blank',
                      rel: null,
                      class: null,
                      title: null,
                    },
                  },
                  { type: 'highlight' },
                  { type: 'code' },
                ],
              },
            ],
          },
        ],
      },
    ]
    for (const doc of sound) {
      expect(editorAccepts(doc)).toBe(true)
      expect(richTextProblem(doc, 'richText')).toBeNull()
    }
    const broken = [
      ...undrawableRecords('bad', at, 'dirk', 'MARKER')
        .filter((u) => u.code === 'richText' && !STRICTER.has(u.name))
        .map((u) => u.record.props!.richText),
      { type: 'doc', content: [{ type: 'bulletList', content: [] }] },
      { type: 'doc', content: [{ type: 'bulletList', content: [{ type: 'paragraph' }] }] },
      {
        type: 'doc',
        content: [
          {
            type: 'bulletList',
            content: [{ type: 'listItem', content: [{ type: 'bulletList', content: [] }] }],
          },
        ],
      },
      {
        type: 'doc',
        content: [{ type: 'paragraph', content: [{ type: 'text', text: 'x', marks: 'bold' }] }],
      },
      { type: 'doc', content: [{ type: 'paragraph', marks: [{ type: 'bold' }], content: [] }] },
      { type: 'doc', content: [{ type: 'text', text: 'loose text in the document' }] },
      { type: 'doc', content: [null] },
      'doc',
    ]
    for (const doc of broken) {
      expect(editorAccepts(doc), JSON.stringify(doc)).toBe(false)
      expect(richTextProblem(doc, 'richText'), JSON.stringify(doc)).not.toBeNull()
    }
  })

  it('walks deep rich text without recursion and refuses it past the bound', () => {
    let doc: unknown = { type: 'paragraph' }
    for (let i = 0; i < 50_000; i++)
      doc = { type: 'bulletList', content: [{ type: 'listItem', content: [{ type: 'paragraph' }, doc] }] }
    expect(richTextProblem({ type: 'doc', content: [doc] }, 'richText')?.code).toBe('richText')
  })

  it('reads draw paths as tldraw encodes them and bounds their points', () => {
    const { draw } = honestShapes('p', at, 'dirk')
    const segment = (draw.props!.segments as Array<{ path: string }>)[0]!
    expect(readPath(segment.path, undefined, 100, 1e6)).toMatchObject({
      ok: true,
      points: 3,
      maxX: 30,
      maxY: 20,
    })
    expect(readPath(segment.path, undefined, 2, 1e6)).toMatchObject({ ok: false, problem: 'tooManyPoints' })
    expect(readPath('not base64!', undefined, 100, 1e6)).toMatchObject({ ok: false, problem: 'badPath' })
    expect(readPath(segment.path.slice(0, 8), undefined, 100, 1e6)).toMatchObject({ ok: false })
  })

  it('keeps embeds and bookmarks out of a meeting, and unknown record kinds off any board', () => {
    const embed = {
      ...honestShapes('e', at, 'dirk').geo,
      type: 'embed',
      props: { w: 300, h: 200, url: 'https://example.org' },
    }
    createTLSchema().types.shape.validate(embed as never)
    expect(drawProblem(embed, meeting)?.code).toBe('shapeType')
    expect(drawProblem(embed)).toBeNull()
    expect(drawProblem({ id: 'camera:x', typeName: 'camera', x: 0, y: 0, z: 1, meta: {} })?.code).toBe(
      'recordType',
    )
    expect(drawProblem({ ...honestShapes('n', at, 'dirk').geo, x: Number.NaN })?.code).toBe('notANumber')
  })
})

describe('judgeChanges with the drawing rule', () => {
  const parsed = parseTemplate(mini)
  if (!parsed.ok) throw new Error(parsed.errors.join('\n'))
  const template = parsed.template
  const dirk: Actor = { participantId: 'dirk', role: 'deelnemer' }
  const bea: Actor = { participantId: 'bea', role: 'begeleider' }
  const bad = undrawableRecords('stored', at, 'ina', 'MARKER')

  it('refuses creating or changing into an undrawable record, with the code in the sentence', () => {
    for (const { name, code, record } of bad) {
      const own = { ...record, meta: { authorId: 'dirk' } }
      const verdict = judgeOnBoard(template, 'vragen-stellen', dirk, [{ id: own.id, prev: null, next: own }])
      expect(verdict.ok, name).toBe(false)
      // The huge points array is over the text limit first; everything else is the drawing rule.
      if (!verdict.ok && code !== 'tooManyPoints') expect(verdict.reason.en, name).toContain(`(${code} at`)
    }
  })

  it("lets the begeleider remove an undrawable record, and nobody else's edit keep it", () => {
    for (const { name, record } of bad) {
      const removal: RecordChange = { id: record.id, prev: record, next: null }
      expect(judgeOnBoard(template, 'vragen-stellen', bea, [removal], [record]).ok, name).toBe(true)
      expect(judgeOnBoard(template, 'vragen-stellen', dirk, [removal], [record]).ok, name).toBe(false)
      const moved = { ...record, meta: { ...record.meta, touched: true } }
      const keep: RecordChange = { id: record.id, prev: record, next: moved }
      expect(judgeOnBoard(template, 'vragen-stellen', bea, [keep], [record]).ok, name).toBe(false)
      // Nor can anyone put another kind of shape in its place (a browser's placeholder box).
      const box = { ...honestShapes('box', at, 'ina').geo, id: record.id, meta: record.meta }
      const swap: RecordChange = { id: record.id, prev: record, next: box }
      // (A geo mended into a drawable geo is judged like any edit: where it was drawn decides.)
      if (record.type !== 'geo')
        expect(judgeOnBoard(template, 'vragen-stellen', bea, [swap], [record]).ok, name).toBe(false)
    }
  })

  it('lets its author remove an undrawable note even where the phase closes the zone to them', () => {
    const ina: Actor = { participantId: 'ina', role: 'inbrenger' }
    const r = zoneRect(template, 'roddelzone')
    const inZone = undrawableRecords('zone', { x: r.x + 30, y: r.y + 50 }, 'ina', 'MARKER')[0]!.record
    const honest = honestShapes('zone', { x: r.x + 30, y: r.y + 50 }, 'ina').note
    const remove = (record: BoardRecord): RecordChange => ({ id: record.id, prev: record, next: null })
    // The inbrenger only watches the gossip zone while the others gossip: an honest note stays.
    expect(judgeOnBoard(template, 'roddelen', ina, [remove(honest)], [honest]).ok).toBe(false)
    expect(judgeOnBoard(template, 'roddelen', ina, [remove(inZone)], [inZone]).ok).toBe(true)
  })
})
