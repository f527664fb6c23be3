import {
  authorOf,
  type BoardRecord,
  classifyShapeUpdate,
  isZoneFrame,
  ratingOf,
  zoneOfShape,
} from './boardRecords'
import type { ZoneRect } from './layout'
import { accessFor, findZone, mayEdit, mayMove, mayPublishDrafts, type ResolvedAccess } from './permissions'
import type { LocalizedText, RATING_SCALES, RoleId, Template } from './schema'

/**
 * Who may change what: one function that judges a batch of record changes against the current
 * phase, the zone and the actor's role. The server runs it on every incoming update; the client
 * runs it in tldraw's side effects, so a refusal is explained before anything is sent.
 */

export interface Actor {
  participantId: string
  role: RoleId
  /** The display name the server knows; the actor's tldraw user record must carry it. */
  name?: string
}

export interface PolicyContext {
  template: Template
  phaseId: string
  actor: Actor
  rects: readonly ZoneRect[]
  /** The record as it is now (before the batch), by id. */
  current: (id: string) => BoardRecord | undefined
  /** All shapes as they are now, to count a quota. */
  allShapes: () => Iterable<BoardRecord>
}

/** One record created (prev null), changed, or deleted (next null). */
export interface RecordChange {
  id: string
  prev: BoardRecord | null
  next: BoardRecord | null
}

export type Verdict = { ok: true } | { ok: false; recordId: string; reason: LocalizedText }

/** The values each rating scale allows, in the order the rating buttons show them. */
export const RATING_VALUES: Record<(typeof RATING_SCALES)[number], readonly string[]> = {
  wnk: ['W', 'N', 'K'],
  mark: ['herkend'],
  score10: ['1', '2', '3', '4', '5', '6', '7', '8', '9', '10'],
}

/** Record types a participant may never write in a meeting (the server owns them). */
const SHAPE = 'shape'

export function judgeChanges(ctx: PolicyContext, changes: readonly RecordChange[]): Verdict {
  if (ctx.actor.role === 'observer' && changes.length > 0) {
    return deny(changes[0]!.id, {
      nl: 'Als observator kijk je mee; je kunt het bord niet wijzigen.',
      en: 'As an observer you watch along; you cannot change the board.',
    })
  }
  // The state after the batch, to resolve parents of shapes created or moved together.
  const batch = new Map(changes.map((c) => [c.id, c.next]))
  const after = (id: string) => (batch.has(id) ? (batch.get(id) ?? undefined) : ctx.current(id))
  const addedPerZone = new Map<string, number>()

  for (const change of changes) {
    const verdict =
      (change.prev ?? change.next)?.typeName === SHAPE
        ? judgeShape(ctx, change, after, addedPerZone)
        : judgeOtherRecord(ctx, change, after)
    if (!verdict.ok) return verdict
  }
  return { ok: true }
}

function judgeOtherRecord(
  ctx: PolicyContext,
  change: RecordChange,
  after: (id: string) => BoardRecord | undefined,
): Verdict {
  const record = (change.next ?? change.prev)!
  switch (record.typeName) {
    case 'asset':
      // Images a participant pastes; the shape that shows it is judged as a shape.
      return { ok: true }
    case 'binding': {
      // An arrow's binding follows the arrow: allowed where its arrow may be changed.
      const fromId = String(record.fromId ?? '')
      const arrow = after(fromId) ?? ctx.current(fromId)
      if (arrow && (ctx.actor.role === 'begeleider' || authorOf(arrow) === ctx.actor.participantId))
        return { ok: true }
      return deny(change.id, {
        nl: 'Je kunt alleen je eigen pijlen verbinden.',
        en: 'You can only connect your own arrows.',
      })
    }
    case 'user': {
      // tldraw keeps a user record (name, colour) for attribution on notes: only your own, named as you.
      const own = record.id === `user:${ctx.actor.participantId}`
      const named = ctx.actor.name === undefined || change.next?.name === ctx.actor.name
      if (own && change.next && named) return { ok: true }
      return deny(change.id, {
        nl: 'Je kunt alleen je eigen naam op het bord zetten.',
        en: 'You can only put your own name on the board.',
      })
    }
    case 'document':
    case 'page':
      if (ctx.actor.role === 'begeleider' && change.next !== null) return { ok: true }
      return deny(change.id, {
        nl: 'De indeling van het bord hoort bij de methode en kan niet worden gewijzigd.',
        en: 'The board layout belongs to the method and cannot be changed.',
      })
    default:
      return deny(change.id, {
        nl: `Dit soort gegevens (${record.typeName}) kan niet via het bord worden gewijzigd.`,
        en: `This kind of data (${record.typeName}) cannot be changed through the board.`,
      })
  }
}

function judgeShape(
  ctx: PolicyContext,
  { id, prev, next }: RecordChange,
  after: (id: string) => BoardRecord | undefined,
  addedPerZone: Map<string, number>,
): Verdict {
  if ((prev && isZoneFrame(prev)) || (next && isZoneFrame(next))) {
    return deny(id, {
      nl: 'De zones horen bij de methode; alleen de server legt ze neer.',
      en: 'Zones belong to the method; only the server places them.',
    })
  }
  const me = ctx.actor.participantId
  const zoneBefore = prev ? zoneOfShape(prev, ctx.current, ctx.rects) : null
  const zoneAfter = next ? zoneOfShape(next, after, ctx.rects) : null

  if (!prev && next) {
    if (authorOf(next) !== me) {
      return deny(id, {
        nl: 'Nieuwe notities moeten op jouw naam staan.',
        en: 'New notes must carry your name as author.',
      })
    }
    return mayAdd(ctx, id, zoneAfter, addedPerZone)
  }
  if (prev && !next) {
    const access = access_(ctx, zoneBefore)
    if (mayEdit(access, authorOf(prev) === me)) return { ok: true }
    return deny(id, closedText(ctx, zoneBefore, access, { nl: 'verwijderen', en: 'remove' }))
  }
  if (!prev || !next) return { ok: true }

  if (authorOf(prev) !== authorOf(next)) {
    return deny(id, {
      nl: 'De maker van een notitie kan niet veranderen.',
      en: 'The author of a note cannot change.',
    })
  }
  const isOwn = authorOf(prev) === me
  if (zoneBefore !== zoneAfter) {
    const from = access_(ctx, zoneBefore)
    if (!mayEdit(from, isOwn))
      return deny(id, closedText(ctx, zoneBefore, from, { nl: 'weghalen', en: 'take away' }))
    return mayAdd(ctx, id, zoneAfter, addedPerZone)
  }
  const access = access_(ctx, zoneAfter)
  const what = classifyShapeUpdate(prev, next)
  if (what.content && !mayEdit(access, isOwn)) {
    return deny(id, closedText(ctx, zoneAfter, access, { nl: 'wijzigen', en: 'change' }))
  }
  if (what.placement && !mayMove(access, isOwn)) {
    return deny(id, closedText(ctx, zoneAfter, access, { nl: 'verplaatsen', en: 'move' }))
  }
  if (what.rating) return mayRate(ctx, id, zoneAfter, access, next)
  return { ok: true }
}

function mayAdd(
  ctx: PolicyContext,
  id: string,
  zoneId: string | null,
  addedPerZone: Map<string, number>,
): Verdict {
  const access = access_(ctx, zoneId)
  const publishing = zoneId !== null && mayPublishDrafts(ctx.template, ctx.phaseId, zoneId, ctx.actor.role)
  if (!access.can.has('add') && !publishing) {
    return deny(id, closedText(ctx, zoneId, access, { nl: 'neerzetten', en: 'add' }))
  }
  if (access.quota !== undefined && zoneId !== null) {
    const mine = countOwnShapesInZone(ctx, zoneId) + (addedPerZone.get(zoneId) ?? 0)
    if (mine >= access.quota) {
      return deny(id, {
        nl: `Je hebt hier al ${access.quota} notities geplaatst; meer mag niet in deze fase.`,
        en: `You have already placed ${access.quota} notes here; no more in this phase.`,
      })
    }
    addedPerZone.set(zoneId, (addedPerZone.get(zoneId) ?? 0) + 1)
  }
  return { ok: true }
}

function mayRate(
  ctx: PolicyContext,
  id: string,
  zoneId: string | null,
  access: ResolvedAccess,
  next: BoardRecord,
): Verdict {
  const scale = zoneId ? findZone(ctx.template, zoneId)?.rating : undefined
  if (!access.can.has('rate') || !scale) {
    return deny(id, {
      nl: 'Alleen de inbrenger waardeert, en alleen in de fase die daarvoor is.',
      en: 'Only the inbrenger rates, and only in the phase meant for it.',
    })
  }
  const value = ratingOf(next)
  if (value !== null && !RATING_VALUES[scale].includes(value)) {
    return deny(id, {
      nl: `"${value}" is geen geldige waardering hier.`,
      en: `"${value}" is not a valid rating here.`,
    })
  }
  return { ok: true }
}

function countOwnShapesInZone(ctx: PolicyContext, zoneId: string): number {
  let n = 0
  for (const shape of ctx.allShapes()) {
    if (authorOf(shape) === ctx.actor.participantId && zoneOfShape(shape, ctx.current, ctx.rects) === zoneId)
      n++
  }
  return n
}

function access_(ctx: PolicyContext, zoneId: string | null): ResolvedAccess {
  return accessFor(ctx.template, ctx.phaseId, zoneId, ctx.actor.role)
}

/** "De roddelzone is nu alleen om te kijken" and friends, naming the zone and what was tried. */
function closedText(
  ctx: PolicyContext,
  zoneId: string | null,
  access: ResolvedAccess,
  verb: LocalizedText,
): LocalizedText {
  if (zoneId === null) {
    return { nl: `Je kunt hier nu niets ${verb.nl}.`, en: `You cannot ${verb.en} here now.` }
  }
  const zone = findZone(ctx.template, zoneId)
  const nl = zone?.title.nl ?? zoneId
  const en = zone?.title.en ?? zoneId
  if (access.watch) {
    return {
      nl: `De zone "${nl}" is nu alleen om te kijken; je kunt er niets ${verb.nl}.`,
      en: `The zone "${en}" is watch-only for you now; you cannot ${verb.en} anything there.`,
    }
  }
  return {
    nl: `De zone "${nl}" is in deze fase dicht voor jou; je kunt er niets ${verb.nl}.`,
    en: `The zone "${en}" is closed to you in this phase; you cannot ${verb.en} anything there.`,
  }
}

function deny(recordId: string, reason: LocalizedText): Verdict {
  return { ok: false, recordId, reason }
}
