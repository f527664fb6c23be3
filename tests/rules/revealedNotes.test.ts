import { describe, expect, it } from 'vitest'
import type { BoardRecord } from '../../shared/boardRecords'
import { REVEALED_META_KEYS } from '../../shared/drafts/revealedNotes'
import { noteArea } from '../../shared/layout'
import type { Actor, RecordChange } from '../../shared/recordPolicy'
import { parseTemplate } from '../../shared/templateSchema'
import mini from '../fixtures/mini-method.json'
import { noteRecord } from '../helpers/records'
import { judgeOnBoard } from './judgeOnBoard'

/**
 * What only the server writes on a revealed note (drafts/revealedNotes.ts): a seal, the id bound
 * into it, the meeting it was sealed in, the begeleider's removal. No client puts a record with
 * any of them on the board, and the author of a revealed note changes neither the seal's id nor
 * the removal, only the seal itself.
 */
const parsed = parseTemplate(mini)
if (!parsed.ok) throw new Error(parsed.errors.join('\n'))
const template = parsed.template
const anna: Actor = { participantId: 'anna', role: 'deelnemer' }
const area = noteArea(template, 'vragen')
const SEAL_A = 'A'.repeat(60)
const SEAL_B = 'B'.repeat(60)
const note = (meta: Record<string, unknown> = {}): BoardRecord => {
  const plain = noteRecord({ id: 'shape:n', x: area.x, y: area.y, authorId: 'anna', text: '' })
  return { ...plain, meta: { ...plain.meta, ...meta } }
}
const judge = (changes: RecordChange[], existing: BoardRecord[] = [], extra: object = {}) =>
  judgeOnBoard(template, 'vragen-stellen', anna, changes, existing, extra)
const reason = (v: ReturnType<typeof judge>) => (v.ok ? null : v.reason.en)

describe('a record only the server makes', () => {
  it('refuses a new note from a client that carries any of the server’s reveal fields', () => {
    expect(judge([{ id: 'shape:n', prev: null, next: note() }]).ok).toBe(true)
    for (const [key, value] of [
      [REVEALED_META_KEYS.sealed, SEAL_A],
      [REVEALED_META_KEYS.sealId, 'shape:elders'],
      [REVEALED_META_KEYS.removed, 'begeleider'],
      [REVEALED_META_KEYS.sealedIn, 'm-elders'],
    ] as const) {
      const verdict = judge([{ id: 'shape:n', prev: null, next: note({ [key]: value }) }])
      expect(reason(verdict), key).toMatch(/Only the server/)
    }
  })

  it('refuses adding a seal to a note of one’s own that the server did not reveal', () => {
    const plain = note()
    expect(reason(judge([{ id: plain.id, prev: plain, next: note({ sealed: SEAL_A }) }], [plain]))).toMatch(
      /Only the server/,
    )
  })
})

describe('the author of a revealed note', () => {
  const released = { releasedNote: () => ({ zoneId: 'vragen', authorId: 'anna', anonymous: false }) }
  const revealed = note({ sealed: SEAL_A })
  const edit = (next: BoardRecord) => judge([{ id: revealed.id, prev: revealed, next }], [revealed], released)

  it('changes the seal (her new text), and nothing the server set', () => {
    expect(edit(note({ sealed: SEAL_B })).ok).toBe(true)
    expect(reason(edit(note({ sealed: SEAL_A, sealId: 'shape:other' })))).toMatch(/Only the server/)
    expect(reason(edit(note({ sealed: SEAL_A, removedBy: 'begeleider' })))).toMatch(/Only the server/)
  })
})
