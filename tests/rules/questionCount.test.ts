import { describe, expect, it } from 'vitest'
import { countQuestions, quotaCountsQuestions } from '../../shared/questionCount'
import type { Actor, RecordChange } from '../../shared/recordPolicy'
import { inZone } from '../helpers/meetingFixture'
import { noteRecord } from '../helpers/records'
import { builtinTemplates } from '../templates/support'
import { judgeOnBoard } from './judgeOnBoard'

/** "Ieder hooguit drie vragen": one question per note where the quota counts questions. */
const socratic = builtinTemplates().get('socratisch-gesprek')!
const anna: Actor = { participantId: 'anna', role: 'deelnemer' }
const FIVE = 'Wat deed je? Hoe voelde dat? Wie was erbij? Wanneer begon het? Waarom toen?'
const note = (text: string, dx = 0) =>
  noteRecord({ id: `shape:q${dx}`, ...inZone(socratic, 'vragen', dx), authorId: 'anna', text })
const add = (text: string): RecordChange[] => [{ id: 'shape:q0', prev: null, next: note(text) }]

describe('one question per note where a quota counts questions', () => {
  it('counts runs of question marks', () => {
    expect(countQuestions('Wat deed je toen?')).toBe(1)
    expect(countQuestions('Echt?! Hoe dan??')).toBe(2)
    expect(countQuestions(FIVE)).toBe(5)
    expect(countQuestions('Een vraag zonder vraagteken')).toBe(0)
  })

  it('refuses a note with five questions in the first round, saying so in Dutch and English', () => {
    expect(quotaCountsQuestions(socratic, 'open-vragen', 'vragen')).toBe(true)
    expect(judgeOnBoard(socratic, 'open-vragen', anna, add('Wat deed je toen?')).ok).toBe(true)
    const v = judgeOnBoard(socratic, 'open-vragen', anna, add(FIVE))
    expect(v.ok).toBe(false)
    if (!v.ok) {
      expect(v.reason.nl).toContain('deze bevat er 5')
      expect(v.reason.en).toContain('this one holds 5')
    }
  })

  it('refuses an edit that puts a second question in a note, not a move of an old one', () => {
    const one = note('Wat deed je toen?')
    const two = note('Wat deed je toen? En daarna?')
    expect(
      judgeOnBoard(socratic, 'open-vragen', anna, [{ id: one.id, prev: one, next: two }], [one]).ok,
    ).toBe(false)
    const moved = { ...two, x: (two.x as number) + 5 }
    expect(
      judgeOnBoard(socratic, 'open-vragen', anna, [{ id: two.id, prev: two, next: moved }], [two]).ok,
    ).toBe(true)
  })

  it('leaves the optional second round, which has no quota, alone', () => {
    expect(quotaCountsQuestions(socratic, 'tweede-vragenronde', 'vragen')).toBe(false)
    expect(judgeOnBoard(socratic, 'tweede-vragenronde', anna, add(FIVE)).ok).toBe(true)
  })
})
