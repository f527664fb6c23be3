import { z } from 'zod'

/**
 * The method template: one JSON file per intervisie method, validated by this schema on the server
 * (at start, including an organisation's own files) and in the client (the picker and the board).
 * Zone permissions are data here; `permissions.ts` reads them and both sides enforce the same rules.
 */

/** A text in Dutch (first) and English. */
export const LocalizedText = z.object({ nl: z.string().min(1), en: z.string().min(1) }).strict()
export type LocalizedText = z.infer<typeof LocalizedText>

export const ROLE_IDS = [
  'begeleider',
  'inbrenger',
  'deelnemer',
  'binnengroep',
  'buitengroep',
  'observer',
  'verslaglegger',
] as const
export const RoleId = z.enum(ROLE_IDS)
export type RoleId = z.infer<typeof RoleId>

/**
 * What a role may do in a zone:
 * - add: place new notes or shapes in the zone (counted against `quota`);
 * - editOwn: change, move within the zone, or remove what you placed yourself;
 * - editAny: change, move within the zone, or remove anything in the zone;
 * - move: rearrange anything within the zone (cluster, sort) without changing its content;
 * - rate: set the rating of a note (W/N/K, a mark, a score), nothing else.
 */
export const ACTIONS = ['add', 'editOwn', 'editAny', 'move', 'rate'] as const
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

/** Work in pairs or subgroups in a phase (groupWork.ts): the facilitator splits the group. */
export const GROUP_WORK_KINDS = ['pairs', 'subgroups'] as const

export const ZONE_KINDS = ['flap', 'column', 'area', 'list', 'form'] as const
export const RATING_SCALES = ['wnk', 'mark', 'score10'] as const
/**
 * What a zone holds for the meeting's outcome (templates/src/outcome): the case, the group's
 * questions, the group's problem definitions, the inbrenger's own (re)formulated question, what
 * else the group worked out (reported under the zone's own title: associations, strengths, what
 * is going on), the advice, the action, the evaluation. A zone without it is worked in but not
 * reported (a list of candidate cases, the chairs of a seating plan).
 */
export const OUTCOME_KINDS = [
  'case',
  'questions',
  'definitions',
  'definition',
  'discussion',
  'advice',
  'action',
  'evaluation',
] as const
export type OutcomeKind = (typeof OUTCOME_KINDS)[number]

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

const TemplateObject = z
  .object({
    id: z.string().regex(/^[a-z0-9][a-z0-9-]*$/, 'template id: lowercase letters, digits and dashes'),
    /** Short reference as in methods.md: "G1".."G4", "2".."15", or an organisation's own. */
    ref: z.string().min(1),
    name: LocalizedText,
    purpose: LocalizedText,
    source: z.object({ document: z.string().min(1), credit: z.string().min(1) }).strict(),
    roles: z.array(RoleId).min(2),
    /** Display names for roles in this method (the Socratic method calls the inbrenger "protagonist"). */
    roleLabels: z.partialRecord(RoleId, LocalizedText).default({}),
    groupSize: z
      .object({
        min: z.number().int().min(2),
        max: z.number().int().min(2),
        ideal: z.number().int().optional(),
      })
      .strict(),
    /** The total the source states, when it states one (it may differ from the sum of the steps). */
    statedTotalMinutes: z.number().positive().nullable(),
    zones: z.array(Zone).min(1),
    phases: z.array(Phase).min(1),
    repeats: z.array(RepeatBlock).default([]),
    /** What roles may do in every zone in every phase unless a phase names that role for the zone. */
    standingAccess: z.partialRecord(RoleId, z.array(Action)).default({}),
    /** The free area in every phase, per role, unless a phase says otherwise (default: permissions.ts). */
    freeArea: FreeAreaAccess.optional(),
    /** The method's own ground rules, beyond the general ones every meeting starts with. */
    groundRules: z.array(LocalizedText).default([]),
  })
  .strict()
export const Template = TemplateObject.superRefine(checkReferences)
export type Template = z.infer<typeof Template>
export type TemplateInput = z.input<typeof Template>

/** Cross-references a plain schema cannot see: every zone and role a phase names must exist. */
function checkReferences(t: z.infer<typeof TemplateObject>, ctx: z.RefinementCtx): void {
  const zoneIds = new Set<string>()
  t.zones.forEach((zone, i) => {
    if (zoneIds.has(zone.id))
      ctx.addIssue({ code: 'custom', path: ['zones', i, 'id'], message: 'duplicate zone id' })
    zoneIds.add(zone.id)
  })
  const roles = new Set<string>(t.roles)
  const phaseIds = new Set<string>()
  t.phases.forEach((phase, i) => {
    if (phaseIds.has(phase.id))
      ctx.addIssue({ code: 'custom', path: ['phases', i, 'id'], message: 'duplicate phase id' })
    phaseIds.add(phase.id)
    for (const [zoneId, byRole] of Object.entries(phase.zones)) {
      if (!zoneIds.has(zoneId))
        ctx.addIssue({ code: 'custom', path: ['phases', i, 'zones', zoneId], message: 'unknown zone' })
      for (const role of Object.keys(byRole)) {
        if (!roles.has(role))
          ctx.addIssue({
            code: 'custom',
            path: ['phases', i, 'zones', zoneId, role],
            message: 'role not in roles',
          })
      }
    }
    for (const role of Object.keys(phase.freeArea ?? {})) {
      if (!roles.has(role))
        ctx.addIssue({ code: 'custom', path: ['phases', i, 'freeArea', role], message: 'role not in roles' })
    }
    if (phase.votesOn !== undefined && !zoneIds.has(phase.votesOn))
      ctx.addIssue({ code: 'custom', path: ['phases', i, 'votesOn'], message: 'unknown zone' })
    if (
      phase.groupWork &&
      !Object.values(phase.zones).some((r) => Object.values(r).some((a) => a?.can.includes('add')))
    )
      ctx.addIssue({
        code: 'custom',
        path: ['phases', i, 'groupWork'],
        message: 'group work needs a zone to write in',
      })
    phase.reveals.forEach((zoneId, j) => {
      if (!zoneIds.has(zoneId))
        ctx.addIssue({ code: 'custom', path: ['phases', i, 'reveals', j], message: 'unknown zone' })
    })
  })
  t.repeats.forEach((block, i) => {
    const from = t.phases.findIndex((p) => p.id === block.from)
    const to = t.phases.findIndex((p) => p.id === block.to)
    if (from < 0) ctx.addIssue({ code: 'custom', path: ['repeats', i, 'from'], message: 'unknown phase' })
    if (to < 0) ctx.addIssue({ code: 'custom', path: ['repeats', i, 'to'], message: 'unknown phase' })
    if (from >= 0 && to >= 0 && to < from)
      ctx.addIssue({ code: 'custom', path: ['repeats', i], message: 'to comes before from' })
    if (block.topicsFrom !== undefined && !zoneIds.has(block.topicsFrom))
      ctx.addIssue({ code: 'custom', path: ['repeats', i, 'topicsFrom'], message: 'unknown zone' })
  })
  for (const role of Object.keys(t.freeArea ?? {})) {
    if (!roles.has(role))
      ctx.addIssue({ code: 'custom', path: ['freeArea', role], message: 'role not in roles' })
  }
  if (!t.roles.includes('begeleider'))
    ctx.addIssue({ code: 'custom', path: ['roles'], message: 'every method needs a begeleider' })
}

/** Formats a zod issue path as `phases[3].zones.advies`, the way errors name a place in a file. */
export function formatPath(path: ReadonlyArray<PropertyKey>): string {
  let out = ''
  for (const part of path) {
    if (typeof part === 'number') out += `[${part}]`
    else out += out === '' ? String(part) : `.${String(part)}`
  }
  return out
}

/** Validates unknown data as a template; on failure, one line per problem: `path: message`. */
export function parseTemplate(
  data: unknown,
): { ok: true; template: Template } | { ok: false; errors: string[] } {
  const result = Template.safeParse(data)
  if (result.success) return { ok: true, template: result.data }
  return {
    ok: false,
    errors: result.error.issues.map((issue) => `${formatPath(issue.path) || '(root)'}: ${issue.message}`),
  }
}
