import type { BoardRecord } from '../../../templates/src/boardRecords'
import type { ExportedMeeting, MeetingExport } from '../../../templates/src/exportFormat'
import { MeetingProgress } from '../../../templates/src/phaseMachine'
import { recordTextLength } from '../../../templates/src/recordText'
import type { Template } from '../../../templates/src/schema'
import { meetingRoomId, RECORDS_ARRAY } from '../../../templates/src/wire'
import { MeetingError } from '../meetings/meetingError'
import type { MeetingRooms } from '../meetings/meetingService'
import { importedRecordProblem } from '../meetings/recordValidation'
import { hashSecret, newId, newSecret } from '../meetings/secrets'
import { checkSchema, migrateRecords, type StoredRecord } from '../storage/boardSchema'
import type { MeetingRow, MeetingStore, ParticipantRow, RetentionPolicy } from '../storage/meetingStore'

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
    private readonly store: Pick<MeetingStore, 'insertMeeting' | 'insertParticipant'>,
    private readonly rooms: Pick<MeetingRooms, 'acquire' | 'released'>,
    private readonly templates: () => ReadonlyMap<string, Template>,
    private readonly target: ImportTarget,
    private readonly policy: RetentionPolicy,
    private readonly now: () => number,
    /** The same text limit a participant's edit meets (LIMIT_RECORD_TEXT_CHARS). */
    private readonly maxRecordTextChars: number,
  ) {}

  async import(file: MeetingExport): Promise<ImportedMeeting[]> {
    const checked = file.meetings.map((meeting, i) => this.check(meeting, `meetings.${i}`))
    const made: ImportedMeeting[] = []
    for (const { meeting, records } of checked) made.push(await this.create(meeting, records))
    return made
  }

  /** Everything that can be wrong with one meeting of the file, before any write. */
  private check(
    meeting: ExportedMeeting,
    field: string,
  ): { meeting: ExportedMeeting; records: StoredRecord[] } {
    const template = this.templates().get(meeting.templateId)
    if (!template) {
      throw new MeetingError(400, 'unknown_template', `Unknown method template "${meeting.templateId}".`, {
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

  private async create(meeting: ExportedMeeting, records: StoredRecord[]): Promise<ImportedMeeting> {
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
    await this.store.insertMeeting(row)
    for (const [i, p] of meeting.participants.entries()) {
      const participant: ParticipantRow = {
        id: ids.get(p.id)!,
        meetingId,
        name: p.name,
        role: p.role,
        color: p.color,
        // A token nobody was given: the name stays, nobody can sign in as it.
        tokenHash: hashSecret(newSecret()),
        // Their order kept, before anyone who joins from now on (the store lists by this time).
        createdAt: now - meeting.participants.length + i,
      }
      await this.store.insertParticipant(participant)
    }
    await this.target.load(meetingId)
    const roomId = meetingRoomId(meetingId)
    const room = await this.rooms.acquire(roomId)
    try {
      room.transactAsServer(() => {
        const values = records.map((record) => renameIds(record, ids) as StoredRecord)
        room.doc.getArray(RECORDS_ARRAY).push(values.map((val) => ({ key: val.id, val })))
      })
      await room.settled()
    } finally {
      this.rooms.released(roomId)
    }
    await this.target.publish(meetingId)
    return {
      meetingId,
      title: meeting.title,
      templateId: meeting.templateId,
      facilitatorSecret,
      inviteSecret,
      participantIds: ids,
    }
  }
}

/** A refusal of the file that names the field. */
export function invalid(field: string, problem: string): MeetingError {
  return new MeetingError(400, 'invalid_import', `${field}: ${problem}`, { field, problem })
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
