import { z } from 'zod'
import {
  ACTIONS,
  GROUP_WORK_KINDS,
  OUTCOME_KINDS,
  RATING_SCALES,
  ROLE_IDS,
  ZONE_KINDS,
} from './templateKinds'

export {
  ACTIONS,
  GROUP_WORK_KINDS,
  OUTCOME_KINDS,
  type OutcomeKind,
  RATING_SCALES,
  ROLE_IDS,
  ZONE_KINDS,
} from './templateKinds'

/**
 * The method template: one JSON file per intervisie method, validated by this schema on the server
 * (at start, including an organisation's own files) and in the client's method picker.
 * Zone permissions are data here; `permissions.ts` reads them and both sides enforce the same rules.
 */

/** A text in Dutch (first) and English. */
export const LocalizedText = z.object({ nl: z.string().min(1), en: z.string().min(1) }).strict()
export type LocalizedText = z.infer<typeof LocalizedText>

export const RoleId = z.enum(ROLE_IDS)
export type RoleId = z.infer<typeof RoleId>

export const Action = z.enum(ACTIONS)
export type Action = z.infer<typeof Action>

/** Access of one role to one zone during one phase. A role absent from a phase's zone entry has none. */
export const ZoneAccess = z
  .object({
    can: z.array(Action).default([]),
    /** Explicitly "only watching" (the inbrenger during gossip), shown differently from "closed". */
    watch: z.boolean().default(false),
    /** At most this many notes per person in this zone ("at most 3 questions each"). */
    quota: z.number().int().positive().optional(),
    /** Each writes for themself: notes are the author's own until a phase reveals the zone. */
    private: z.boolean().default(false),
  })
  .strict()
  .refine((a) => !(a.watch && a.can.length > 0), { message: 'watch means no actions; leave can empty' })
export type ZoneAccess = z.infer<typeof ZoneAccess>

export const Zone = z
  .object({
    id: z.string().regex(/^[a-z0-9][a-z0-9-]*$/, 'zone id: lowercase letters, digits and dashes'),
    title: LocalizedText,
    hint: LocalizedText,
    kind: z.enum(ZONE_KINDS),
    /** Place on the board grid (columns and rows of equal size, see layout.ts). */
    layout: z
      .object({
        col: z.number().int().min(0),
        row: z.number().int().min(0),
        colSpan: z.number().int().min(1).default(1),
        rowSpan: z.number().int().min(1).default(1),
      })
      .strict(),
    /** How notes in this zone are rated, if they are. */
    rating: z.enum(RATING_SCALES).optional(),
    /**
     * How many notes the zone should have room for, where the phases' quotas do not say (see
     * zoneCapacity.ts): the board sizes the zone so that many fit in a tidy grid.
     */
    expectedNotes: z.number().int().min(1).max(60).optional(),
    /** What this zone holds in the meeting's outcome and reports, if anything. */
    outcome: z.enum(OUTCOME_KINDS).optional(),
    /** At most this many sentences per note ("your problem in at most two sentences"), see sentences.ts. */
    maxSentences: z.number().int().min(1).max(20).optional(),
    /** A mark here is the note author's own to give (each scores their own topic), see marks.ts. */
    ratedByAuthor: z.boolean().default(false),
  })
  .strict()
export type Zone = z.infer<typeof Zone>

/**
 * What roles may do outside every zone (the free area): role -> actions, as in standingAccess.
 * A role not named keeps the default (freeAreaAccess in permissions.ts).
 */
export const FreeAreaAccess = z.partialRecord(RoleId, z.array(Action))
export type FreeAreaAccess = z.infer<typeof FreeAreaAccess>

export const Phase = z
  .object({
    id: z.string().regex(/^[a-z0-9][a-z0-9-]*$/, 'phase id: lowercase letters, digits and dashes'),
    title: LocalizedText,
    minutes: z.number().positive(),
    /** The source gives no minutes for this step; `minutes` is our default, and the UI says so. */
    minutesDefaulted: z.boolean().default(false),
    /** The facilitator may skip this phase (for example "an optional second round"). */
    optional: z.boolean().default(false),
    /** What each role does in this phase, in a sentence or two. */
    instructions: z.partialRecord(RoleId, LocalizedText),
    /** Per zone id, per role: what is allowed. Zones not named are closed (but see standingAccess). */
    zones: z.record(z.string(), z.partialRecord(RoleId, ZoneAccess)).default({}),
    /** Zones whose private notes become visible to everyone from this phase on. */
    reveals: z.array(z.string()).default([]),
    /** The free area in this phase, per role; overrides the template's `freeArea` for the roles it names. */
    freeArea: FreeAreaAccess.optional(),
    /** In this phase the group votes on the notes of this zone (dot votes, see caseVotes.ts). */
    votesOn: z.string().optional(),
    /** In this phase the group works in pairs or subgroups; notes carry their group (groupWork.ts). */
    groupWork: z.enum(GROUP_WORK_KINDS).optional(),
  })
  .strict()
export type Phase = z.infer<typeof Phase>

/** A run of phases repeated per topic or per case (quick advice rounds: steps 2 to 6 per topic). */
export const RepeatBlock = z
  .object({
    id: z.string().min(1),
    from: z.string().min(1),
    to: z.string().min(1),
    per: z.enum(['topic', 'case']),
    label: LocalizedText,
    /** The zone whose notes are the topics, walked highest score first (topicWalk.ts). */
    topicsFrom: z.string().optional(),
  })
  .strict()
export type RepeatBlock = z.infer<typeof RepeatBlock>

// The template itself (its schema, its cross-checks, parseTemplate, the Template type) is in
// templateSchema.ts, which is built from these pieces: only what validates template files needs
// its schema, so a page that only reads a template carries no zod.
