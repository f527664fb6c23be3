import type * as Y from 'yjs'
import type { BoardRecord } from '../../../shared/boardRecords'
import type { ExportedMeeting, MeetingExport } from '../../../shared/exportFormat'
import { MeetingProgress } from '../../../shared/phaseMachine'
import { recordTextLength } from '../../../shared/recordText'
import type { Template } from '../../../shared/templateSchema'
import { meetingRoomId } from '../../../shared/wire'
import { importSealedNotes } from '../drafts/importedSeals'
import { ApiError } from '../http/apiError'
import { buildImportedBoard, encodeImportedBoard, nextTurn } from '../imports/importBoard'
import { importedRecordProblem } from '../meetings/recordValidation'
import { hashSecret, newId, newSecret } from '../meetings/secrets'
import { checkSchema, migrateRecords, type StoredRecord } from '../storage/boardSchema'
import type { RevealedRow } from '../storage/draftStore'
import type { GroupMeetingRow, GroupRow, PresenceRow } from '../storage/groupStore'
import { type ImportStore, UnstorableTextError } from '../storage/importStore'
import type { MeetingRow, ParticipantRow, RetentionPolicy } from '../storage/meetingStore'

export interface ImportedMeeting {
  meetingId: string
  title: string
  templateId: string
  facilitatorSecret: string
  inviteSecret: string
  /** The file's participant ids and the new ones given here (a group's register follows them). */
  participantIds: ReadonlyMap<string, string>
}

/** What the importer needs of the meeting service: the state the guard reads, and publishing it. */
export interface ImportTarget {
  load(meetingId: string): Promise<unknown>
  publish(meetingId: string): Promise<void>
  /** Erases a meeting this import began (its writes failed half way): nothing stays behind. */
  discard(meetingId: string): Promise<void>
}

/** One meeting of an import, made ready to store: its rows and its board, nothing written yet. */
export interface PreparedMeeting {
  made: ImportedMeeting
  row: MeetingRow
  participants: ParticipantRow[]
  revealed: RevealedRow[]
  /** The board; a group's import adds the look-back to it before it is stored. */
  board: Y.Doc
}

/** A group's rows, stored in the same transaction as its meetings. */
export interface PreparedGroup {
  row: GroupRow
  series: GroupMeetingRow[]
  presence: PresenceRow[]
}

/**
 * Makes new meetings from an export file (possibly another server's): new ids, new links, the same
 * title, method, progress, people and board. Everything is checked before anything is written,
 * so a bad file leaves nothing behind; a refusal names the field (`meetings.0.board.records.12`).
 * The people come without a way in (no token anyone holds): their names stay with their notes,
 * and whoever opens the new facilitator link or invite joins as a new participant.
 */
export class MeetingImporter {
  constructor(
    /** Writes the whole import in one transaction. */
    private readonly store: ImportStore,
    private readonly templates: () => ReadonlyMap<string, Template>,
    private readonly target: ImportTarget,
    private readonly policy: RetentionPolicy,
    private readonly now: () => number,
    /** The same text limit a participant's edit meets (LIMIT_RECORD_TEXT_CHARS). */
    private readonly maxRecordTextChars: number,
  ) {}

  async import(file: MeetingExport): Promise<ImportedMeeting[]> {
    return this.commit(await this.prepare(file))
  }

  /** Checks every meeting of the file and makes its rows and board; writes nothing. */
  async prepare(file: MeetingExport): Promise<PreparedMeeting[]> {
    const checked: Array<ReturnType<MeetingImporter['check']>> = []
    for (const [i, meeting] of file.meetings.entries()) {
      checked.push(this.check(meeting, `meetings.${i}`))
      await nextTurn()
    }
    const prepared: PreparedMeeting[] = []
    for (const { meeting, records } of checked) prepared.push(await this.build(meeting, records))
    return prepared
  }

  /**
   * Stores the prepared meetings (and a group) in ONE transaction: a refusal of the database, or
   * text it cannot keep, leaves nothing behind. Then each meeting's view is published.
   */
  async commit(prepared: readonly PreparedMeeting[], group?: PreparedGroup): Promise<ImportedMeeting[]> {
    try {
      await this.store.write({
        meetings: prepared.map((p) => ({
          meeting: p.row,
          participants: p.participants,
          revealed: p.revealed,
          roomId: meetingRoomId(p.row.id),
          board: encodeImportedBoard(p.board),
        })),
        group,
      })
    } catch (error) {
      if (error instanceof UnstorableTextError) throw invalid(fileField(error.field), error.problem)
      throw error
    }
    const made = prepared.map((p) => p.made)
    try {
      for (const { made: m } of prepared) {
        await this.target.load(m.meetingId)
        await this.target.publish(m.meetingId)
      }
    } catch (error) {
      // Stored, but its view could not be written (the room broke): what was made goes again.
      await this.undo(made.map((m) => m.meetingId))
      throw error
    }
    return made
  }

  /** Erases meetings an import made, when a later step of it failed (a group's writes). */
  async undo(meetingIds: readonly string[]): Promise<void> {
    for (const id of meetingIds) await this.target.discard(id).catch(() => {})
  }

  /** Everything that can be wrong with one meeting of the file, before any write. */
  private check(
    meeting: ExportedMeeting,
    field: string,
  ): { meeting: ExportedMeeting; records: StoredRecord[] } {
    const template = this.templates().get(meeting.templateId)
    if (!template) {
      throw new ApiError(400, 'unknown_template', `Unknown method template "${meeting.templateId}".`, {
        templateId: meeting.templateId,
        field: `${field}.templateId`,
      })
    }
    if (meeting.progress.phaseIndex >= template.phases.length) {
      throw invalid(`${field}.progress.phaseIndex`, `the method has ${template.phases.length} phases`)
    }
    const ids = new Set<string>()
    meeting.participants.forEach((p, j) => {
      if (ids.has(p.id)) throw invalid(`${field}.participants.${j}.id`, 'a participant id appears twice')
      ids.add(p.id)
      if (!template.roles.includes(p.role) && p.role !== 'begeleider') {
        throw invalid(`${field}.participants.${j}.role`, `the method has no role "${p.role}"`)
      }
    })
    let records = meeting.board.records as StoredRecord[]
    const seen = new Set<string>()
    records.forEach((record, j) => {
      if (seen.has(record.id)) throw invalid(`${field}.board.records.${j}.id`, 'a record id appears twice')
      seen.add(record.id)
    })
    const schema = checkSchema(meeting.board.tldrawSchema)
    if (schema.kind === 'newer') {
      throw invalid(
        `${field}.board.tldrawSchema`,
        `written by a newer board than this server's (${schema.detail})`,
      )
    }
    if (schema.kind === 'older') {
      const migrated = migrateRecords(records, schema.stored)
      if (!migrated.ok) throw invalid(`${field}.board.records`, `could not be migrated: ${migrated.reason}`)
      records = migrated.records
    }
    records.forEach((record, j) => {
      const problem = importedRecordProblem(record as BoardRecord)
      if (problem) throw invalid(`${field}.board.records.${j}`, problem)
      if (recordTextLength(record as BoardRecord, this.maxRecordTextChars) > this.maxRecordTextChars) {
        throw invalid(
          `${field}.board.records.${j}`,
          `more than ${this.maxRecordTextChars} characters of text`,
        )
      }
    })
    return { meeting, records }
  }

  private async build(meeting: ExportedMeeting, records: StoredRecord[]): Promise<PreparedMeeting> {
    const meetingId = newId()
    const facilitatorSecret = newSecret()
    const inviteSecret = newSecret()
    const now = this.now()
    // The file's participant ids become new ones wherever they occur (authors, rounds).
    const ids = new Map(meeting.participants.map((p) => [p.id, newId()]))
    const progress = MeetingProgress.parse(renameIds(meeting.progress, ids))
    const row: MeetingRow = {
      id: meetingId,
      templateId: meeting.templateId,
      title: meeting.title,
      facilitatorSecretHash: hashSecret(facilitatorSecret),
      inviteSecretHash: hashSecret(inviteSecret),
      progressJson: JSON.stringify(progress),
      // Its retention counts from the import: it is active here from now.
      createdAt: now,
      retentionDays:
        meeting.retentionDays === null ? null : Math.min(meeting.retentionDays, this.policy.maxDays),
    }
    const participants = meeting.participants.map(
      (p, i): ParticipantRow => ({
        id: ids.get(p.id)!,
        meetingId,
        name: p.name,
        role: p.role,
        color: p.color,
        // A token nobody was given: the name stays, nobody can sign in as it.
        tokenHash: hashSecret(newSecret()),
        // Their order kept, before anyone who joins from now on (the store lists by this time).
        createdAt: now - meeting.participants.length + i,
        // Which group member they were is kept (a group's import checks the ids); no name key: the
        // people of the past hold no name against whoever joins now.
        memberId: p.memberId ?? null,
        removedAt: null,
        nameKey: null,
      }),
    )
    const sealed = importSealedNotes(
      records.map((record) => renameIds(record, ids) as BoardRecord),
      meeting.meetingId ?? null,
    )
    const board = await buildImportedBoard(sealed.records as StoredRecord[])
    return {
      made: {
        meetingId,
        title: meeting.title,
        templateId: meeting.templateId,
        facilitatorSecret,
        inviteSecret,
        participantIds: ids,
      },
      row,
      participants,
      revealed: sealed.rows,
      board,
    }
  }
}

/** The batch's field (importStore.ts) as the file names it: `meetings.0.meeting.title` is `meetings.0.title`. */
function fileField(field: string): string {
  return field.replace(/^(meetings\.\d+)\.meeting\./, '$1.').replace(/^group\.row\./, 'group.')
}

/** A refusal of the file that names the field. */
export function invalid(field: string, problem: string): ApiError {
  return new ApiError(400, 'invalid_import', `${field}: ${problem}`, { field, problem })
}

/** A copy of a JSON value with every string that is one of the old ids replaced by its new id. */
function renameIds(value: unknown, ids: ReadonlyMap<string, string>): unknown {
  if (typeof value === 'string') return ids.get(value) ?? value
  if (Array.isArray(value)) return value.map((item) => renameIds(item, ids))
  if (value && typeof value === 'object') {
    return Object.fromEntries(Object.entries(value).map(([key, item]) => [key, renameIds(item, ids)]))
  }
  return value
}
