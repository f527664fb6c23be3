import { describe, expect, it } from 'vitest'
import type { BoardRecord } from '../../shared/boardRecords'
import { noteArea } from '../../shared/layout'
import { quotaLeft } from '../../shared/quota'
import type { Actor, RecordChange } from '../../shared/recordPolicy'
import { slotsFor } from '../../shared/slots'
import { noteRecord } from '../helpers/records'
import { builtinTemplates } from '../templates/support'
import { judgeOnBoard } from './judgeOnBoard'

/**
 * "Maximaal drie open vragen" (method 12, open questions on the board; method 5's are sealed
 * drafts, held to three by the draft service, tests/server/privateWritingSeeds.test.ts): the third question is accepted and the fourth
 * refused, whether the rules are asked by the server (the board before the batch) or by the
 * client (tldraw has already put the new note in its store when the lock judges it).
 */
const t = builtinTemplates().get('modelling')!
const PHASE = 'open-vragen'
const dirk: Actor = { participantId: 'dirk', role: 'deelnemer' }
const slots = slotsFor(noteArea(t, 'vragen'), 8)
const question = (i: number, author = 'dirk') =>
  noteRecord({ id: `shape:${author}${i}`, ...slots[i]!, authorId: author, text: `vraag ${i}` })
const create = (r: BoardRecord): RecordChange => ({ id: r.id, prev: null, next: r })
const mine = (n: number) => Array.from({ length: n }, (_, i) => question(i))

describe('a quota of three questions', () => {
  it('accepts the third and refuses the fourth, as the server judges (new note not on the board yet)', () => {
    expect(judgeOnBoard(t, PHASE, dirk, [create(question(2))], mine(2)).ok).toBe(true)
    const fourth = judgeOnBoard(t, PHASE, dirk, [create(question(3))], mine(3))
    expect(fourth.ok).toBe(false)
    if (!fourth.ok) expect(fourth.reason.nl).toContain('al 3 notities')
  })

  it('accepts the third and refuses the fourth, as the client judges (new note already in its store)', () => {
    expect(judgeOnBoard(t, PHASE, dirk, [create(question(2))], mine(3)).ok).toBe(true)
    expect(judgeOnBoard(t, PHASE, dirk, [create(question(3))], mine(4)).ok).toBe(false)
  })

  it('counts what one batch adds: two at once where one is left is refused', () => {
    const v = judgeOnBoard(t, PHASE, dirk, [create(question(2)), create(question(3))], mine(2))
    expect(v.ok).toBe(false)
    if (!v.ok) expect(v.recordId).toBe(question(3).id)
  })

  it('counts only my own notes', () => {
    const others = [question(0, 'ina'), question(1, 'piet'), question(2, 'kees'), question(3, 'ans')]
    expect(judgeOnBoard(t, PHASE, dirk, [create(question(4))], [...others, ...mine(2)]).ok).toBe(true)
  })
})

describe('quotaLeft: what the person is shown', () => {
  it('says how many are left, down to none, by the same count', () => {
    expect(quotaLeft(t, PHASE, 'vragen', 'deelnemer', 0)).toEqual({ quota: 3, placed: 0, left: 3 })
    expect(quotaLeft(t, PHASE, 'vragen', 'deelnemer', 2)?.left).toBe(1)
    expect(quotaLeft(t, PHASE, 'vragen', 'deelnemer', 3)?.left).toBe(0)
    expect(quotaLeft(t, PHASE, 'vragen', 'deelnemer', 5)?.left).toBe(0)
  })

  it('is null where no quota applies or the role may not add', () => {
    expect(quotaLeft(t, PHASE, 'vragen', 'inbrenger', 0)).toBeNull()
    expect(quotaLeft(t, 'casus-kiezen', 'casuslijst', 'deelnemer', 4)).toBeNull()
    expect(quotaLeft(t, 'modelling', 'vragen', 'deelnemer', 0)).toBeNull()
  })
})
