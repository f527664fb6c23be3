import * as awarenessProtocol from 'y-protocols/awareness'
import * as Y from 'yjs'
import { CloseCode } from '../../../templates/src/closeCodes'
import { encodeRefusal, type Refusal } from '../../../templates/src/wire'
import type { RoomStore } from '../storage/roomStore'
import {
  type AwarenessEntry,
  type AwarenessLimits,
  DEFAULT_AWARENESS_LIMITS,
  encodeAwarenessEntries,
  readAwarenessUpdate,
} from './awarenessFrame'
import type { RoomConnection } from './connection'
import { PresenceOwners } from './presenceOwners'
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
import { asUpdateOrigin, fromConnection, LOAD_ORIGIN, SERVER_ORIGIN } from './updateOrigin'
import { DEFAULT_UPDATE_LIMITS, scanUpdate, type UpdateLimits, type UpdateSection } from './updateScan'

/**
 * Decides whether a connection's update may change the room, by what it would do. Made per
 * room; told of every update the live document applied, so it can keep its own view in step.
 */
export interface UpdateGuard {
  check(conn: RoomConnection, update: Uint8Array, sections: readonly UpdateSection[]): Refusal | null
  /** The update check() allowed has been applied to the live document. */
  accepted(): void
  /** The server changed the live document itself. */
  serverChanged(update: Uint8Array): void
  destroy(): void
}

/** Rewrites a connection's presence states (ties them to the connection's identity) or drops them. */
export interface AwarenessFilter {
  filter(conn: RoomConnection, entries: AwarenessEntry[]): AwarenessEntry[]
}

export interface RoomOptions {
  guard?: (room: Room) => UpdateGuard
  awarenessFilter?: AwarenessFilter
  /** Compact the log into a snapshot after this many appended updates. */
  compactEvery?: number
  updateLimits?: UpdateLimits
  awarenessLimits?: AwarenessLimits
  /** Refused updates a connection may send per minute before it is closed. */
  refusalsPerMinute?: number
  log?: (line: string, fields?: Record<string, unknown>) => void
}

export class RoomLoadError extends Error {}

/**
 * One live document with its connections. Every update is appended to storage before it is
 * broadcast; a failure to store closes the room rather than letting clients see unstored state.
 * Nothing a connection sends can throw out of handleFrame: a bad frame closes that connection.
 */
export class Room {
  readonly doc: Y.Doc
  readonly awareness: awarenessProtocol.Awareness
  readonly connections = new Set<RoomConnection>()
  private readonly guard: UpdateGuard | null
  private readonly presence = new PresenceOwners()
  private readonly refusals: RefusalBudget
  private logCount: number
  private pendingAwareness = new Set<number>()
  private awarenessFlushScheduled = false
  private compactScheduled = false
  private broken = false

  private constructor(
    readonly id: string,
    private readonly store: RoomStore,
    private readonly options: RoomOptions,
    doc: Y.Doc,
    loadedLogCount: number,
  ) {
    this.doc = doc
    this.logCount = loadedLogCount
    this.awareness = new awarenessProtocol.Awareness(doc)
    this.awareness.setLocalState(null) // the server itself has no presence
    this.refusals = new RefusalBudget(options.refusalsPerMinute ?? 30)
    this.guard = options.guard ? options.guard(this) : null
    this.doc.on('update', this.onDocUpdate)
    this.awareness.on('update', this.onAwarenessUpdate)
  }

  /**
   * Loads a room from storage. Throws RoomLoadError, and writes nothing, if the stored data cannot
   * be read. Stored changes that cannot be integrated (older versions could store them) are left
   * out with a log line; the room loads what it can.
   */
  static load(id: string, store: RoomStore, options: RoomOptions = {}): Room {
    const doc = new Y.Doc({ gc: true })
    let stored: ReturnType<RoomStore['load']>
    try {
      stored = store.load(id)
      doc.transact(() => {
        if (stored.snapshot) Y.applyUpdate(doc, stored.snapshot, LOAD_ORIGIN)
        for (const update of stored.updates) Y.applyUpdate(doc, update, LOAD_ORIGIN)
      }, LOAD_ORIGIN)
    } catch (error) {
      doc.destroy()
      throw new RoomLoadError(`room ${id} could not be loaded: ${(error as Error).message}`)
    }
    if (dropPending(doc)) {
      options.log?.('stored changes that depend on missing ones were left out', { room: id })
    }
    return new Room(id, store, options, doc, stored.updates.length)
  }

  get isBroken(): boolean {
    return this.broken
  }

  addConnection(conn: RoomConnection): void {
    this.connections.add(conn)
    conn.send(encodeSyncStep1(Y.encodeStateVector(this.doc)))
    const states = [...this.awareness.getStates().keys()]
    if (states.length > 0) {
      conn.send(encodeAwareness(awarenessProtocol.encodeAwarenessUpdate(this.awareness, states)))
    }
  }

  removeConnection(conn: RoomConnection): void {
    if (!this.connections.delete(conn)) return
    this.refusals.forget(conn)
    const owned = this.presence.release(conn)
    if (owned !== undefined && this.awareness.states.has(owned)) {
      awarenessProtocol.removeAwarenessStates(this.awareness, [owned], null)
    }
  }

  /** Handles one frame from a connection. One catch: whatever goes wrong closes only that connection. */
  handleFrame(conn: RoomConnection, data: Uint8Array): void {
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

  /** Tells one connection its update was refused; the client then starts over from the server's state. */
  refuse(conn: RoomConnection, refusal: Refusal): void {
    conn.send(encodeRefusal(refusal))
    if (!this.refusals.spend(conn)) {
      this.log('closing connection: too many refused updates', { conn: conn.id })
      conn.close(CloseCode.tooManyRefusals, 'too many refused updates')
    }
  }

  /** Stores a snapshot of the integrated state and drops the log entries it covers. */
  compact(): void {
    if (this.broken || this.logCount === 0) return
    dropPending(this.doc) // a snapshot never carries what could not be integrated
    this.store.compact(this.id, Y.encodeStateAsUpdate(this.doc), this.logCount)
    this.logCount = 0
  }

  destroy(): void {
    this.doc.off('update', this.onDocUpdate)
    this.awareness.off('update', this.onAwarenessUpdate)
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
    conn.send(encodeSyncStep2(diff))
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
    // One presence state per connection, and nobody speaks for another's.
    let entries = read.entries.filter((entry) => this.presence.claim(conn, entry.clientId, this.awareness))
    if (this.options.awarenessFilter) entries = this.options.awarenessFilter.filter(conn, entries)
    if (entries.length === 0) return
    awarenessProtocol.applyAwarenessUpdate(this.awareness, encodeAwarenessEntries(entries), conn)
  }

  /** Store first, then broadcast: nothing any client receives can be lost by a crash. */
  private onDocUpdate = (update: Uint8Array, rawOrigin: unknown): void => {
    const origin = asUpdateOrigin(rawOrigin)
    if (origin.kind === 'load') return
    try {
      this.store.append(this.id, update)
    } catch (error) {
      this.broken = true
      this.log('storing an update failed; closing the room', {
        room: this.id,
        error: (error as Error).message,
      })
      for (const conn of this.connections) conn.close(CloseCode.roomUnavailable, 'room could not be stored')
      return
    }
    if (origin.kind === 'server') this.guard?.serverChanged(update)
    this.logCount++
    const frame = encodeUpdate(update)
    for (const conn of this.connections) conn.send(frame)
    this.scheduleCompaction()
  }

  private onAwarenessUpdate = ({
    added,
    updated,
    removed,
  }: {
    added: number[]
    updated: number[]
    removed: number[]
  }): void => {
    for (const id of [...added, ...updated, ...removed]) this.pendingAwareness.add(id)
    // Presence is the hot path: encode once per event-loop turn for all connections.
    if (!this.awarenessFlushScheduled) {
      this.awarenessFlushScheduled = true
      setImmediate(this.flushAwareness)
    }
  }

  /** Runs outside any frame's catch (setImmediate), so it has its own. */
  private flushAwareness = (): void => {
    this.awarenessFlushScheduled = false
    try {
      if (this.pendingAwareness.size === 0 || this.connections.size === 0) return
      const frame = encodeAwareness(
        awarenessProtocol.encodeAwarenessUpdate(this.awareness, [...this.pendingAwareness]),
      )
      for (const conn of this.connections) conn.send(frame)
    } catch (error) {
      this.log('presence could not be sent', { error: (error as Error).message })
    } finally {
      this.pendingAwareness.clear()
    }
  }

  private scheduleCompaction(): void {
    if (this.compactScheduled || this.logCount < (this.options.compactEvery ?? 500)) return
    this.compactScheduled = true
    setImmediate(() => {
      this.compactScheduled = false
      try {
        this.compact()
      } catch (error) {
        this.log('compaction failed; the log is kept', { room: this.id, error: (error as Error).message })
      }
    })
  }

  private log(line: string, fields?: Record<string, unknown>): void {
    this.options.log?.(line, { room: this.id, ...fields })
  }
}

/** Forgets what Yjs holds back for lack of dependencies; returns whether there was any. */
function dropPending(doc: Y.Doc): boolean {
  const had = doc.store.pendingStructs !== null || doc.store.pendingDs !== null
  doc.store.pendingStructs = null
  doc.store.pendingDs = null
  return had
}
