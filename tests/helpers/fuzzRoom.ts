import type { BoardRecord } from '../../shared/boardRecords'
import { zoneRect } from '../../shared/layout'
import { accessFor } from '../../shared/permissions'
import { boardViolations, currentEntries, type Writer, zoneIdOf } from './boardRules'
import type { BoardServer } from './boardServer'
import { type GenContext, nextHostileFrame, seededRandom } from './fuzzGenerators'
import { fingerprint, recordsOf } from './hostileChecks'
import { HostileClient } from './hostileClient'
import { between, note, pick, type Random } from './hostileShapes'
import { ResettingClient } from './meetingClient'
import { type MeetingFixture, meetingIn, type Person } from './meetingFixture'

/**
 * One meeting under adversarial fuzz: three honest stock clients editing as their roles allow,
 * two hostile connections (a deelnemer and an observer) sending generated frames, and the
 * checks of issue 7 afterwards. Shared by the seeded test and `npm run fuzz`.
 */

export interface FuzzCounts {
  frames: number
  refusals: number
  closes: number
  reconnects: number
  honestEdits: number
  byLabel: Record<string, number>
  closeCodes: Record<string, number>
}

interface Hostile {
  person: Person
  name: string
  conn: HostileClient | null
  ctx: GenContext
  refusalsSeen: number
}

interface HonestParty {
  person: Person
  name: string
  client: ResettingClient
}

export class FuzzRoom {
  readonly counts: FuzzCounts = {
    frames: 0,
    refusals: 0,
    closes: 0,
    reconnects: 0,
    honestEdits: 0,
    byLabel: {},
    closeCodes: {},
  }
  readonly writers = new Map<number, Writer>()
  private nextClient: number

  private constructor(
    private readonly server: BoardServer,
    readonly fixture: MeetingFixture,
    readonly phaseId: string,
    private readonly random: Random,
    readonly start: Map<string, BoardRecord>,
    private readonly honest: HonestParty[],
    private readonly hostiles: Hostile[],
    private readonly only?: ReadonlySet<string>,
  ) {
    this.nextClient = 0x80000000 + Math.floor(random() * 0x10000000)
  }

  static async open(
    server: BoardServer,
    opts: { seed: number; templateId: string; phaseId: string; small?: boolean; only?: ReadonlySet<string> },
  ): Promise<FuzzRoom> {
    const random = seededRandom(opts.seed)
    const fixture = await meetingIn(server.url, opts.templateId, opts.phaseId, {
      Olga: 'deelnemer',
      Piet: 'deelnemer',
      Ina: 'inbrenger',
      Mallory: 'deelnemer',
      Otto: 'observer',
    })
    const honest = ['Olga', 'Piet', 'Ina'].map((name) => {
      const person = fixture.people[name]!
      return { person, name, client: new ResettingClient(server.url, fixture.roomId, person.token) }
    })
    await Promise.all(honest.map((h) => h.client.synced()))
    const start = new Map([...recordsOf(honest[0]!.client.current)].map(([k, v]) => [k, v]))
    const room: FuzzRoom = new FuzzRoom(server, fixture, opts.phaseId, random, start, honest, [], opts.only)
    for (const name of ['Mallory', 'Otto']) {
      const person = fixture.people[name]!
      const hostile: Hostile = { person, name, conn: null, refusalsSeen: 0, ctx: null as never }
      hostile.ctx = {
        random,
        template: fixture.template,
        me: person.id,
        others: honest.map((h) => h.person.id),
        honestClients: () => honest.map((h) => h.client.current.doc.clientID),
        get mirror() {
          return hostile.conn!.mirror
        },
        newClient: () => room.claimClient(hostile),
        small: opts.small,
      }
      room.hostiles.push(hostile)
    }
    return room
  }

  /**
   * Sends hostile frames until `frames` went out, with honest edits mixed in (one in four steps),
   * stopping early at `deadline` (ms since the epoch).
   */
  async run(frames: number, deadline: number): Promise<void> {
    for (let step = 0; this.counts.frames < frames && Date.now() < deadline; step++) {
      if (this.random() < 0.25) await this.honestEdit()
      else await this.hostileFrame()
      // Let the sockets move; every few steps wait for the server to catch up with a hostile.
      await new Promise((r) => setImmediate(r))
      if (step % 16 === 15) await this.hostiles[0]?.conn?.roundTrip(3000)
    }
  }

  /**
   * Closes the hostile connections, then reads the room with a fresh connection once every honest
   * client holds what it holds. Returns what is wrong, one line each.
   */
  async settle(): Promise<{ converged: boolean; violations: string[]; fingerprint: string }> {
    for (const h of this.hostiles) {
      this.collect(h)
      await h.conn?.close()
      h.conn = null
    }
    const observer = await HostileClient.connect(
      this.server.url,
      this.fixture.roomId,
      this.fixture.people.begeleider!.token,
    )
    try {
      const deadline = Date.now() + 10_000
      let converged = false
      while (!converged && Date.now() < deadline) {
        await new Promise((r) => setTimeout(r, 50))
        await observer.roundTrip(2000)
        const truth = fingerprint(recordsFrom(observer))
        converged = this.honest.every(
          (h) => h.client.current.provider.synced && fingerprint(recordsOf(h.client.current)) === truth,
        )
      }
      for (const h of this.honest) this.registerHonest(h)
      const violations = boardViolations({
        doc: observer.mirror,
        template: this.fixture.template,
        phaseId: this.phaseId,
        start: this.start,
        writers: this.writers,
      })
      return { converged, violations, fingerprint: fingerprint(recordsFrom(observer)) }
    } finally {
      await observer.close()
    }
  }

  /** Reads the room again with a fresh connection (after a restart): pending state and records. */
  async reread(): Promise<{ pending: boolean; fingerprint: string; violations: string[] }> {
    const observer = await HostileClient.connect(
      this.server.url,
      this.fixture.roomId,
      this.fixture.people.begeleider!.token,
    )
    try {
      const store = observer.mirror.store
      return {
        pending: store.pendingStructs !== null || store.pendingDs !== null,
        fingerprint: fingerprint(recordsFrom(observer)),
        violations: boardViolations({
          doc: observer.mirror,
          template: this.fixture.template,
          phaseId: this.phaseId,
          start: this.start,
          writers: this.writers,
        }),
      }
    } finally {
      await observer.close()
    }
  }

  destroyHonest(): void {
    for (const h of this.honest) {
      try {
        h.client.destroy()
      } catch {
        h.client.current.doc.destroy() // a client whose id Yjs replaced after a hostile write
      }
    }
  }

  private claimClient(hostile: Hostile): number {
    const client = this.nextClient++
    this.writers.set(client, {
      participantId: hostile.person.id,
      role: hostile.person.role,
      name: hostile.name,
    })
    return client
  }

  private registerHonest(h: HonestParty): void {
    this.writers.set(h.client.current.doc.clientID, {
      participantId: h.person.id,
      role: h.person.role,
      name: h.name,
    })
  }

  private async hostileFrame(): Promise<void> {
    const hostile = pick(this.random, this.hostiles)
    if (!hostile.conn?.isOpen) {
      if (hostile.conn) this.collect(hostile)
      try {
        hostile.conn = await HostileClient.connect(this.server.url, this.fixture.roomId, hostile.person.token)
        hostile.refusalsSeen = 0
        this.counts.reconnects++
      } catch {
        // Refused at the door (for example too many connections): try again a little later.
        hostile.conn = null
        await new Promise((r) => setTimeout(r, 50))
        return
      }
    }
    const frame = nextHostileFrame(hostile.ctx, this.only)
    this.counts.frames++
    this.counts.byLabel[frame.label] = (this.counts.byLabel[frame.label] ?? 0) + 1
    if (frame.kind === 'awareness') hostile.conn.sendAwareness(frame.payload)
    else if (this.random() < 0.5) hostile.conn.sendUpdate(frame.payload)
    else hostile.conn.sendSyncStep2(frame.payload)
    this.counts.refusals += hostile.conn.refusals.length - hostile.refusalsSeen
    hostile.refusalsSeen = hostile.conn.refusals.length
  }

  /** Counts a closed connection once (its close code and the refusals it got). */
  private collect(hostile: Hostile): void {
    const conn = hostile.conn
    if (!conn) return
    this.counts.refusals += conn.refusals.length - hostile.refusalsSeen
    hostile.refusalsSeen = conn.refusals.length
    if (conn.closeCode !== null && !conn.isOpen && !(conn as { counted?: boolean }).counted) {
      ;(conn as { counted?: boolean }).counted = true
      this.counts.closes++
      this.counts.closeCodes[conn.closeCode] = (this.counts.closeCodes[conn.closeCode] ?? 0) + 1
    }
  }

  /** An edit the honest participant's role allows in this phase: add, change or remove an own note. */
  private async honestEdit(): Promise<void> {
    const h = pick(this.random, this.honest)
    const client = h.client.current
    if (!client.provider.synced) return
    this.registerHonest(h)
    const records = recordsOf(client)
    const own = [...records.values()].filter(
      (r) => r.typeName === 'shape' && r.meta?.authorId === h.person.id,
    )
    const r = this.random()
    if (own.length > 0 && r < 0.3) {
      const target = pick(this.random, own)
      client.kv.set(target.id, {
        ...target,
        props: { ...target.props, richText: text(`bewerkt ${this.counts.honestEdits}`) },
      })
    } else if (own.length > 0 && r < 0.4) {
      client.kv.delete(pick(this.random, own).id)
    } else {
      const zoneId = this.openZone(h, records)
      // The free area follows the method too (permissions.ts): where it is closed, write nothing.
      if (!zoneId && !this.freeAreaOpen(h)) return
      const at = zoneId
        ? pointIn(this.random, this.fixture, zoneId)
        : { x: -2500 - between(this.random, 0, 900), y: -2500 }
      const id = `shape:eerlijk-${h.name}-${this.counts.honestEdits}`
      client.kv.set(id, note(id, at, h.person.id, `eerlijk ${this.counts.honestEdits}`))
    }
    this.counts.honestEdits++
    this.registerHonest(h)
  }

  /** A zone the participant may add to now (quota respected), or null for the free area. */
  private openZone(h: HonestParty, records: Map<string, BoardRecord>): string | null {
    const { template } = this.fixture
    const open = template.zones.filter((zone) => {
      const access = accessFor(template, this.phaseId, zone.id, h.person.role)
      if (!access.can.has('add')) return false
      if (access.quota === undefined) return true
      const mine = [...records.values()].filter(
        (r) => r.meta?.authorId === h.person.id && zoneIdOf(r, records, template) === zone.id,
      )
      return mine.length < access.quota
    })
    return open.length > 0 && (this.random() < 0.7 || !this.freeAreaOpen(h))
      ? pick(this.random, open).id
      : null
  }

  private freeAreaOpen(h: HonestParty): boolean {
    return accessFor(this.fixture.template, this.phaseId, null, h.person.role).can.has('add')
  }
}

function recordsFrom(observer: HostileClient): Map<string, BoardRecord> {
  return new Map([...currentEntries(observer.mirror)].map(([k, e]) => [k, e.record]))
}

/** A note position whose whole note (200 by 200) lies inside the zone. */
function pointIn(random: Random, fixture: MeetingFixture, zoneId: string) {
  const rect = zoneRect(fixture.template, zoneId)
  return { x: rect.x + 10 + random() * (rect.w - 220), y: rect.y + 10 + random() * (rect.h - 220) }
}

function text(value: string) {
  return { type: 'doc', content: [{ type: 'paragraph', content: [{ type: 'text', text: value }] }] }
}
