import { z } from 'zod'
import { SmartAction } from '../outcome/choices'
import { FOLLOW_UP_MAX } from './lookBack'

/** The same limits a group's own routes apply (server/src/groups/groupRoutes.ts). */
export const GROUP_EXPORT_LIMITS = {
  name: 80,
  members: 30,
  memberName: 40,
  presencePerMeeting: 2000,
} as const

/** One connection of a participant (an id of that meeting's `participants` in the file). */
const ExportedPresence = z.object({
  participantId: z.string().min(1).max(64),
  joinedAt: z.number().int().min(0),
  /** Null: still connected when the file was written; the import ends it at `exportedAt`. */
  leftAt: z.number().int().min(0).nullable(),
})

const text = (max: number) => z.string().max(max)

/**
 * The look-back a meeting opened with (shared/groups/lookBack.ts), its previous meeting as
 * an index into the file's `meetings` (null: that one was not in the file any more).
 */
const ExportedLookBack = z.object({
  previous: z.number().int().min(0).nullable(),
  date: z.number().int().min(0),
  method: z.object({ nl: text(200), en: text(200) }),
  chosenCase: text(20_000).nullable(),
  chosenAdvice: text(20_000).nullable(),
  action: SmartAction.nullable(),
  inbrengers: z.array(text(40)).max(200),
  /** The same as member ids of `group.members` (absent in files from before). */
  inbrengerMembers: z.array(z.string().min(1).max(64)).max(200).optional(),
  followUp: text(FOLLOW_UP_MAX).nullable(),
  followUpBy: text(40).nullable(),
  suggestion: z.object({ inbrenger: text(40).nullable(), begeleider: text(40).nullable() }),
})
export type ExportedLookBack = z.infer<typeof ExportedLookBack>

/** A meeting's place in the series: entry i belongs to `meetings[i]` of the same file. */
const ExportedSeriesEntry = z.object({
  /** When it joined the series: keeps the order and the register's dates. */
  addedAt: z.number().int().min(0),
  plannedStart: z.number().int().min(0).max(8.64e15).nullable(),
  presence: z.array(ExportedPresence).max(GROUP_EXPORT_LIMITS.presencePerMeeting),
  lookBack: ExportedLookBack.nullable().default(null),
})

/**
 * A group in the export file (optional: a single meeting's file has none). No secret: the import
 * makes a new group link. Its meetings are the file's `meetings`, in series order.
 */
export const ExportedGroup = z.object({
  name: z.string().trim().min(1).max(GROUP_EXPORT_LIMITS.name),
  /** Members with their ids (no personal link: the import makes new ones); names only in older files. */
  members: z
    .array(
      z.union([
        z.string().max(GROUP_EXPORT_LIMITS.memberName),
        z.object({ id: z.string().min(1).max(64), name: z.string().max(GROUP_EXPORT_LIMITS.memberName) }),
      ]),
    )
    .max(GROUP_EXPORT_LIMITS.members),
  createdAt: z.number().int().min(0),
  /** Days kept after the group's last activity; null: the operator's default. */
  retentionDays: z.number().int().min(1).nullable(),
  series: z.array(ExportedSeriesEntry),
})
export type ExportedGroup = z.infer<typeof ExportedGroup>
