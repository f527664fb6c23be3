import { type BoardRecord, isZoneFrame } from './boardRecords'
import type { CaseVoting } from './caseVoting'
import { sealedTextOf } from './drafts/sealedMeta'
import type { MeetingProgress } from './meetingProgress'
import { plainTextOf } from './outcome/noteText'
import type { RoleId } from './schema'
import type { Template } from './templateSchema'

/**
 * Dot votes on a case list (G2 "casus kiezen"): the facilitator sets how many votes each person
 * has and opens the vote, in a phase whose template names the zone voted on (`votesOn`); each
 * person puts their votes on the cases they want (more than one on the same case is allowed, as
 * with sticker dots), and may take them back while the vote is open. Part of the meeting's
 * progress, changed only by the server: the facilitator's commands, and each voter's own call
 * under their session, so nobody votes as someone else or more often than allowed.
 *
 * The counts are shown to everyone as they come in. Votes travel in the meeting's shared state,
 * which every participant's browser holds; hiding them until the end would be pretend secrecy.
 * Dot voting on a wall is open too.
 */
export { CaseVoting, MAX_VOTES_PER_PERSON } from './caseVoting'

/** Why a vote was not taken: stable codes the client words. */
export type VoteRefusal = 'notOpen' | 'noVotesLeft' | 'notVoted' | 'notOnList' | 'notAllowed'

export type VoteResult = { ok: true; voting: CaseVoting } | { ok: false; reason: VoteRefusal }

/** The zone a phase votes on, if it is a voting phase. */
export function votingZoneOf(template: Template, phaseIndex: number): string | undefined {
  return phaseIndex >= 0 ? template.phases[phaseIndex]?.votesOn : undefined
}

/**
 * Opens the vote with `perPerson` votes each (again: a new number, votes cast so far kept; one
 * who has more than the new number can only take back). Null: this phase has no vote.
 */
export function openVoting(
  template: Template,
  phaseIndex: number,
  current: CaseVoting | null | undefined,
  perPerson: number,
): CaseVoting | null {
  const zoneId = votingZoneOf(template, phaseIndex)
  if (!zoneId) return null
  const votes = current?.zoneId === zoneId ? current.votes : {}
  return { zoneId, perPerson, open: true, votes }
}

/** One vote cast (or taken back) by `voterId` on `noteId`. */
export function castVote(
  voting: CaseVoting | null | undefined,
  voterId: string,
  noteId: string,
  cast: boolean,
): VoteResult {
  if (!voting?.open) return { ok: false, reason: 'notOpen' }
  const mine = voting.votes[voterId] ?? []
  let next: string[]
  if (cast) {
    if (mine.length >= voting.perPerson) return { ok: false, reason: 'noVotesLeft' }
    next = [...mine, noteId]
  } else {
    const at = mine.lastIndexOf(noteId)
    if (at < 0) return { ok: false, reason: 'notVoted' }
    next = [...mine.slice(0, at), ...mine.slice(at + 1)]
  }
  return { ok: true, voting: { ...voting, votes: { ...voting.votes, [voterId]: next } } }
}

/**
 * Whether a note on the case list is a case one can vote on, by its plain text: an empty note is
 * none (its text was refused, or is still being typed). Server and list ask the same question.
 */
export function isVotableCase(text: string): boolean {
  return text.trim() !== ''
}

/** Votes per note, over everyone. */
export function voteCounts(voting: CaseVoting | null | undefined): Map<string, number> {
  const counts = new Map<string, number>()
  for (const noteIds of Object.values(voting?.votes ?? {})) {
    for (const id of noteIds) counts.set(id, (counts.get(id) ?? 0) + 1)
  }
  return counts
}

/** My votes: how many on each note, and how many I have left. */
export function myVotes(
  voting: CaseVoting | null | undefined,
  voterId: string,
): { left: number; on: Map<string, number> } {
  const mine = voting?.votes[voterId] ?? []
  const on = new Map<string, number>()
  for (const id of mine) on.set(id, (on.get(id) ?? 0) + 1)
  return { left: Math.max(0, (voting?.perPerson ?? 0) - mine.length), on }
}

/**
 * The notes with the most votes (several on a tie), for the facilitator to pick from. Empty
 * before anyone voted. Only notes still on the list (`onList`) count.
 */
export function leadingNotes(voting: CaseVoting | null | undefined, onList: ReadonlySet<string>): string[] {
  let best = 0
  let leaders: string[] = []
  for (const [id, n] of voteCounts(voting)) {
    if (!onList.has(id)) continue
    if (n > best) {
      best = n
      leaders = [id]
    } else if (n === best) leaders.push(id)
  }
  return leaders.sort()
}

/**
 * Whether a shape is a case one can vote on: a note with something written on it. The list's
 * own zone frame, a drawing, an arrow or an empty note in the list are no cases.
 */
export function isCaseNote(record: BoardRecord | undefined): boolean {
  if (record?.typeName !== 'shape' || record.type !== 'note' || isZoneFrame(record)) return false
  // A sealed note (a case prepared or written privately) has its text in the seal, which the
  // server cannot read: it counts while its seal is there (a removed one has none).
  if (sealedTextOf(record) !== null) return true
  return isVotableCase(plainTextOf(record))
}

/**
 * A vote in the meeting as it stands: only in the phase that votes on the zone, not during a
 * break or after the end, not by an observer (who watches). `onList`: whether the note is in
 * the zone voted on now (the server looks on the board); taking a vote back needs no such check,
 * so a vote on a note that was removed can still be taken back.
 */
export function voteInMeeting(
  template: Template,
  progress: Pick<MeetingProgress, 'phaseIndex' | 'finished' | 'onBreak' | 'voting'>,
  voter: { participantId: string; role: RoleId },
  noteId: string,
  cast: boolean,
  onList: (zoneId: string) => boolean,
): VoteResult {
  if (voter.role === 'observer') return { ok: false, reason: 'notAllowed' }
  const voting = progress.voting
  const running = !progress.finished && !progress.onBreak
  if (!running || !voting || votingZoneOf(template, progress.phaseIndex) !== voting.zoneId)
    return { ok: false, reason: 'notOpen' }
  if (cast && voting.open && !onList(voting.zoneId)) return { ok: false, reason: 'notOnList' }
  return castVote(voting, voter.participantId, noteId, cast)
}
