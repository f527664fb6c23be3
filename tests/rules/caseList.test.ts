import { describe, expect, it } from 'vitest'
import type { BoardRecord } from '../../shared/boardRecords'
import { openVoting, votingZoneOf } from '../../shared/caseVotes'
import { noteArea } from '../../shared/layout'
import type { Actor, RecordChange } from '../../shared/recordPolicy'
import { slotsFor } from '../../shared/slots'
import { noteRecord } from '../helpers/records'
import { builtinTemplates } from '../templates/support'
import { judgeOnBoard } from './judgeOnBoard'

/**
 * The case list's sentence limit (G2: two sentences, G3: five), and the quick advice rounds'
 * topics, each scored by its own author.
 */
const g2 = builtinTemplates().get('stappenplan-60')!
const g3 = builtinTemplates().get('zes-fasenmodel')!
const quick = builtinTemplates().get('snelle-adviesrondes')!
const anna: Actor = { participantId: 'anna', role: 'deelnemer' }
const create = (r: BoardRecord): RecordChange => ({ id: r.id, prev: null, next: r })
const change = (prev: BoardRecord, next: BoardRecord): RecordChange => ({ id: prev.id, prev, next })

function caseNote(template = g2, text: string, zoneId = 'casuslijst', at = 0, author = 'anna') {
  const slot = slotsFor(noteArea(template, zoneId), 6)[at]!
  return noteRecord({ id: `shape:${author}-${zoneId}-${at}`, ...slot, authorId: author, text })
}

const TWO = 'Mijn teamleider geeft nooit feedback. Hoe vraag ik erom, bijv. na een project?'
const THREE = `${TWO} Ik durf het niet goed.`

describe('the case list takes at most the method’s sentences', () => {
  it('G2 accepts two sentences and refuses three, saying how many', () => {
    expect(judgeOnBoard(g2, 'problemen-verzamelen', anna, [create(caseNote(g2, TWO))]).ok).toBe(true)
    const v = judgeOnBoard(g2, 'problemen-verzamelen', anna, [create(caseNote(g2, THREE))])
    expect(v.ok).toBe(false)
    if (!v.ok) {
      expect(v.reason.nl).toContain('hooguit 2 zinnen')
      expect(v.reason.nl).toContain('dit zijn er 3')
      expect(v.reason.en).toContain('at most 2 sentences')
    }
  })

  it('refuses an edit that makes a case longer than the limit, and takes one that shortens it', () => {
    const two = caseNote(g2, TWO)
    const three = caseNote(g2, THREE)
    expect(judgeOnBoard(g2, 'problemen-verzamelen', anna, [change(two, three)], [two]).ok).toBe(false)
    expect(judgeOnBoard(g2, 'problemen-verzamelen', anna, [change(three, two)], [three]).ok).toBe(true)
  })

  it('holds for the begeleider too, and for a note moved into the list from elsewhere', () => {
    const lead: Actor = { participantId: 'anna', role: 'begeleider' }
    expect(judgeOnBoard(g2, 'problemen-verzamelen', lead, [create(caseNote(g2, THREE))]).ok).toBe(false)
    const outside = noteRecord({ id: 'shape:free', x: -4000, y: -4000, authorId: 'anna', text: THREE })
    const moved = { ...outside, ...slotsFor(noteArea(g2, 'casuslijst'), 6)[1]! }
    expect(judgeOnBoard(g2, 'problemen-verzamelen', lead, [change(outside, moved)], [outside]).ok).toBe(false)
  })

  it('G3 takes five sentences and refuses six', () => {
    const five = 'Een. Twee. Drie. Vier. Vijf.'
    expect(judgeOnBoard(g3, 'inventarisatie', anna, [create(caseNote(g3, five))]).ok).toBe(true)
    expect(judgeOnBoard(g3, 'inventarisatie', anna, [create(caseNote(g3, `${five} Zes.`))]).ok).toBe(false)
  })

  it('other zones keep no sentence limit', () => {
    const flap = caseNote(g2, `${THREE} En nog een zin. En nog een.`, 'casus')
    const inbrenger: Actor = { participantId: 'anna', role: 'inbrenger' }
    expect(judgeOnBoard(g2, 'toelichten', inbrenger, [create(flap)]).ok).toBe(true)
  })
})

describe('where the group votes on the case list', () => {
  const phaseIndex = (t: typeof g2, id: string) => t.phases.findIndex((p) => p.id === id)
  it('G2 in its own phase, G3 in its inventory, where the cases are gathered', () => {
    expect(votingZoneOf(g2, phaseIndex(g2, 'casus-kiezen'))).toBe('casuslijst')
    expect(votingZoneOf(g2, phaseIndex(g2, 'problemen-verzamelen'))).toBeUndefined()
    expect(votingZoneOf(g3, phaseIndex(g3, 'inventarisatie'))).toBe('casuslijst')
    expect(openVoting(g3, phaseIndex(g3, 'analyse'), null, 2)).toBeNull()
  })
})

describe('quick advice rounds: each member scores their own topic', () => {
  const annaInbrenger: Actor = { participantId: 'anna', role: 'inbrenger' }
  const topic = (author: string, at: number, rating?: string) => {
    const slot = slotsFor(noteArea(quick, 'onderwerpen'), 6)[at]!
    return noteRecord({ id: `shape:topic-${author}`, ...slot, authorId: author, text: 'Onderwerp', rating })
  }

  it('a member scores their own topic 1 to 10, as deelnemer or inbrenger, without a role change', () => {
    const mine = topic('anna', 0)
    const scored = [change(mine, topic('anna', 0, '8'))]
    expect(judgeOnBoard(quick, 'inventarisatie', annaInbrenger, scored, [mine]).ok).toBe(true)
    expect(judgeOnBoard(quick, 'inventarisatie', anna, scored, [mine]).ok).toBe(true)
  })

  it('a deelnemer does not score someone else’s topic either', () => {
    const bens = topic('ben', 1)
    const v = judgeOnBoard(quick, 'inventarisatie', anna, [change(bens, topic('ben', 1, '9'))], [bens])
    expect(v.ok).toBe(false)
    if (!v.ok) expect(v.reason.nl).toContain('eigen onderwerp')
  })

  it('the inbrenger does not score someone else’s topic', () => {
    const bens = topic('ben', 1)
    const scored = [change(bens, topic('ben', 1, '9'))]
    const v = judgeOnBoard(quick, 'inventarisatie', annaInbrenger, scored, [bens])
    expect(v.ok).toBe(false)
    if (!v.ok) expect(v.reason.nl).toContain('eigen onderwerp')
  })

  it('a score outside 1 to 10 is refused', () => {
    const mine = topic('anna', 0)
    const scored = [change(mine, topic('anna', 0, '11'))]
    expect(judgeOnBoard(quick, 'inventarisatie', annaInbrenger, scored, [mine]).ok).toBe(false)
  })
})
