import { describe, expect, it } from 'vitest'
import type { BoardRecord } from '../../shared/boardRecords'
import { zoneRect } from '../../shared/layout'
import type { Actor, RecordChange } from '../../shared/recordPolicy'
import { parseTemplate } from '../../shared/templateSchema'
import mini from '../fixtures/mini-method.json'
import { imageAsset, imageShape } from './boardShapes'
import { judgeOnBoard } from './judgeOnBoard'

/**
 * Assets (the image behind a pasted picture): anyone who may write adds one on their own name,
 * only its author or the begeleider changes or removes it, and its source is this server or
 * inline image data, never another site.
 */
const parsed = parseTemplate(mini)
if (!parsed.ok) throw new Error(parsed.errors.join('\n'))
const template = parsed.template
const dirk: Actor = { participantId: 'dirk', role: 'deelnemer' }
const ina: Actor = { participantId: 'ina', role: 'inbrenger' }
const bea: Actor = { participantId: 'bea', role: 'begeleider' }
const olga: Actor = { participantId: 'olga', role: 'observer' }
const PNG = 'data:image/png;base64,iVBORw0KGgo='

const judge = (who: Actor, changes: RecordChange[], existing: BoardRecord[] = []) =>
  judgeOnBoard(template, 'roddelen', who, changes, existing)
/** Where a pasted picture lands: the gossip zone, open to inbrenger and deelnemer while asking. */
const gossip = zoneRect(template, 'roddelzone')
/** An asset added as tldraw adds one: with the image shape that shows it, in one batch. */
const add = (who: Actor, asset: BoardRecord, phaseId = 'vragen-stellen', extra = {}) => {
  const shape = imageShape(`shape:${asset.id}`, asset.id, {
    x: gossip.x + 40,
    y: gossip.y + 60,
    authorId: who.participantId,
  })
  return judgeOnBoard(
    template,
    phaseId,
    who,
    [
      { id: asset.id, prev: null, next: asset },
      { id: shape.id, prev: null, next: shape },
    ],
    [],
    extra,
  )
}
const edit = (who: Actor, asset: BoardRecord, next: BoardRecord) =>
  judge(who, [{ id: asset.id, prev: asset, next }], [asset])
const remove = (who: Actor, asset: BoardRecord) =>
  judge(who, [{ id: asset.id, prev: asset, next: null }], [asset])
const withSrc = (asset: BoardRecord, src: unknown) => ({ ...asset, props: { ...asset.props, src } })

describe('adding an asset', () => {
  it('lets anyone who may place its shape add one on their own name', () => {
    expect(add(dirk, imageAsset('asset:a', 'dirk', PNG)).ok).toBe(true)
    expect(add(ina, imageAsset('asset:a', 'ina', PNG)).ok).toBe(true)
    expect(add(dirk, imageAsset('asset:a', null, PNG)).ok).toBe(false)
    expect(add(dirk, imageAsset('asset:a', 'bea', PNG)).ok).toBe(false)
    expect(add(olga, imageAsset('asset:a', 'olga', PNG)).ok).toBe(false)
  })

  it('refuses one from someone who may write nowhere now (the inbrenger while the group gossips)', () => {
    expect(add(ina, imageAsset('asset:a', 'ina', PNG), 'roddelen').ok).toBe(false)
    expect(add(dirk, imageAsset('asset:a', 'dirk', PNG), 'roddelen').ok).toBe(true)
  })

  it('refuses an asset without a shape that shows it, also from the begeleider', () => {
    for (const [who, phaseId] of [
      [dirk, 'vragen-stellen'],
      [bea, 'vragen-stellen'],
      [ina, 'roddelen'],
    ] as const) {
      const asset = imageAsset('asset:a', who.participantId, PNG)
      const v = judgeOnBoard(template, phaseId, who, [{ id: asset.id, prev: null, next: asset }])
      expect(v.ok).toBe(false)
      if (!v.ok) expect(v.reason.en).toContain('with the shape that shows it')
    }
  })

  it('bounds the bytes of one asset and of all assets of the board together', () => {
    const limits = { assetLimits: { maxAssetBytes: 1000, maxMeetingAssetBytes: 2500 } }
    const data = (n: number) => `data:image/png;base64,${'A'.repeat(n - 22)}`
    expect(add(dirk, imageAsset('asset:a', 'dirk', data(1000)), 'vragen-stellen', limits).ok).toBe(true)
    expect(add(dirk, imageAsset('asset:a', 'dirk', data(1001)), 'vragen-stellen', limits).ok).toBe(false)
    const onBoard = [imageAsset('asset:x', 'ina', data(1000)), imageAsset('asset:y', 'ina', data(600))]
    const withBoard = { ...limits, allAssets: () => onBoard }
    expect(add(dirk, imageAsset('asset:a', 'dirk', data(900)), 'vragen-stellen', withBoard).ok).toBe(true)
    const over = add(dirk, imageAsset('asset:a', 'dirk', data(901)), 'vragen-stellen', withBoard)
    expect(over.ok).toBe(false)
    if (!over.ok) expect(over.reason.nl).toContain('Haal eerst een afbeelding weg')
  })

  it('accepts only our own origin or inline image data as the source', () => {
    const allowed = [
      '/uploads/foto.png',
      '/',
      PNG,
      'DATA:image/svg+xml;base64,PHN2Zz4=',
      'data:image/jpeg,xyz',
      '',
      null,
    ]
    for (const src of allowed)
      expect(add(dirk, imageAsset('asset:a', 'dirk', src)).ok, String(src)).toBe(true)
    const refused = [
      'https://elders.example/foto.png',
      'http://elders.example/foto.png',
      'HTTPS://elders.example/foto.png',
      '//elders.example/foto.png',
      '/\\elders.example/foto.png',
      '/\t/elders.example/foto.png',
      '/\n/elders.example/foto.png',
      ' /foto.png',
      'javascript:alert(1)',
      'data:text/html,<script>alert(1)</script>',
      'data:image',
      'asset:abc',
      'foto.png',
      'ftp://elders.example/foto.png',
    ]
    for (const src of refused) {
      const v = add(dirk, imageAsset('asset:a', 'dirk', src))
      expect(v.ok, src).toBe(false)
      if (!v.ok) expect(v.reason.nl).toContain('niet van een andere website')
    }
    expect(add(dirk, withSrc(imageAsset('asset:a', 'dirk', null), 42)).ok).toBe(false)
    const bookmark = { ...imageAsset('asset:b', 'dirk', '/x'), type: 'bookmark' }
    expect(
      add(dirk, { ...bookmark, props: { ...bookmark.props, image: 'https://elders.example/p.png' } }).ok,
    ).toBe(false)
  })
})

describe('changing and removing an asset', () => {
  const mine = imageAsset('asset:m', 'dirk', PNG)
  const beas = imageAsset('asset:b', 'bea', PNG)

  it('lets the author and the begeleider change it, nobody else', () => {
    const renamed = (a: BoardRecord) => ({ ...a, props: { ...a.props, name: 'nieuw.png' } })
    expect(edit(dirk, mine, renamed(mine)).ok).toBe(true)
    expect(edit(bea, mine, renamed(mine)).ok).toBe(true)
    expect(edit(ina, mine, renamed(mine)).ok).toBe(false)
    expect(edit(dirk, beas, withSrc(beas, '/andere.png')).ok).toBe(false)
  })

  it('keeps its author and its source on our origin', () => {
    expect(edit(dirk, mine, { ...mine, meta: { authorId: 'ina' } }).ok).toBe(false)
    expect(edit(bea, mine, { ...mine, meta: {} }).ok).toBe(false)
    expect(edit(dirk, mine, withSrc(mine, 'https://elders.example/x.png')).ok).toBe(false)
    expect(edit(bea, beas, withSrc(beas, '//elders.example/x.png')).ok).toBe(false)
  })

  it('lets the author and the begeleider remove it, nobody else', () => {
    expect(remove(dirk, mine).ok).toBe(true)
    expect(remove(bea, mine).ok).toBe(true)
    expect(remove(ina, mine).ok).toBe(false)
    expect(remove(dirk, beas).ok).toBe(false)
    // An asset from before authors were stamped: only the begeleider.
    const old = imageAsset('asset:o', null, PNG)
    expect(remove(dirk, old).ok).toBe(false)
    expect(remove(bea, old).ok).toBe(true)
  })
})
