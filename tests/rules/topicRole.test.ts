import { describe, expect, it } from 'vitest'
import { roleInTopicWalk, rolesInTopicWalk } from '../../shared/topicRole'
import type { Topic } from '../../shared/topicWalk'
import { builtinTemplates } from '../templates/support'

/** Quick advice rounds (method 3): the owner of the topic now on is its inbrenger, nobody else. */
const quick = builtinTemplates().get('snelle-adviesrondes')!
const g2 = builtinTemplates().get('stappenplan-60')!
const topics: Topic[] = [
  { noteId: 'shape:t-ben', text: 'Ben', authorId: 'ben', score: 9 },
  { noteId: 'shape:t-anna', text: 'Anna', authorId: 'anna', score: 4 },
]
const at = (phaseId: string, round = 1) => ({
  phaseIndex: quick.phases.findIndex((p) => p.id === phaseId),
  round,
  topics,
})

describe('the role in the walk through the topics', () => {
  it('makes the owner of the topic now on its inbrenger, round by round', () => {
    expect(roleInTopicWalk(quick, at('adviesronde-1'), 'ben', 'deelnemer')).toBe('inbrenger')
    expect(roleInTopicWalk(quick, at('adviesronde-1'), 'anna', 'deelnemer')).toBe('deelnemer')
    expect(roleInTopicWalk(quick, at('adviesronde-1', 2), 'anna', 'deelnemer')).toBe('inbrenger')
    expect(roleInTopicWalk(quick, at('adviesronde-1', 2), 'ben', 'deelnemer')).toBe('deelnemer')
  })

  it('makes a hand-set inbrenger a deelnemer for someone else’s topic; leaves begeleider and observer', () => {
    expect(roleInTopicWalk(quick, at('onderwerp-presenteren'), 'anna', 'inbrenger')).toBe('deelnemer')
    expect(roleInTopicWalk(quick, at('onderwerp-presenteren'), 'ben', 'begeleider')).toBe('begeleider')
    expect(roleInTopicWalk(quick, at('onderwerp-presenteren'), 'ben', 'observer')).toBe('observer')
  })

  it('gives the role as given outside the walk and in methods without one', () => {
    expect(roleInTopicWalk(quick, at('inventarisatie'), 'ben', 'deelnemer')).toBe('deelnemer')
    expect(roleInTopicWalk(quick, { ...at('adviesronde-1'), topics: null }, 'ben', 'deelnemer')).toBe(
      'deelnemer',
    )
    expect(roleInTopicWalk(g2, { phaseIndex: 2, round: 1, topics }, 'ben', 'deelnemer')).toBe('deelnemer')
  })

  it('leaves the topic owner out of a round in turns, as the inbrenger', () => {
    const people = [
      { id: 'anna', role: 'deelnemer' as const },
      { id: 'ben', role: 'deelnemer' as const },
    ]
    expect(rolesInTopicWalk(quick, at('adviesronde-2'), people).map((p) => p.role)).toEqual([
      'deelnemer',
      'inbrenger',
    ])
  })
})
