import { describe, expect, it } from 'vitest'
import { applyCommand, initialProgress, type MeetingProgress } from '../../shared/phaseMachine'
import { currentTopic, orderTopics, type Topic, topicsAfterMove } from '../../shared/topicWalk'
import { noteRecord } from '../helpers/records'
import { builtinTemplates } from '../templates/support'

/** Quick advice rounds (method 3): topics highest score first, one round of the block per topic. */
const quick = builtinTemplates().get('snelle-adviesrondes')!
const index = (id: string) => quick.phases.findIndex((p) => p.id === id)

const note = (id: string, x: number, y: number, rating?: string) => ({
  record: noteRecord({ id, x, y, authorId: id.replace('shape:', ''), text: `Onderwerp van ${id}`, rating }),
  x,
  y,
})

describe('orderTopics', () => {
  it('puts the highest score first, unscored last, equal scores in reading order', () => {
    const order = orderTopics([
      note('shape:a', 0, 0, '3'),
      note('shape:b', 300, 0),
      note('shape:c', 0, 300, '9'),
      note('shape:d', 300, 300, '10'),
      note('shape:e', 0, 200, '9'),
    ])
    expect(order.map((t) => t.noteId)).toEqual(['shape:d', 'shape:e', 'shape:c', 'shape:a', 'shape:b'])
    expect(order.map((t) => t.score)).toEqual([10, 9, 9, 3, null])
    expect(order[0]).toMatchObject({ authorId: 'd', text: 'Onderwerp van shape:d' })
  })

  it('treats a value outside 1 to 10 as unscored', () => {
    const order = orderTopics([note('shape:a', 0, 0, '11'), note('shape:b', 0, 300, '2')])
    expect(order.map((t) => [t.noteId, t.score])).toEqual([
      ['shape:b', 2],
      ['shape:a', null],
    ])
  })
})

describe('the walk through the topics', () => {
  const topics: Topic[] = ['Ruzie in het team', 'Werkdruk', 'Een lastige klant'].map((text, i) => ({
    noteId: `shape:t${i}`,
    text,
    authorId: null,
    score: 9 - i,
  }))

  it('reads the topics when the block is entered, and keeps them within it', () => {
    let reads = 0
    const read = () => {
      reads++
      return topics
    }
    const from = index('inventarisatie')
    const first = index('onderwerp-presenteren')
    expect(topicsAfterMove(quick, from, first, null, read)).toEqual(topics)
    expect(topicsAfterMove(quick, first, first + 1, topics, read)).toEqual(topics)
    expect(reads).toBe(1)
  })

  it('round n is the nth topic; after the last topic there is no next round', () => {
    let p: MeetingProgress = { ...initialProgress(0), phaseIndex: index('evaluatie'), topics }
    expect(currentTopic(quick, p)).toMatchObject({ index: 1, count: 3, topic: { text: 'Ruzie in het team' } })
    for (const expected of ['Werkdruk', 'Een lastige klant']) {
      const r = applyCommand(quick, p, { type: 'nextRound' }, 1)
      if (!r.ok) throw new Error(r.error)
      p = r.progress
      expect(p.phaseIndex).toBe(index('onderwerp-presenteren'))
      expect(currentTopic(quick, p)?.topic.text).toBe(expected)
      p = { ...p, phaseIndex: index('evaluatie') }
    }
    expect(applyCommand(quick, p, { type: 'nextRound' }, 2).ok).toBe(false)
  })

  it('shows no topic outside the block', () => {
    const p = { ...initialProgress(0), phaseIndex: index('inventarisatie'), topics }
    expect(currentTopic(quick, p)).toBeNull()
  })
})
