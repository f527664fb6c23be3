import { describe, expect, it } from 'vitest'
import {
  type CaseVoting,
  castVote,
  leadingNotes,
  myVotes,
  openVoting,
  voteCounts,
  voteInMeeting,
} from '../../shared/caseVotes'
import { builtinTemplates } from '../templates/support'

/**
 * Dot votes on a case list, as the shared rules count them: votes per person up to the number the
 * begeleider set, more than one on a case allowed, a vote taken back one at a time, and the cases
 * with the most votes (all of them on a tie) offered to choose from.
 */
const g2 = builtinTemplates().get('stappenplan-60')!
const votingPhase = g2.phases.findIndex((p) => p.votesOn !== undefined)
const open = (perPerson: number) => openVoting(g2, votingPhase, null, perPerson)!

function cast(voting: CaseVoting, voter: string, ...notes: string[]): CaseVoting {
  let now = voting
  for (const note of notes) {
    const result = castVote(now, voter, note, true)
    if (!result.ok) throw new Error(`${voter} on ${note}: ${result.reason}`)
    now = result.voting
  }
  return now
}

describe('casting and taking back votes', () => {
  it('takes exactly the votes each person has, more than one on a case too, and no more', () => {
    const voting = cast(open(3), 'anna', 'shape:a', 'shape:a', 'shape:b')
    expect(castVote(voting, 'anna', 'shape:c', true)).toEqual({ ok: false, reason: 'noVotesLeft' })
    // Someone else's votes are their own.
    expect(castVote(voting, 'bram', 'shape:c', true).ok).toBe(true)
    const mine = myVotes(voting, 'anna')
    expect(mine.left).toBe(0)
    expect([...mine.on]).toEqual([
      ['shape:a', 2],
      ['shape:b', 1],
    ])
    expect(myVotes(voting, 'bram')).toEqual({ left: 3, on: new Map() })
  })

  it('takes back one vote at a time, only one that was cast', () => {
    const voting = cast(open(3), 'anna', 'shape:a', 'shape:b', 'shape:a')
    const back = castVote(voting, 'anna', 'shape:a', false)
    expect(back.ok && back.voting.votes.anna).toEqual(['shape:a', 'shape:b'])
    expect(castVote(voting, 'anna', 'shape:c', false)).toEqual({ ok: false, reason: 'notVoted' })
    expect(castVote(voting, 'bram', 'shape:a', false)).toEqual({ ok: false, reason: 'notVoted' })
  })

  it('takes nothing while the vote is closed, and keeps votes when it opens again with fewer', () => {
    const voting = cast(open(3), 'anna', 'shape:a', 'shape:b', 'shape:c')
    expect(castVote({ ...voting, open: false }, 'anna', 'shape:a', false)).toEqual({
      ok: false,
      reason: 'notOpen',
    })
    expect(castVote(null, 'anna', 'shape:a', true)).toEqual({ ok: false, reason: 'notOpen' })
    const fewer = openVoting(g2, votingPhase, voting, 2)!
    expect(fewer.votes).toEqual(voting.votes)
    // One who has more than the new number has none left (never fewer than none).
    expect(myVotes(fewer, 'anna').left).toBe(0)
    expect(castVote(fewer, 'anna', 'shape:d', true)).toEqual({ ok: false, reason: 'noVotesLeft' })
    // A phase without a vote opens none.
    expect(openVoting(g2, 0, voting, 2)).toBeNull()
  })
})

describe('counting', () => {
  it('counts everyone’s votes per case and offers the most voted, all of them on a tie', () => {
    let voting = cast(open(3), 'anna', 'shape:a', 'shape:a', 'shape:b')
    voting = cast(voting, 'bram', 'shape:b', 'shape:c')
    expect(voteCounts(voting)).toEqual(
      new Map([
        ['shape:a', 2],
        ['shape:b', 2],
        ['shape:c', 1],
      ]),
    )
    const all = new Set(['shape:a', 'shape:b', 'shape:c'])
    expect(leadingNotes(voting, all)).toEqual(['shape:a', 'shape:b'])
    voting = cast(voting, 'carla', 'shape:b')
    expect(leadingNotes(voting, all)).toEqual(['shape:b'])
    // A case no longer on the list does not count: the next most voted leads.
    expect(leadingNotes(voting, new Set(['shape:a', 'shape:c']))).toEqual(['shape:a'])
    expect(leadingNotes(voting, new Set(['shape:c']))).toEqual(['shape:c'])
    expect(leadingNotes(open(3), all)).toEqual([])
    expect(leadingNotes(null, all)).toEqual([])
  })
})

describe('a vote in the meeting', () => {
  const anna = { participantId: 'anna', role: 'deelnemer' as const }
  const running = (voting: CaseVoting) => ({
    phaseIndex: votingPhase,
    finished: false,
    onBreak: null,
    voting,
  })

  it('is cast only while the vote runs in its phase, by someone taking part, on a case on the list', () => {
    const voting = open(2)
    const onList = () => true
    expect(voteInMeeting(g2, running(voting), anna, 'shape:a', true, onList).ok).toBe(true)
    expect(
      voteInMeeting(
        g2,
        running(voting),
        { participantId: 'olga', role: 'observer' },
        'shape:a',
        true,
        onList,
      ),
    ).toEqual({ ok: false, reason: 'notAllowed' })
    for (const progress of [
      { ...running(voting), onBreak: { since: 0, timerWasRunning: true } },
      { ...running(voting), finished: true },
      { ...running(voting), phaseIndex: 0 },
    ])
      expect(voteInMeeting(g2, progress, anna, 'shape:a', true, onList)).toEqual({
        ok: false,
        reason: 'notOpen',
      })
    expect(voteInMeeting(g2, running(voting), anna, 'shape:a', true, () => false)).toEqual({
      ok: false,
      reason: 'notOnList',
    })
  })

  it('takes back a vote on a case that left the list', () => {
    const voting = cast(open(2), 'anna', 'shape:a')
    const back = voteInMeeting(g2, running(voting), anna, 'shape:a', false, () => false)
    expect(back.ok && back.voting.votes.anna).toEqual([])
  })
})
