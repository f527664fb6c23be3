import type { BoardRecord } from '../boardRecords'
import { accessFor, privateZonesAt } from '../permissions'
import { deny, type PolicyContext, type Verdict } from '../policyTypes'

/**
 * "Each writes for themself" as a rule, not only a habit of our browser: while a zone is private
 * for the actor's role (the phase marks it private and no phase so far revealed it), nothing the
 * actor writes there goes over the room; the only notes that count there are sealed drafts, which
 * go through the draft API (server/src/drafts) and reach the board sealed at the reveal. A browser
 * that keeps its drafts to itself (`keepsDrafts`, never sent to the room) judges them here as its
 * own notes; the server, judging what came over the room, refuses every one.
 */
export function judgePrivateWriting(
  ctx: PolicyContext,
  id: string,
  prev: BoardRecord | null,
  next: BoardRecord | null,
  zoneAfter: string | null,
): Verdict | null {
  // Removing, and a shape carried along unchanged by its group or frame, write nothing there.
  if (!next || zoneAfter === null || prev === next) return null
  if (!isPrivateFor(ctx, zoneAfter)) return null
  if (ctx.keepsDrafts && isDraftRecord(next)) return null
  return deny(id, WRITE_FOR_YOURSELF)
}

/** Whether `zoneId` is private for the actor now: each writes there for themself. */
export function isPrivateFor(ctx: PolicyContext, zoneId: string): boolean {
  const index = ctx.template.phases.findIndex((p) => p.id === ctx.phaseId)
  if (index < 0 || !privateZonesAt(ctx.template, index).has(zoneId)) return false
  return accessFor(ctx.template, ctx.phaseId, zoneId, ctx.actor.role).private
}

/** A note a browser keeps to itself until the reveal (client/src/meeting/drafts/drafts.ts). */
export function isDraftRecord(record: BoardRecord): boolean {
  return (record.meta as { draft?: unknown } | undefined)?.draft === true
}

const WRITE_FOR_YOURSELF = {
  nl: 'Schrijf hier voor jezelf; je notitie blijft verzegeld tot het ophalen en gaat niet via het bord.',
  en: 'Write here for yourself; your note stays sealed until it is collected and does not go through the board.',
}
