import * as awarenessProtocol from 'y-protocols/awareness'
import * as Y from 'yjs'
import { CloseCode } from '../../../shared/closeCodes'
import { encodeRefusal, type Refusal } from '../../../shared/wire'
import { checkSchema, migrateBoard, STORED_SCHEMA } from '../storage/boardSchema'
import type { RoomStore } from '../storage/roomStore'
import { applySnapshot, encodeSnapshot } from '../storage/snapshotChunks'
import { sweepUnusedAssets } from './assetSweep'
import { DEFAULT_AWARENESS_LIMITS, encodeAwarenessEntries, readAwarenessUpdate } from './awarenessFrame'
import { coldAnswerFrames, coldAnswerOf, isEmptyStateVector } from './coldAnswer'
import type { RoomConnection } from './connection'
import { LogFollower } from './logFollower'
import { dropPending } from './pendingStructs'
import { PresenceBroadcast } from './presenceBroadcast'
import { PresenceBudget } from './presenceBudget'
import { ownPresence, PresenceOwners } from './presenceOwners'
import {
  type ClientMessage,
  decodeClientMessage,
  encodeAwareness,
  encodeSyncStep1,
  encodeSyncStep2,
  encodeUpdate,
  MalformedMessage,
} from './protocol'
import { RefusalBudget } from './refusalBudget'
import type { RoomOptions, RoomView, UpdateGuard } from './roomOptions'
import type { RoomPeers } from './roomPeers'
import { SerialQueue } from './serialQueue'
import { asUpdateOrigin, fromConnection, LOAD_ORIGIN, PEER_ORIGIN, SERVER_ORIGIN } from './updateOrigin'
import { DEFAULT_UPDATE_LIMITS, scanUpdate } from './updateScan'

export class RoomLoadError extends Error {}

/**
 * One live document with its connections. Every update is stored before it is broadcast: the
 * room applies it, queues it, and a queue (one per room, in order) appends it to storage and only
 * then sends it; a sync answer waits in the same queue behind what it contains. A failure to
 * store closes the room rather than letting clients see unstored state. Nothing a connection
 * sends can throw out of handleFrame: a bad frame closes that connection.
 */
export class Room implements RoomView {
  readonly doc: Y.Doc
  readonly awareness: awarenessProtocol.Awareness
  readonly connections = new Set<RoomConnection>()
  private readonly guard: UpdateGuard | null
  private readonly presence = new PresenceOwners()
  private readonly refusals: RefusalBudget
  private readonly queue: SerialQueue
  private readonly peers: RoomPeers | null
  /** Applied updates waiting for the queue to store them. */
  private unstored: Uint8Array[] = []
  private flushQueued = false
  /** Which log entries the document holds; with peers, keeps it in step with what they store. */
  private readonly follower: LogFollower
  /** What the last snapshot this room wrote or loaded covers. */
  private snapshotSeq: number
  private sinceCompaction: number
  private readonly presenceOut: PresenceBroadcast
  /** Presence bytes per second per participant (LIMIT_PRESENCE_BYTES_PER_SECOND); null: unbounded. */
  private readonly presenceBudget: PresenceBudget | null
  private compactScheduled = false
  /**
   * The stored bytes the document was loaded from (snapshot parts, then log entries) while the
   * document holds nothing else: a client with an empty state vector gets them as they are,
   * without encoding the document. Dropped at the first change.
   */
  private coldAnswer: Uint8Array[] | null
  private stopPeers: (() => void) | null = null
  private broken = false
  private discarded = false
  private destroyed = false

  private constructor(
    readonly id: string,
    private readonly store: RoomStore,
    private readonly options: RoomOptions,
    doc: Y.Doc,
    stored: { seq: number; snapshotSeq: number; logCount: number; coldAnswer: Uint8Array[] | null },
  ) {
    this.doc = doc
    this.coldAnswer = stored.coldAnswer
    this.snapshotSeq = stored.snapshotSeq
    this.sinceCompaction = stored.logCount
    this.peers = options.peers ?? null
    this.queue = new SerialQueue((error) =>
      this.log('a queued room step failed', { error: (error as Error)?.message ?? String(error) }),
    )
    this.follower = new LogFollower(
      {
        id,
        doc,
        store,
        queue: this.queue,
        shared: this.peers !== null,
        isDestroyed: () => this.destroyed,
        replay: (conn, data) => {
          if (this.connections.has(conn)) this.handleFrame(conn, data)
        },
        log: (line, fields) => this.log(line, fields),
      },
      stored.seq,
    )
    this.awareness = new awarenessProtocol.Awareness(doc)
    this.awareness.setLocalState(null) // the server itself has no presence
    this.refusals = new RefusalBudget(options.refusalsPerMinute ?? 30)
    this.guard = options.guard ? options.guard(this) : null
    this.doc.on('update', this.onDocUpdate)
    const peers = this.peers
    this.presenceBudget = options.presenceBytesPerSecond
      ? new PresenceBudget(options.presenceBytesPerSecond, (conn, frame) =>
          this.applyOwnPresence(conn, frame),
        )
      : null
    this.presenceOut = new PresenceBroadcast(this.awareness, {
      broadcast: (frame) => this.broadcast(frame),
      hasConnections: () => this.connections.size > 0,
      publish: peers ? (update) => peers.publishAwareness(this.id, update) : null,
      log: (line, fields) => this.log(line, fields),
    })
  }

  /**
   * Loads a room from storage. Throws RoomLoadError, and writes nothing, if the stored data cannot
   * be read. Stored changes that cannot be integrated (older versions could store them) are left
   * out with a log line; the room loads what it can. With peers, it listens to them before it
   * reads storage, so no update falls between the two.
   */
  static async load(id: string, store: RoomStore, options: RoomOptions = {}): Promise<Room> {
    const heard: Array<() => void> = []
    let schema: ReturnType<typeof checkSchema> = { kind: 'same' }
    let room: Room | null = null
    let stop: (() => void) | null = null
    const doc = new Y.Doc({ gc: true })
    try {
      await options.prepare?.()
      if (options.peers) {
        stop = await options.peers.subscribe(id, {
          updates: (updates) =>
            room
              ? room.follower.receivePeerUpdates(updates)
              : heard.push(() => room?.follower.receivePeerUpdates(updates)),
          awareness: (update) =>
            room ? room.receivePeerAwareness(update) : heard.push(() => room?.receivePeerAwareness(update)),
        })
      }
      const stored = await store.load(id, { create: options.createInStorage ?? true })
      schema = checkSchema(stored.schema)
      // Written by a newer tldraw: refused whole, its bytes kept for the version that wrote them.
      if (schema.kind === 'newer') throw new Error(`stored by a newer board schema (${schema.detail})`)
      doc.transact(() => {
        if (stored.snapshot) applySnapshot(doc, stored.snapshot, LOAD_ORIGIN)
        for (const update of stored.updates) Y.applyUpdate(doc, update.data, LOAD_ORIGIN)
      }, LOAD_ORIGIN)
      const pendingDropped = dropPending(doc)
      if (pendingDropped) {
        options.log?.('stored changes that depend on missing ones were left out', { room: id })
      }
      const seq = Math.max(stored.snapshotSeq, stored.updates.at(-1)?.seq ?? 0)
      room = new Room(id, store, options, doc, {
        seq,
        snapshotSeq: stored.snapshotSeq,
        logCount: stored.updates.length,
        // What was left out must not reach a client either: then the document answers.
        coldAnswer: pendingDropped ? null : coldAnswerOf(stored),
      })
    } catch (error) {
      stop?.()
      doc.destroy()
      throw new RoomLoadError(`room ${id} could not be loaded: ${(error as Error).message}`)
    }
    room.stopPeers = stop
    for (const replay of heard) replay()
    if (schema.kind === 'older') {
      // Stored by an older tldraw: its records are migrated (stored and sent as the server's own
      // change) before anyone sees them; the next snapshot records our schema.
      const from = schema.stored
      let result = { ok: true, changed: 0 } as ReturnType<typeof migrateBoard>
      room.transactAsServer(() => {
        result = migrateBoard(room.doc, from)
      })
      const migrated = result as ReturnType<typeof migrateBoard>
      if (!migrated.ok) {
        room.destroy()
        stop?.()
        throw new RoomLoadError(`room ${id} could not be migrated: ${migrated.reason}`)
      }
      options.log?.('board records migrated to the current schema', { room: id, changed: migrated.changed })
    }
    sweepUnusedAssets(room) // assets whose last shape went before this sweep existed
    return room
  }

  get isBroken(): boolean {
    return this.broken
  }

  addConnection(conn: RoomConnection): void {
    this.connections.add(conn)
    this.options.onActivity?.()
    // Another instance may have stored what it could not tell us (it died in between): read it
    // back before this connection's frames are judged.
    if (this.peers) this.follower.catchUp({ holdFrames: true })
    conn.send(encodeSyncStep1(Y.encodeStateVector(this.doc)))
    const states = [...this.awareness.getStates().keys()]
    if (states.length > 0) {
      conn.send(encodeAwareness(awarenessProtocol.encodeAwarenessUpdate(this.awareness, states)))
    }
  }

  removeConnection(conn: RoomConnection): void {
    if (!this.connections.delete(conn)) return
    this.refusals.forget(conn)
    this.presenceBudget?.forget(conn)
    const owned = this.presence.release(conn).filter((id) => this.awareness.states.has(id))
    if (owned.length > 0) awarenessProtocol.removeAwarenessStates(this.awareness, owned, null)
  }

  /** Handles one frame from a connection. One catch: whatever goes wrong closes only that connection. */
  handleFrame(conn: RoomConnection, data: Uint8Array): void {
    if (this.follower.hold(conn, data)) return
    try {
      this.dispatch(conn, data)
    } catch (error) {
      this.log('closing connection: frame could not be handled', {
        conn: conn.id,
        error: (error as Error).message,
      })
      conn.close(CloseCode.frameFailed, 'frame could not be handled')
    }
  }

  /** The connection whose presence (awareness) id this is: y-websocket uses the Yjs client id. */
  presenceOwner(clientId: number): RoomConnection | undefined {
    return this.presence.ownerOf(clientId)
  }

  /** Changes the document as the server (meeting state, board layout); stored and broadcast as usual. */
  transactAsServer(fn: () => void): void {
    this.doc.transact(fn, SERVER_ORIGIN)
  }

  /** Resolves once everything applied so far is stored and sent (or the room broke). */
  settled(): Promise<void> {
    return this.queue.idle()
  }

  /** Tells one connection its update was refused; the client then starts over from the server's state. */
  refuse(conn: RoomConnection, refusal: Refusal): void {
    conn.send(encodeRefusal(refusal))
    // A server that cannot confirm it is current is not the sender's fault: no budget spent.
    if (refusal.code !== 'unavailable' && !this.refusals.spend(conn)) {
      this.log('closing connection: too many refused updates', { conn: conn.id })
      conn.close(CloseCode.tooManyRefusals, 'too many refused updates')
    }
  }

  /**
   * Stores a snapshot of the document as covering the log up to the last entry it holds (by
   * sequence number) and drops those entries. Runs in the queue, after what is waiting to be
   * stored; with peers only under the compaction lease, after catching up from storage.
   */
  compact(): Promise<void> {
    return this.queue.run(async () => {
      if (this.broken) return
      const write = async () => {
        if (this.peers) await this.follower.readBack()
        if (this.broken || this.discarded || this.follower.upTo <= this.snapshotSeq) return
        const upTo = this.follower.upTo
        dropPending(this.doc) // a snapshot never carries what could not be integrated
        await this.store.compact(this.id, encodeSnapshot(this.doc), upTo, STORED_SCHEMA)
        this.snapshotSeq = upTo
      }
      this.sinceCompaction = 0
      if (this.peers) await this.peers.withCompactionLease(this.id, write)
      else await write()
    })
  }

  /** Stops storing: what is queued and not yet stored is dropped (the room is being erased). */
  discard(): void {
    this.discarded = true
    this.queue.close()
    this.unstored = []
  }

  destroy(): void {
    this.destroyed = true
    this.follower.stop()
    this.queue.close()
    this.stopPeers?.()
    this.doc.off('update', this.onDocUpdate)
    this.presenceOut.stop()
    this.presenceBudget?.close()
    this.guard?.destroy()
    this.awareness.destroy()
    this.doc.destroy()
  }

  private dispatch(conn: RoomConnection, data: Uint8Array): void {
    let message: ClientMessage
    try {
      message = decodeClientMessage(data)
    } catch (error) {
      const reason = error instanceof MalformedMessage ? error.message : 'undecodable frame'
      this.log('closing connection: malformed message', { conn: conn.id, reason })
      conn.close(CloseCode.malformedMessage, `malformed message: ${reason}`)
      return
    }
    switch (message.kind) {
      case 'syncStep1':
        this.answerSyncStep1(conn, message.stateVector)
        return
      case 'update':
        this.receiveUpdate(conn, message.update)
        return
      case 'awareness':
        this.receiveAwareness(conn, message.update)
        return
      case 'queryAwareness': {
        const states = [...this.awareness.getStates().keys()]
        conn.send(encodeAwareness(awarenessProtocol.encodeAwarenessUpdate(this.awareness, states)))
        return
      }
    }
  }

  private answerSyncStep1(conn: RoomConnection, stateVector: Uint8Array): void {
    const cold = this.coldAnswer
    if (cold && isEmptyStateVector(stateVector)) {
      // Nothing waits to be stored (any change drops the cold answer): sent in order, in the queue
      // all the same.
      const frames = coldAnswerFrames(cold)
      this.queue.enqueue(() => {
        for (const frame of frames) conn.send(frame)
      })
      return
    }
    let diff: Uint8Array
    try {
      diff = Y.encodeStateAsUpdate(this.doc, stateVector)
    } catch (error) {
      conn.close(
        CloseCode.malformedMessage,
        `malformed message: bad state vector (${(error as Error).message})`,
      )
      return
    }
    // The answer may hold updates still waiting to be stored: it leaves after them.
    const frame = encodeSyncStep2(diff)
    this.queue.enqueue(() => conn.send(frame))
  }

  private receiveUpdate(conn: RoomConnection, update: Uint8Array): void {
    // Bounded first read: nothing unbounded reaches Yjs.
    const scan = scanUpdate(update, this.options.updateLimits ?? DEFAULT_UPDATE_LIMITS)
    if (!scan.ok) {
      this.log('closing connection: update refused unread', { conn: conn.id, reason: scan.reason })
      conn.close(CloseCode.badUpdate, `update refused: ${scan.reason}`)
      return
    }
    if (this.guard) {
      // The guard must read something first (a new client id's owner): this frame and every
      // later one wait, in order, until it has.
      const waiting = this.guard.prepare?.(conn, scan.sections)
      if (waiting) {
        this.follower.holdWhile(waiting)
        this.follower.hold(conn, encodeUpdate(update))
        return
      }
      let refusal: Refusal | null
      try {
        refusal = this.guard.check(conn, update, scan.sections)
      } catch (error) {
        refusal = {
          code: 'outOfSync',
          nl: 'Je wijziging kon niet worden beoordeeld en is niet doorgevoerd.',
          en: `Your change could not be judged and was not applied (${(error as Error).message}).`,
        }
      }
      if (refusal) {
        this.log('refused update', { conn: conn.id, code: refusal.code, reason: refusal.en })
        this.refuse(conn, refusal)
        return
      }
    }
    try {
      Y.applyUpdate(this.doc, update, fromConnection(conn))
    } catch (error) {
      this.log('closing connection: update failed to apply', {
        conn: conn.id,
        error: (error as Error).message,
      })
      conn.close(CloseCode.badUpdate, `update failed to apply: ${(error as Error).message}`)
      return
    }
    this.guard?.accepted()
    sweepUnusedAssets(this) // an asset no shape shows any more: nobody could see or remove it
    if (dropPending(this.doc)) {
      // Yjs applied what connects to the document and held back the rest: that rest is dropped
      // (never stored, never released later) and the sender starts over from the server's state.
      this.log('refused the part of an update that depends on missing changes', { conn: conn.id })
      this.refuse(conn, {
        code: 'outOfSync',
        nl: 'Je bord liep niet gelijk met de server en is opnieuw geladen.',
        en: 'Your board was out of step with the server and has been reloaded.',
      })
    }
  }

  private receiveAwareness(conn: RoomConnection, update: Uint8Array): void {
    const read = readAwarenessUpdate(update, this.options.awarenessLimits ?? DEFAULT_AWARENESS_LIMITS)
    if (!read.ok) {
      this.log('closing connection: presence refused', { conn: conn.id, reason: read.reason })
      conn.close(CloseCode.malformedMessage, `presence refused: ${read.reason}`)
      return
    }
    // One presence state per connection (and its cursor entry), and nobody speaks for another's.
    let entries = ownPresence(conn, read.entries, this.presence, this.awareness)
    if (this.options.awarenessFilter) entries = this.options.awarenessFilter.filter(conn, entries, this)
    if (entries.length === 0) return
    // Only the sender's own state counts against its budget (a stock client echoes everyone's).
    const own = encodeAwarenessEntries(entries)
    if (this.presenceBudget) this.presenceBudget.receive(conn, own)
    else awarenessProtocol.applyAwarenessUpdate(this.awareness, own, conn)
  }

  /**
   * A connection's own presence, within its budget: applied now, or later when the budget held it
   * back (then outside the frame's catch, so with its own).
   */
  private applyOwnPresence(conn: RoomConnection, own: Uint8Array): void {
    if (this.destroyed || !this.connections.has(conn)) return
    try {
      awarenessProtocol.applyAwarenessUpdate(this.awareness, own, conn)
    } catch (error) {
      this.log('closing connection: presence could not be handled', {
        conn: conn.id,
        error: (error as Error).message,
      })
      conn.close(CloseCode.frameFailed, 'the server could not handle a frame')
    }
  }

  private receivePeerAwareness(update: Uint8Array): void {
    if (this.destroyed) return
    try {
      awarenessProtocol.applyAwarenessUpdate(this.awareness, update, PEER_ORIGIN)
    } catch (error) {
      this.log('presence from another instance could not be applied', { error: (error as Error).message })
    }
  }

  /** Store first, then broadcast: nothing any client receives can be lost by a crash. */
  private onDocUpdate = (update: Uint8Array, rawOrigin: unknown): void => {
    const origin = asUpdateOrigin(rawOrigin)
    if (origin.kind === 'load') return
    this.coldAnswer = null
    // The guard's copy follows every change it did not judge itself, at once.
    if (origin.kind === 'server' || origin.kind === 'peer') this.guard?.serverChanged(update)
    if (origin.kind === 'peer') {
      // Stored already, by another instance: sent in order behind what waits to be stored here.
      const frame = encodeUpdate(update)
      this.queue.enqueue(() => this.broadcast(frame))
      this.sinceCompaction++
      this.scheduleCompaction()
      return
    }
    this.unstored.push(update)
    if (!this.flushQueued) {
      this.flushQueued = true
      this.queue.enqueue(this.flush)
    }
  }

  /** Appends what waits (one batch), then sends it to every connection and tells the peers. */
  private flush = async (): Promise<void> => {
    this.flushQueued = false
    const batch = this.unstored
    this.unstored = []
    if (batch.length === 0 || this.broken) return
    let seqs: number[] | null
    try {
      seqs = await this.store.append(this.id, batch)
    } catch (error) {
      this.fail(
        'storing an update failed; closing the room',
        error,
        CloseCode.roomUnavailable,
        'room could not be stored',
      )
      return
    }
    if (this.destroyed) return
    if (seqs === null) {
      this.fail(
        'the room is gone from storage (erased); closing it',
        null,
        CloseCode.meetingErased,
        'room erased',
      )
      return
    }
    for (const seq of seqs) this.follower.markStored(seq)
    this.options.onActivity?.()
    if (this.peers) this.follower.checkGap()
    this.peers?.publishUpdates(
      this.id,
      batch.map((data, i) => ({ seq: seqs[i]!, data })),
    )
    for (const update of batch) this.broadcast(encodeUpdate(update))
    this.sinceCompaction += batch.length
    this.scheduleCompaction()
  }

  private broadcast(frame: Uint8Array): void {
    for (const conn of this.connections) conn.send(frame)
  }

  private fail(line: string, error: unknown, code: number, reason: string): void {
    this.broken = true
    this.queue.close()
    this.unstored = []
    this.log(line, { error: error ? (error as Error).message : undefined })
    for (const conn of this.connections) conn.close(code, reason)
  }

  private scheduleCompaction(): void {
    if (this.compactScheduled || this.sinceCompaction < (this.options.compactEvery ?? 500)) return
    this.compactScheduled = true
    setImmediate(() => {
      this.compactScheduled = false
      this.compact().catch((error) =>
        this.log('compaction failed; the log is kept', { error: (error as Error).message }),
      )
    })
  }

  private log(line: string, fields?: Record<string, unknown>): void {
    this.options.log?.(line, { room: this.id, ...fields })
  }
}
