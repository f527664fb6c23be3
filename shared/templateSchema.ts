import { z } from 'zod'
import { Action, FreeAreaAccess, LocalizedText, Phase, RepeatBlock, RoleId, Zone } from './schema'

/**
 * The method template's schema, as the server validates every template file (built-in and an
 * organisation's own) and the new-meeting page checks the library it receives. Apart from
 * schema.ts, which holds the parts and the constants, so that pages that only read a template
 * (the board) do not load zod.
 */

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
