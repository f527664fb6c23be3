import { describe, expect, it } from 'vitest'
import type { BoardRecord } from '../../shared/boardRecords'
import { noteArea } from '../../shared/layout'
import type { Actor, RecordChange } from '../../shared/recordPolicy'
import { slotsFor } from '../../shared/slots'
import { parseTemplate } from '../../shared/templateSchema'
import mini from '../fixtures/mini-method.json'
import { arrowBinding, arrowShape } from '../helpers/drawnShapes'
import { noteRecord } from '../helpers/records'
import { judgeOnBoard } from './judgeOnBoard'

/**
 * Letting go of someone else's arrow: its binding to a shape goes only with that shape (removed in
 * the same batch) or by someone who may remove the shape. Moving the shape is not enough: in the
 * mini method's gossip phase a deelnemer may move anyone's note in the gossip zone, not remove it.
 */
const parsed = parseTemplate(mini)
if (!parsed.ok) throw new Error(parsed.errors.join('\n'))
const template = parsed.template
const dirk: Actor = { participantId: 'dirk', role: 'deelnemer' }
const olga: Actor = { participantId: 'olga', role: 'deelnemer' }
const slot = (i: number) => slotsFor(noteArea(template, 'roddelzone'), 4)[i]!
const by = (authorId: string, x: number, y: number) => ({ authorId, x, y })

const a = noteRecord({ id: 'shape:a', ...slot(0), authorId: 'olga', text: 'een' })
const b = noteRecord({ id: 'shape:b', ...slot(1), authorId: 'olga', text: 'twee' })
const arrow = arrowShape('shape:arrow', by('olga', a.x! + 100, a.y! + 100), { x: 0, y: 0 }, { x: 10, y: 0 })
const toA = arrowBinding('binding:a', arrow.id, a.id, 'start')
const toB = arrowBinding('binding:b', arrow.id, b.id, 'end')
const board: BoardRecord[] = [a, b, arrow, toA, toB]
const judge = (actor: Actor, changes: RecordChange[]) =>
  judgeOnBoard(template, 'roddelen', actor, changes, board)
const nudged: RecordChange = { id: b.id, prev: b, next: { ...b, x: b.x! + 5 } }
const unbindB: RecordChange = { id: toB.id, prev: toB, next: null }

describe('letting go of someone else’s arrow', () => {
  it('lets a deelnemer move Olga’s note in the gossip zone, her arrow following', () => {
    expect(judge(dirk, [nudged]).ok).toBe(true)
  })

  it('does not let him unhook her arrow from a note he only moves in the same batch', () => {
    expect(judge(dirk, [nudged, unbindB]).ok).toBe(false)
    expect(judge(dirk, [unbindB]).ok).toBe(false)
  })

  it('lets Olga unhook her own arrow, moved note or not', () => {
    expect(judge(olga, [nudged, unbindB]).ok).toBe(true)
  })
})
