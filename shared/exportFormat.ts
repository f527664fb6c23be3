import { z } from 'zod'
import { ExportedGroup } from './groups/groupExportFormat'
import { MeetingProgress } from './phaseMachine'
import { RoleId } from './schema'

/**
 * The export file: everything a group has, to keep or to move to another server. A list of
 * meetings, so a group's export is the same file with more of them. No secrets, tokens or link
 * keys: an import gets new ones. Versioned: a later version may add fields; this one reads v1
 * with an optional `group` (a group's export; a server from before groups reads its meetings only).
 */
export const EXPORT_FORMAT = 'intervisiebord-export'
export const EXPORT_VERSION = 1

/** Limits on what an import may bring, so a file cannot fill the server (see README, Export). */
export const IMPORT_LIMITS = {
  bytes: 10 * 1024 * 1024,
  meetings: 100,
  participantsPerMeeting: 200,
  recordsPerMeeting: 20_000,
} as const

const ExportedParticipant = z.object({
  /** Only to link notes to their author inside this file; the import gives new ids. */
  id: z.string().min(1).max(64),
  name: z.string().trim().min(1).max(40),
  role: RoleId,
  color: z.string().regex(/^#[0-9a-fA-F]{6}$/),
  /** The group member they were (a group's file: an id of `group.members`); absent or null: a guest. */
  memberId: z.string().min(1).max(64).nullable().optional(),
})

/** A board record as tldraw stores it; checked against tldraw's schema when imported. */
const ExportedRecord = z.looseObject({ id: z.string().min(1).max(200), typeName: z.string().min(1).max(40) })

export const ExportedMeeting = z.object({
  /** Its id where it was exported: revealed private notes are sealed for it (drafts/). */
  meetingId: z.string().min(1).max(64).optional(),
  title: z.string().max(120),
  templateId: z.string().min(1).max(100),
  /** The method's name, for a reader of the file (the import goes by templateId). */
  method: z.object({ nl: z.string(), en: z.string() }).optional(),
  createdAt: z.number().int().min(0),
  retentionDays: z.number().int().min(1).nullable(),
  progress: MeetingProgress,
  participants: z.array(ExportedParticipant).max(IMPORT_LIMITS.participantsPerMeeting),
  board: z.object({
    /** tldraw's schema the records follow (serialized); older ones are migrated on import. */
    tldrawSchema: z.string().max(100_000),
    records: z.array(ExportedRecord).max(IMPORT_LIMITS.recordsPerMeeting),
  }),
  /** Derived from the board at export, for the reader; the import derives it again. */
  outcome: z.unknown().optional(),
  /** The summary report in Markdown, per language; derived again on import. */
  report: z.object({ nl: z.string(), en: z.string() }).optional(),
})
export type ExportedMeeting = z.infer<typeof ExportedMeeting>

export const MeetingExport = z
  .object({
    format: z.literal(EXPORT_FORMAT),
    version: z.literal(EXPORT_VERSION),
    exportedAt: z.number().int().min(0),
    meetings: z.array(ExportedMeeting).max(IMPORT_LIMITS.meetings),
    /** A group's export: its name, members, series and register; its meetings are `meetings`. */
    group: ExportedGroup.optional(),
  })
  // Only a group may come without meetings (one that has not met yet).
  .refine((file) => file.meetings.length > 0 || file.group !== undefined, {
    path: ['meetings'],
    message: 'A file without a group needs at least one meeting.',
  })
  .refine((file) => !file.group || file.group.series.length === file.meetings.length, {
    path: ['group', 'series'],
    message: 'The series needs one entry for each meeting of the file.',
  })
export type MeetingExport = z.infer<typeof MeetingExport>
