import { describe, expect, it } from 'vitest'
import { boardSeedRecords } from '../../server/src/meetings/boardSeed'
import type { BoardRecord } from '../../shared/boardRecords'
import { boardLayout } from '../../shared/layout'
import type { Actor, RecordChange } from '../../shared/recordPolicy'
import { judgeChanges } from '../../shared/recordPolicy'
import { MAX_RECORD_TEXT_CHARS, recordTextLength } from '../../shared/recordText'
import { parseTemplate } from '../../shared/templateSchema'
import mini from '../fixtures/mini-method.json'
import { noteRecord } from '../helpers/records'
import { imageAsset, imageShape } from './boardShapes'
import { judgeOnBoard } from './judgeOnBoard'

/** A record carries at most MAX_RECORD_TEXT_CHARS characters of text (or the server's own limit). */
const parsed = parseTemplate(mini)
if (!parsed.ok) throw new Error(parsed.errors.join('\n'))
const template = parsed.template
const dirk: Actor = { participantId: 'dirk', role: 'deelnemer', name: 'Dirk' }
const create = (r: BoardRecord): RecordChange[] => [{ id: r.id, prev: null, next: r }]
const judge = (r: BoardRecord) => judgeOnBoard(template, 'vragen-stellen', dirk, create(r))
const noteWith = (text: string) => noteRecord({ id: 'shape:t', x: -2000, y: -2000, authorId: 'dirk', text })
/** The characters a note carries besides its text (ids, styles, the author). */
const overhead = recordTextLength(noteWith('x'), Number.POSITIVE_INFINITY) - 1

describe('text limit per record', () => {
  it('accepts a note up to the limit and refuses one character more, naming the limit', () => {
    expect(judge(noteWith('x'.repeat(MAX_RECORD_TEXT_CHARS - overhead))).ok).toBe(true)
    const v = judge(noteWith('x'.repeat(MAX_RECORD_TEXT_CHARS - overhead + 1)))
    expect(v.ok).toBe(false)
    if (!v.ok) expect(v.reason.nl).toContain(`${MAX_RECORD_TEXT_CHARS} tekens`)
  })

  it('counts text spread over many paragraphs, and in an edit too', () => {
    const short = noteWith('kort')
    const paragraphs = Array.from({ length: 200 }, () => ({
      type: 'paragraph',
      content: [{ type: 'text', text: 'y'.repeat(60) }],
    }))
    const long = { ...short, props: { ...short.props, richText: { type: 'doc', content: paragraphs } } }
    expect(judge(long).ok).toBe(false)
    const edited = judgeOnBoard(
      template,
      'vragen-stellen',
      dirk,
      [{ id: short.id, prev: short, next: long }],
      [short],
    )
    expect(edited.ok).toBe(false)
  })

  it('applies to every record: a user name, an asset name, but not the data of an image', () => {
    const user = { id: 'user:dirk', typeName: 'user', name: 'Dirk', color: '#000', meta: {} } as BoardRecord
    expect(judge(user).ok).toBe(true)
    expect(judge({ ...user, name: 'D'.repeat(MAX_RECORD_TEXT_CHARS + 1) }).ok).toBe(false)
    const picture = imageAsset('asset:a', 'dirk', `data:image/png;base64,${'A'.repeat(50_000)}`)
    // An asset comes with the shape that shows it (assetPolicy.ts), as tldraw adds one.
    const shown = imageShape('shape:pic', 'asset:a', { x: -2000, y: -2000, authorId: 'dirk' })
    const withShape = (asset: BoardRecord) =>
      judgeOnBoard(template, 'vragen-stellen', dirk, [...create(asset), ...create(shown)])
    expect(withShape(picture).ok).toBe(true)
    expect(
      withShape({ ...picture, props: { ...picture.props, name: 'n'.repeat(MAX_RECORD_TEXT_CHARS) } }).ok,
    ).toBe(false)
  })

  it('takes a limit from the context', () => {
    const records = new Map(boardSeedRecords(template).map((r) => [r.id, r]))
    const withLimit = (max: number, r: BoardRecord) =>
      judgeChanges(
        {
          template,
          phaseId: 'vragen-stellen',
          actor: dirk,
          rects: boardLayout(template),
          current: (id) => records.get(id),
          allShapes: () => [],
          limits: { maxRecordTextChars: max },
        },
        create(r),
      )
    const v = withLimit(overhead + 50, noteWith('z'.repeat(51)))
    expect(v.ok).toBe(false)
    if (!v.ok) expect(v.reason.en).toContain(`at most ${overhead + 50} characters`)
    expect(withLimit(overhead + 50, noteWith('z'.repeat(50))).ok).toBe(true)
  })

  it('walks deep or wide values without recursion and without reading them all', () => {
    let deep: unknown = 'leaf'
    for (let i = 0; i < 20_000; i++) deep = { content: [deep] }
    expect(recordTextLength({ id: 'x', typeName: 'shape', props: { richText: deep } }, 100)).toBe(10)
    const wide = { id: 'x', typeName: 'shape', props: { many: new Array(200_000).fill('') } }
    expect(recordTextLength(wide, MAX_RECORD_TEXT_CHARS)).toBe(Number.POSITIVE_INFINITY)
    expect(
      recordTextLength({ id: 'x', typeName: 'shape', props: { a: 'x'.repeat(500) } }, 100),
    ).toBeGreaterThan(100)
  })
})
