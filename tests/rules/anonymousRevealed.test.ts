import { describe, expect, it } from 'vitest'
import { asAnonymousNote } from '../../shared/authorship'
import type { BoardRecord } from '../../shared/boardRecords'
import { noteArea } from '../../shared/layout'
import type { Actor, RecordChange } from '../../shared/recordPolicy'
import { noteRecord } from '../helpers/records'
import { byRef } from '../templates/support'
import { judgeOnBoard } from './judgeOnBoard'

/**
 * An anonymously revealed note changes only by the server's writes (drafts/anonymousRevealed.ts):
 * in the room nobody writes its seal, its author writes nothing at all, only the begeleider moves
 * it. In the author's browser (text opened) she still types in it: that text stays on her screen
 * and leaves as a seal through the server.
 */
const g1 = byRef('G1')
const anna: Actor = { participantId: 'p-anna', role: 'deelnemer' }
const bram: Actor = { participantId: 'p-bram', role: 'deelnemer' }
const bea: Actor = { participantId: 'p-bea', role: 'begeleider' }
const SEAL_A = 'A'.repeat(60)
const SEAL_B = 'B'.repeat(60)

const area = noteArea(g1, 'wat-speelt-er')
const base = noteRecord({ id: 'shape:anon', x: area.x, y: area.y, authorId: 'p-anna', text: '' })
const note = asAnonymousNote({ ...base, meta: { ...base.meta, sealed: SEAL_A } }) as BoardRecord
const released = { releasedNote: () => ({ zoneId: 'wat-speelt-er', authorId: 'p-anna', anonymous: true }) }
const inBrowser = { ...released, sealedTextOpened: true }
const change = (next: BoardRecord): RecordChange[] => [{ id: note.id, prev: note, next }]
const judge = (actor: Actor, next: BoardRecord, extra: object = released) =>
  judgeOnBoard(g1, 'ophalen', actor, change(next), [note], extra)
const typed = (text: string): BoardRecord => ({
  ...note,
  props: {
    ...note.props,
    richText: { type: 'doc', content: [{ type: 'paragraph', content: [{ type: 'text', text }] }] },
  },
})

describe('an anonymously revealed note', () => {
  it('takes no write of its author in the room: not a new seal, not a move, not the same record', () => {
    const resealed = { ...note, meta: { ...note.meta, sealed: SEAL_B } }
    const verdict = judge(anna, resealed)
    expect(verdict.ok).toBe(false)
    expect(verdict.ok ? '' : verdict.reason.en).toMatch(/only through the server/)
    expect(judge(anna, { ...note, x: Number(note.x) + 10 }).ok).toBe(false)
    expect(judge(anna, { ...note }).ok).toBe(false)
    expect(judge(anna, { ...note, props: { ...note.props, color: 'red' } }).ok).toBe(false)
  })

  it('is moved by the begeleider only', () => {
    expect(judge(bram, { ...note, x: Number(note.x) + 10 }).ok).toBe(false)
    expect(judge(bea, { ...note, x: Number(note.x) + 10 }).ok).toBe(true)
    expect(judge(bea, { ...note, meta: { ...note.meta, sealed: SEAL_B } }).ok).toBe(false)
  })

  it('lets its author type in it on her own screen, and nobody else', () => {
    expect(judge(anna, typed('Nieuwe tekst'), inBrowser).ok).toBe(true)
    expect(judge(bram, typed('Niet van Bram'), inBrowser).ok).toBe(false)
    expect(judge(anna, { ...typed('Nieuwe tekst'), x: Number(note.x) + 10 }, inBrowser).ok).toBe(false)
  })
})
