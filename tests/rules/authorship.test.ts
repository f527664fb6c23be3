import { describe, expect, it } from 'vitest'
import {
  ANONYMOUS_META_KEY,
  anonymousPresence,
  asAnonymousNote,
  isAnonymousNote,
  lastEditorOf,
} from '../../shared/authorship'
import type { BoardRecord } from '../../shared/boardRecords'
import { noteArea } from '../../shared/layout'
import type { Actor, RecordChange } from '../../shared/recordPolicy'
import { noteRecord } from '../helpers/records'
import { byRef } from '../templates/support'
import { judgeOnBoard } from './judgeOnBoard'

/**
 * Who wrote or last edited a note is the rules' word (shared/authorship.ts and the
 * evaluation's rule in outcome/evaluation.ts), on G1 (Intervisie in 8 stappen): its private
 * "Wat speelt er?" is revealed in "Ophalen"; its evaluation is in "Evaluatie".
 */
const g1 = byRef('G1')
const anna: Actor = { participantId: 'p-anna', role: 'deelnemer' }
const bram: Actor = { participantId: 'p-bram', role: 'deelnemer' }
const bea: Actor = { participantId: 'p-bea', role: 'begeleider' }

function noteIn(zoneId: string, id: string, authorId: string, text = id, editor: string | null = null) {
  const area = noteArea(g1, zoneId)
  const note = noteRecord({ id, x: area.x, y: area.y, authorId, text })
  return { ...note, props: { ...note.props, textLastEditedBy: editor } } as BoardRecord
}
const create = (next: BoardRecord): RecordChange[] => [{ id: next.id, prev: null, next }]
const change = (prev: BoardRecord, next: BoardRecord): RecordChange[] => [{ id: prev.id, prev, next }]
const withText = (record: BoardRecord, text: string, editor: string | null): BoardRecord => ({
  ...record,
  props: {
    ...record.props,
    textLastEditedBy: editor,
    richText: { type: 'doc', content: [{ type: 'paragraph', content: [{ type: 'text', text }] }] },
  },
})

describe('the last editor of a note', () => {
  it('is the one who makes the change or nobody, never someone else', () => {
    const mine = noteIn('vragen', 'shape:q', 'p-anna')
    expect(judgeOnBoard(g1, 'doorvragen', anna, create({ ...mine })).ok).toBe(true)
    expect(judgeOnBoard(g1, 'doorvragen', anna, create(withText(mine, 'x', 'p-anna'))).ok).toBe(true)
    const forged = judgeOnBoard(g1, 'doorvragen', anna, create(withText(mine, 'x', 'p-bram')))
    expect(forged.ok).toBe(false)
    if (!forged.ok) expect(forged.reason.nl).toMatch(/laatste bewerker/)
    // The begeleider rewrites Anna's question: under their own name, not Anna's.
    const annas = withText(mine, 'Wat maakt het lastig?', 'p-anna')
    const rewritten = withText(annas, 'Wat maakt het zo lastig?', 'p-anna')
    expect(judgeOnBoard(g1, 'doorvragen', bea, change(annas, rewritten), [annas]).ok).toBe(false)
    const asBea = withText(annas, 'Wat maakt het zo lastig?', 'p-bea')
    expect(judgeOnBoard(g1, 'doorvragen', bea, change(annas, asBea), [annas]).ok).toBe(true)
    // A move says nothing about anyone: Anna's name stays as it was.
    expect(
      judgeOnBoard(g1, 'doorvragen', bea, change(annas, { ...annas, x: annas.x! + 5 }), [annas]).ok,
    ).toBe(true)
  })

  it('of a revealed note is nobody’s to put down but the server’s, named or not', () => {
    const draft = noteIn('wat-speelt-er', 'shape:d', 'p-anna', 'Mijn idee', 'p-anna')
    const released = {
      releasedNote: () => ({ zoneId: 'wat-speelt-er', authorId: 'p-anna', anonymous: false }),
    }
    expect(judgeOnBoard(g1, 'ophalen', bea, create(draft), [], released).ok).toBe(false)
    const other = withText(draft, 'Mijn idee', 'p-bram')
    expect(judgeOnBoard(g1, 'ophalen', bea, create(other), [], released).ok).toBe(false)
  })
})

describe('a note revealed anonymously', () => {
  const typed = noteIn('wat-speelt-er', 'shape:anon', 'p-anna', 'Het schuurt', 'p-anna')
  const anonymously = {
    releasedNote: () => ({ zoneId: 'wat-speelt-er', authorId: 'p-anna', anonymous: true }),
  }

  it('is put down flagged, without author, pair or last editor', () => {
    const note = asAnonymousNote({ ...typed, meta: { ...typed.meta, groupId: 'g1', draft: true } })
    expect(isAnonymousNote(note)).toBe(true)
    expect(note.meta).toEqual({ [ANONYMOUS_META_KEY]: true })
    expect(lastEditorOf(note)).toBeNull()
    // Only the server places a revealed note (server/src/drafts/revealPlacement.ts).
    expect(judgeOnBoard(g1, 'ophalen', bea, create(note), [], anonymously).ok).toBe(false)
    // As typed (her name as last editor), or without the flag: refused.
    const { authorId: _a, ...bare } = typed.meta ?? {}
    const named = { ...typed, meta: { ...bare, [ANONYMOUS_META_KEY]: true } }
    expect(judgeOnBoard(g1, 'ophalen', bea, create(named), [], anonymously).ok).toBe(false)
    const unflagged = { ...note, meta: {} }
    expect(judgeOnBoard(g1, 'ophalen', bea, create(unflagged), [], anonymously).ok).toBe(false)
    // Nobody else makes a note anonymous: a participant's own note needs her name on it.
    expect(judgeOnBoard(g1, 'ophalen', anna, create({ ...note, id: 'shape:mine' })).ok).toBe(false)
  })

  it('keeps no name after a later edit, and stays anonymous', () => {
    const note = asAnonymousNote(typed)
    const edited = withText(note, 'Het schuurt echt', null)
    expect(judgeOnBoard(g1, 'ophalen', bea, change(note, edited), [note]).ok).toBe(true)
    const stamped = withText(note, 'Het schuurt echt', 'p-bea')
    expect(judgeOnBoard(g1, 'ophalen', bea, change(note, stamped), [note]).ok).toBe(false)
    const { [ANONYMOUS_META_KEY]: _flag, ...unflagged } = note.meta ?? {}
    expect(judgeOnBoard(g1, 'ophalen', bea, change(note, { ...edited, meta: unflagged }), [note]).ok).toBe(
      false,
    )
    const claimed = { ...edited, meta: { ...note.meta, authorId: 'p-bea' } }
    expect(judgeOnBoard(g1, 'ophalen', bea, change(note, claimed), [note]).ok).toBe(false)
    // Flagging a named note afterwards is refused too (it would hide who wrote it from the rules).
    const annas = noteIn('wat-speelt-er', 'shape:named', 'p-anna')
    const hidden = { ...annas, meta: { [ANONYMOUS_META_KEY]: true } }
    expect(judgeOnBoard(g1, 'ophalen', bea, change(annas, hidden), [annas]).ok).toBe(false)
  })

  it('is in no presence: its id leaves the selection, and the cursor goes with it', () => {
    const anonymous = (id: string) => id === 'shape:anon'
    const presence = {
      cursor: { x: 1, y: 2, type: 'default', rotation: 0 },
      selectedShapeIds: ['shape:anon', 'shape:x'],
    }
    expect(anonymousPresence(presence, anonymous)).toEqual({ cursor: null, selectedShapeIds: ['shape:x'] })
    const editing = { cursor: { x: 1, y: 2, type: 'default', rotation: 0 }, selectedShapeIds: [] }
    expect(anonymousPresence(editing, anonymous, 'shape:anon')).toEqual({
      cursor: null,
      selectedShapeIds: [],
    })
    const other = { cursor: { x: 1, y: 2, type: 'default', rotation: 0 }, selectedShapeIds: ['shape:x'] }
    expect(anonymousPresence(other, anonymous, 'shape:x')).toBe(other)
    expect(anonymousPresence(null, anonymous)).toBeNull()
  })
})

describe('an evaluation', () => {
  const annas = {
    ...noteIn('evaluatie', 'shape:eval', 'p-anna', 'Fijn gedaan'),
    meta: { authorId: 'p-anna', score: 4 },
  }

  it('changes only by its author: text, score, removal, taking it out of the zone', () => {
    const rescored = { ...annas, meta: { ...annas.meta, score: 1 } }
    expect(judgeOnBoard(g1, 'evaluatie', anna, change(annas, rescored), [annas]).ok).toBe(true)
    expect(judgeOnBoard(g1, 'evaluatie', bea, change(annas, rescored), [annas]).ok).toBe(false)
    expect(judgeOnBoard(g1, 'evaluatie', bram, change(annas, rescored), [annas]).ok).toBe(false)
    const rewritten = withText(annas, 'Niets aan gehad', 'p-bea')
    const refused = judgeOnBoard(g1, 'evaluatie', bea, change(annas, rewritten), [annas])
    expect(refused.ok).toBe(false)
    if (!refused.ok) expect(refused.reason.nl).toMatch(/evaluatie is van wie haar schreef/)
    expect(judgeOnBoard(g1, 'evaluatie', bea, [{ id: annas.id, prev: annas, next: null }], [annas]).ok).toBe(
      false,
    )
    const away = { ...annas, x: noteArea(g1, 'vragen').x, y: noteArea(g1, 'vragen').y }
    expect(judgeOnBoard(g1, 'evaluatie', bea, change(annas, away), [annas]).ok).toBe(false)
    // Its place within the zone stays the begeleider's to tidy.
    expect(
      judgeOnBoard(g1, 'evaluatie', bea, change(annas, { ...annas, x: annas.x! + 30 }), [annas]).ok,
    ).toBe(true)
  })
})
