import * as Y from 'yjs'
import type { BoardRecord } from '../../shared/boardRecords'
import { RATING_VALUES } from '../../shared/recordPolicy'
import type { Template } from '../../shared/templateSchema'
import {
  between,
  frameShape,
  groupShape,
  nestedNote,
  note,
  pick,
  type Random,
  trickyPoint,
} from './hostileShapes'
import {
  anyEntries,
  appendRecords,
  awarenessUpdate,
  bigAwarenessState,
  deepAnyUpdate,
  deepAwarenessState,
  deepJsonUpdate,
  deletedRunUpdate,
  deleteRangeUpdate,
  duplicateKeyUpdate,
  gcRangeUpdate,
  manyAwarenessStates,
  originChainUpdate,
} from './hostileUpdates'
import { appendAt, encodeUpdateV1, lastRecordsId, type Struct } from './updateEncoder'

/**
 * Seeded generators of hostile frames for the adversarial fuzz (tests and `npm run fuzz`): the
 * structurally tricky updates and presence frames of issue 7, aimed at the room as the hostile
 * connection's mirror shows it. Each call returns one frame; nothing here talks to a socket.
 */

export interface HostileFrame {
  /** Which generator made it (for the report and for replaying a seed). */
  label: string
  kind: 'update' | 'awareness'
  payload: Uint8Array
}

export interface GenContext {
  random: Random
  template: Template
  /** The hostile participant's id (notes "by me"). */
  me: string
  /** Honest participants' ids (for forged authors). */
  others: readonly string[]
  /** Yjs client ids honest clients write with now (targets of GC, deletes, presence). */
  honestClients: () => readonly number[]
  /** The room as the hostile connection has seen it. */
  mirror: Y.Doc
  /** A client id the hostile has not used yet. */
  newClient: () => number
  /** Smaller sizes for a short run (nesting, chains, floods); the crash sizes stay in. */
  small?: boolean
}

type Generator = (ctx: GenContext) => Omit<HostileFrame, 'label'>

let seq = 0
const id = (ctx: GenContext, tag: string) => `shape:fz-${tag}-${Math.floor(ctx.random() * 1e9)}-${seq++}`
const anyZone = (ctx: GenContext) => pick(ctx.random, [null, ...ctx.template.zones.map((z) => z.id)])
const anyAuthor = (ctx: GenContext) =>
  ctx.random() < 0.7 ? ctx.me : pick(ctx.random, [...ctx.others, 'iemand'])
const anyRating = (ctx: GenContext) =>
  ctx.random() < 0.5 ? undefined : pick(ctx.random, [...RATING_VALUES.wnk, 'X', 'herkend', '10'])
const update = (payload: Uint8Array) => ({ kind: 'update' as const, payload })

/** A note anywhere, by anyone, maybe marked. */
function anyNote(ctx: GenContext, tag: string): BoardRecord {
  const zone = anyZone(ctx)
  const rating = anyRating(ctx)
  return note(id(ctx, tag), trickyPoint(ctx.random, ctx.template, zone), anyAuthor(ctx), `fuzz ${tag}`, {
    ...(rating ? { rating } : {}),
  })
}

function honestTarget(ctx: GenContext): number {
  const clients = ctx.honestClients()
  return clients.length > 0 && ctx.random() < 0.8 ? pick(ctx.random, clients) : ctx.newClient()
}

/** A record the hostile did not write (an honest note or a zone frame), from its mirror. */
function someoneElses(ctx: GenContext): BoardRecord | undefined {
  const entries = ctx.mirror.getArray<{ key: string; val: BoardRecord }>('tl_records').toArray()
  const theirs = entries.filter((e) => e.val?.typeName === 'shape' && e.val.meta?.authorId !== ctx.me)
  return theirs.length > 0 ? pick(ctx.random, theirs).val : undefined
}

const GENERATORS: Record<string, [weight: number, Generator]> = {
  plainNote: [
    10,
    (ctx) => update(appendRecords(ctx.newClient(), 0, lastRecordsId(ctx.mirror), [anyNote(ctx, 'plain')])),
  ],
  duplicateKey: [
    10,
    (ctx) => {
      const kept = anyNote(ctx, 'dup')
      const shown = note(kept.id, trickyPoint(ctx.random, ctx.template, null), ctx.me, 'onschuldig')
      return update(duplicateKeyUpdate(ctx.newClient(), 0, lastRecordsId(ctx.mirror), kept, shown))
    },
  ],
  twoSections: [
    8,
    (ctx) => {
      const client = ctx.newClient()
      const first: Struct[] = [
        { kind: 'item', ...appendAt(lastRecordsId(ctx.mirror)), content: anyEntries([anyNote(ctx, 's1')]) },
      ]
      const gap = ctx.random() < 0.3 ? between(ctx.random, 1, 5) : 0
      const second: Struct[] = [
        { kind: 'item', origin: { client, clock: 0 }, content: anyEntries([anyNote(ctx, 's2')]) },
      ]
      return update(
        encodeUpdateV1({
          sections:
            ctx.random() < 0.5
              ? [
                  { client, clock: 0, structs: first },
                  { client, clock: 1 + gap, structs: second },
                ]
              : [
                  { client, clock: 1 + gap, structs: second },
                  { client, clock: 0, structs: first },
                ],
        }),
      )
    },
  ],
  gcAndSkip: [
    8,
    (ctx) => {
      const client = ctx.random() < 0.5 ? ctx.newClient() : honestTarget(ctx)
      const structs: Struct[] = []
      for (let i = between(ctx.random, 1, 4); i > 0; i--) {
        const r = ctx.random()
        if (r < 0.35) structs.push({ kind: 'gc', len: between(ctx.random, 1, 50) })
        else if (r < 0.6) structs.push({ kind: 'skip', len: between(ctx.random, 1, 50) })
        else
          structs.push({
            kind: 'item',
            ...appendAt(lastRecordsId(ctx.mirror)),
            content: anyEntries([anyNote(ctx, 'gc')]),
          })
      }
      return update(encodeUpdateV1({ sections: [{ client, clock: between(ctx.random, 0, 3), structs }] }))
    },
  ],
  unseenClocks: [
    8,
    (ctx) => {
      const target = honestTarget(ctx)
      const from = Y.getState(ctx.mirror.store, target) + between(ctx.random, 0, 20)
      const len = between(ctx.random, 1, 2000)
      return update(
        ctx.random() < 0.5 ? deleteRangeUpdate(target, from, len) : gcRangeUpdate(target, from, len),
      )
    },
  ],
  deleteOthers: [
    5,
    (ctx) => {
      let item = ctx.mirror.getArray('tl_records')._start
      const items: Y.Item[] = []
      for (; item; item = item.right) if (!item.deleted) items.push(item)
      const victim = items.length > 0 ? pick(ctx.random, items) : null
      if (!victim) return update(deleteRangeUpdate(honestTarget(ctx), 0, 1))
      return update(deleteRangeUpdate(victim.id.client, victim.id.clock, victim.length))
    },
  ],
  editOthers: [
    6,
    (ctx) => {
      const theirs = someoneElses(ctx) ?? anyNote(ctx, 'edit')
      const changed = {
        ...theirs,
        x: Number(theirs.x ?? 0) + 10,
        meta: { ...theirs.meta, rating: anyRating(ctx) ?? 'W' },
      }
      return update(appendRecords(ctx.newClient(), 0, lastRecordsId(ctx.mirror), [changed]))
    },
  ],
  deepNesting: [
    4,
    (ctx) => {
      const depth =
        ctx.small && ctx.random() < 0.7 ? between(ctx.random, 500, 3000) : between(ctx.random, 5000, 12000)
      const build = ctx.random() < 0.5 ? deepJsonUpdate : deepAnyUpdate
      return update(build(ctx.newClient(), lastRecordsId(ctx.mirror), depth, 'FUZZ-DEEP'))
    },
  ],
  originChain: [
    3,
    (ctx) => {
      const length =
        ctx.small && ctx.random() < 0.7 ? between(ctx.random, 100, 3000) : between(ctx.random, 20000, 30000)
      const direction = ctx.random() < 0.6 ? 'next' : 'previous'
      return update(originChainUpdate(ctx.newClient(), length, lastRecordsId(ctx.mirror), direction))
    },
  ],
  parentChain: [
    10,
    (ctx) => {
      const zone = anyZone(ctx)
      const r = ctx.random()
      let records: BoardRecord[]
      if (r < 0.6) {
        const kinds = pick(ctx.random, [['group'], ['frame'], ['group', 'frame']] as const)
        records = nestedNote(
          id(ctx, 'nest'),
          trickyPoint(ctx.random, ctx.template, zone),
          between(ctx.random, 1, 40),
          ctx.me,
          'genest',
          kinds,
        )
      } else if (r < 0.8) {
        const a = id(ctx, 'cycA')
        const b = id(ctx, 'cycB')
        records = [
          groupShape(a, 0, 0, b, ctx.me),
          groupShape(b, 0, 0, a, ctx.me),
          note(id(ctx, 'cyc'), { x: 0, y: 0 }, ctx.me, 'kring', { parentId: a }),
        ]
      } else {
        const parent =
          ctx.random() < 0.5
            ? 'shape:bestaat-niet'
            : pick(
                ctx.random,
                ctx.template.zones.map((z) => `shape:zone-${z.id}`),
              )
        const frame = frameShape(id(ctx, 'fr'), 10, 10, parent, ctx.me)
        records =
          ctx.random() < 0.5
            ? [frame]
            : [frame, note(id(ctx, 'in'), { x: 20, y: 20 }, ctx.me, 'in frame', { parentId: frame.id })]
      }
      if (ctx.random() < 0.5) records.reverse()
      return update(appendRecords(ctx.newClient(), 0, lastRecordsId(ctx.mirror), records))
    },
  ],
  markOnCreate: [
    6,
    (ctx) => {
      const rated = ctx.template.zones.filter((z) => z.rating)
      const zone = rated.length > 0 ? pick(ctx.random, rated).id : anyZone(ctx)
      const rating = pick(ctx.random, ['W', 'N', 'K', 'X', 'herkend', '7'])
      const marked = note(
        id(ctx, 'mark'),
        trickyPoint(ctx.random, ctx.template, zone),
        ctx.me,
        'gemarkeerd',
        { rating },
      )
      return update(appendRecords(ctx.newClient(), 0, lastRecordsId(ctx.mirror), [marked]))
    },
  ],
  clockJump: [
    2,
    (ctx) =>
      update(
        ctx.random() < 0.5
          ? gcRangeUpdate(ctx.newClient(), 0, 2 ** 50)
          : deletedRunUpdate(ctx.newClient(), lastRecordsId(ctx.mirror), 2 ** between(ctx.random, 31, 52)),
      ),
  ],
  flippedBytes: [
    6,
    (ctx) => {
      const bytes = appendRecords(ctx.newClient(), 0, lastRecordsId(ctx.mirror), [anyNote(ctx, 'flip')])
      for (let i = between(ctx.random, 1, 4); i > 0; i--)
        bytes[Math.floor(ctx.random() * bytes.length)] = between(ctx.random, 0, 255)
      return update(ctx.random() < 0.2 ? bytes.subarray(0, Math.floor(ctx.random() * bytes.length)) : bytes)
    },
  ],
  presence: [
    12,
    (ctx) => {
      const r = ctx.random()
      if (r < 0.2)
        return {
          kind: 'awareness',
          payload: awarenessUpdate([
            {
              clientId: ctx.newClient(),
              clock: 1,
              stateJson: deepAwarenessState(ctx.small ? between(ctx.random, 500, 12000) : 12000, 'FUZZ-DEEP'),
            },
          ]),
        }
      if (r < 0.4)
        return {
          kind: 'awareness',
          payload: manyAwarenessStates(
            ctx.small ? between(ctx.random, 2, 5000) : 50_000,
            between(ctx.random, 1, 100000),
          ),
        }
      if (r < 0.6)
        return {
          kind: 'awareness',
          payload: awarenessUpdate([
            {
              clientId: honestTarget(ctx),
              clock: between(ctx.random, 1, 1e6),
              stateJson: '{"presence":{"userName":"FUZZ-FORGED"}}',
            },
          ]),
        }
      if (r < 0.8)
        return {
          kind: 'awareness',
          payload: awarenessUpdate([
            {
              clientId: ctx.newClient(),
              clock: 1,
              stateJson: bigAwarenessState(between(ctx.random, 10_000, 60_000), 'FUZZ-BIG'),
            },
          ]),
        }
      return {
        kind: 'awareness',
        payload: awarenessUpdate([
          { clientId: ctx.newClient(), clock: 1, stateJson: '{"presence":{"userName":"ok"}}' },
        ]),
      }
    },
  ],
}

/** The generator names, for reports. */
export const GENERATOR_NAMES = Object.keys(GENERATORS)

/** One hostile frame, its generator chosen by weight (among `only`, when given). */
export function nextHostileFrame(ctx: GenContext, only?: ReadonlySet<string>): HostileFrame {
  const chosen = Object.entries(GENERATORS).filter(([label]) => !only || only.has(label))
  let roll = ctx.random() * chosen.reduce((n, [, [w]]) => n + w, 0)
  for (const [label, [weight, generate]] of chosen) {
    roll -= weight
    if (roll < 0) return { label, ...generate(ctx) }
  }
  const [label, [, generate]] = chosen[0] ?? Object.entries(GENERATORS)[0]!
  return { label, ...generate(ctx) }
}

/** Generator names from a comma-separated list: `-a,-b` leaves those out, `a,b` keeps only those. */
export function generatorSelection(spec: string | undefined): ReadonlySet<string> | undefined {
  if (!spec) return undefined
  const names = spec
    .split(',')
    .map((s) => s.trim())
    .filter(Boolean)
  const unknown = names.map((n) => n.replace(/^-/, '')).filter((n) => !GENERATOR_NAMES.includes(n))
  if (unknown.length > 0)
    throw new Error(`unknown generators: ${unknown.join(', ')} (known: ${GENERATOR_NAMES.join(', ')})`)
  const skip = names.filter((n) => n.startsWith('-')).map((n) => n.slice(1))
  const keep = names.filter((n) => !n.startsWith('-'))
  return new Set((keep.length > 0 ? keep : GENERATOR_NAMES).filter((n) => !skip.includes(n)))
}

/** A seeded pseudo-random source (mulberry32), so a failing run can be replayed from its seed. */
export function seededRandom(seed: number): Random {
  let s = seed >>> 0
  return () => {
    s = (s + 0x6d2b79f5) >>> 0
    let t = s
    t = Math.imul(t ^ (t >>> 15), t | 1)
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61)
    return ((t ^ (t >>> 14)) >>> 0) / 2 ** 32
  }
}
