import type * as Y from 'yjs'
import type { BoardRecord } from '../../../shared/boardRecords'
import { isCaseNote, voteInMeeting } from '../../../shared/caseVotes'
import type { MeetingProgress } from '../../../shared/phaseMachine'
import type { Template } from '../../../shared/templateSchema'
import { readBoardRecords as boardRecords, writeRecordsWhole } from '../board/boardRecords'
import { ApiError } from '../http/apiError'
import type { ParticipantRow } from '../storage/meetingStore'
import { caseNote, zoneOfBoardShape } from './boardNotes'

/** What choosing the case needs of the meeting service. */
export interface CaseChoiceHost {
  /** Changes the progress one change at a time per meeting, read fresh, stored and published. */
  changeProgress(
    meetingId: string,
    change: (template: Template, progress: MeetingProgress) => MeetingProgress,
  ): Promise<MeetingProgress>
  /** Runs a server change on the meeting's room (loaded if nobody is connected). */
  withRoom(meetingId: string, fn: (doc: Y.Doc) => void): Promise<void>
  participant(participantId: string): Promise<ParticipantRow | undefined>
  template(meetingId: string): Promise<Template | undefined>
}

/**
 * One dot vote cast or taken back by the person of this session (shared/caseVotes.ts):
 * nobody votes in someone else's name (the session says who votes), nor more often than the
 * facilitator allowed, nor on a note that is not on the list being voted on, nor on an empty one.
 */
export async function castCaseVote(
  host: CaseChoiceHost,
  meetingId: string,
  actor: ParticipantRow,
  noteId: string,
  cast: boolean,
): Promise<MeetingProgress> {
  let records = new Map<string, BoardRecord>()
  await host.withRoom(meetingId, (doc) => {
    records = boardRecords(doc)
  })
  return host.changeProgress(meetingId, (template, progress) => {
    // Only a case note of the list takes votes: not the list's zone frame, nor any other shape in it.
    const onList = (zoneId: string) =>
      isCaseNote(records.get(noteId)) && zoneOfBoardShape(template, records, noteId) === zoneId
    const voter = { participantId: actor.id, role: actor.role }
    const result = voteInMeeting(template, progress, voter, noteId, cast, onList)
    if (!result.ok) {
      throw new ApiError(409, 'vote_refused', `Vote refused: ${result.reason}.`, {
        reason: result.reason,
      })
    }
    return { ...progress, voting: result.voting }
  })
}

/**
 * Puts a case on the case list in `participantId`'s name, as if they had typed it on the board:
 * the zone's sentence limit holds, the note goes to the first free slot. For a case sent in
 * before the meeting (through the invite link). Resolves with the new note's id. The case list
 * is the zone with a sentence limit, else the zone a phase votes on.
 */
export async function addCaseToList(
  host: CaseChoiceHost,
  meetingId: string,
  participantId: string,
  text: string,
): Promise<string> {
  const template = await host.template(meetingId)
  const participant = await host.participant(participantId)
  if (!template || !participant || participant.meetingId !== meetingId)
    throw new ApiError(404, 'unknown_participant', 'No such participant in this meeting.')
  const zone =
    template.zones.find((z) => z.maxSentences !== undefined) ??
    template.zones.find((z) => template.phases.some((p) => p.votesOn === z.id))
  if (!zone) throw new ApiError(409, 'no_case_list', `The method "${template.id}" has no case list.`)
  let added = ''
  await host.withRoom(meetingId, (doc) => {
    const note = caseNote(template, boardRecords(doc), zone.id, participantId, text)
    if (!note.ok) {
      throw new ApiError(400, 'case_refused', `Case refused: ${note.reason}.`, {
        reason: note.reason,
        max: zone.maxSentences ?? 0,
      })
    }
    writeRecordsWhole(doc, [note.record])
    added = note.record.id
  })
  return added
}
