import * as awarenessProtocol from 'y-protocols/awareness'
import * as Y from 'yjs'
import { CloseCode } from '../../../templates/src/closeCodes'
import { encodeRefusal, type Refusal } from '../../../templates/src/wire'
import type { RoomStore } from '../storage/roomStore'
import type { RoomConnection } from './connection'
import {
  type ClientMessage,
  decodeClientMessage,
  encodeAwareness,
  encodeSyncStep1,
  encodeSyncStep2,
  encodeUpdate,
  MalformedMessage,
} from './protocol'
import { findMissingDependencies } from './updateDependencies'

/** Transaction origins: where a change to the document came from. */
export const SERVER_ORIGIN = Symbol('server')
const LOAD_ORIGIN = Symbol('load')

/** Decides whether a connection may apply an update; the room asks it before applying anything. */
export interface UpdateGuard {
  check(room: Room, conn: RoomConnection, update: Uint8Array): Refusal | null
}

/** Rewrites or drops a connection's awareness update (ties presence to the connection's identity). */
export interface AwarenessFilter {
  filter(room: Room, conn: RoomConnection, update: Uint8Array): Uint8Array | null
}

export interface RoomOptions {
  guard?: UpdateGuard
  awarenessFilter?: AwarenessFilter
  /** Compact the log into a snapshot after this many appended updates. */
  compactEvery?: number
  log?: (line: string, fields?: Record<string, unknown>) => void
}

export class RoomLoadError extends Error {}

/**
 * One live document with its connections. Every update is appended to storage before it is
 * broadcast; a failure to store closes the room rather than letting clients see unstored state.
 */
export class Room {
  readonly doc: Y.Doc
  readonly awareness: awarenessProtocol.Awareness
  readonly connections = new Set<RoomConnection>()
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
    this.doc.on('update', this.onDocUpdate)
    this.awareness.on('update', this.onAwarenessUpdate)
  }

  /** Loads a room from storage. Throws RoomLoadError and writes nothing if the stored data is unreadable. */
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
    if (doc.store.pendingStructs || doc.store.pendingDs) {
      doc.destroy()
      throw new RoomLoadError(`room ${id} could not be loaded: stored updates have missing dependencies`)
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
    if (conn.awarenessClientIds.size > 0) {
      awarenessProtocol.removeAwarenessStates(this.awareness, [...conn.awarenessClientIds], null)
    }
  }

  /** Handles one frame from a connection; a bad frame closes only that connection. */
  handleFrame(conn: RoomConnection, data: Uint8Array): void {
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

  /** Changes the document as the server (meeting state, board layout); stored and broadcast as usual. */
  transactAsServer(fn: () => void): void {
    this.doc.transact(fn, SERVER_ORIGIN)
  }

  /** Tells one connection its update was refused; the client then starts over from the server's state. */
  refuse(conn: RoomConnection, refusal: Refusal): void {
    conn.send(encodeRefusal(refusal))
  }

  /** Stores a snapshot and drops the log entries it covers. */
  compact(): void {
    if (this.broken || this.logCount === 0) return
    this.store.compact(this.id, Y.encodeStateAsUpdate(this.doc), this.logCount)
    this.logCount = 0
  }

  destroy(): void {
    this.doc.off('update', this.onDocUpdate)
    this.awareness.off('update', this.onAwarenessUpdate)
    this.awareness.destroy()
    this.doc.destroy()
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
    let missing: string | null
    try {
      missing = findMissingDependencies(this.doc, update)
    } catch (error) {
      this.log('closing connection: undecodable update', { conn: conn.id, error: (error as Error).message })
      conn.close(CloseCode.badUpdate, `update could not be decoded: ${(error as Error).message}`)
      return
    }
    if (missing) {
      // Applying it would leave pending structs that block every later update of that client.
      this.log('refused update: missing dependencies', { conn: conn.id, missing })
      this.refuse(conn, {
        code: 'outOfSync',
        nl: 'Je bord liep niet gelijk met de server en is opnieuw geladen.',
        en: 'Your board was out of step with the server and has been reloaded.',
      })
      return
    }
    const refusal = this.options.guard?.check(this, conn, update) ?? null
    if (refusal) {
      this.log('refused update', { conn: conn.id, code: refusal.code, reason: refusal.en })
      this.refuse(conn, refusal)
      return
    }
    try {
      Y.applyUpdate(this.doc, update, conn)
    } catch (error) {
      this.log('closing connection: update failed to apply', {
        conn: conn.id,
        error: (error as Error).message,
      })
      conn.close(CloseCode.badUpdate, `update failed to apply: ${(error as Error).message}`)
    }
  }

  private receiveAwareness(conn: RoomConnection, update: Uint8Array): void {
    try {
      const filtered = this.options.awarenessFilter
        ? this.options.awarenessFilter.filter(this, conn, update)
        : update
      if (!filtered) return
      awarenessProtocol.applyAwarenessUpdate(this.awareness, filtered, conn)
    } catch (error) {
      conn.close(
        CloseCode.malformedMessage,
        `malformed message: bad awareness update (${(error as Error).message})`,
      )
    }
  }

  /** Store first, then broadcast: nothing any client receives can be lost by a crash. */
  private onDocUpdate = (update: Uint8Array, origin: unknown): void => {
    if (origin === LOAD_ORIGIN) return
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
    this.logCount++
    const frame = encodeUpdate(update)
    for (const conn of this.connections) conn.send(frame)
    this.scheduleCompaction()
  }

  private onAwarenessUpdate = (
    { added, updated, removed }: { added: number[]; updated: number[]; removed: number[] },
    origin: unknown,
  ): void => {
    const conn = origin as RoomConnection | null
    if (conn && typeof conn === 'object' && 'awarenessClientIds' in conn) {
      for (const id of added) conn.awarenessClientIds.add(id)
      for (const id of updated) conn.awarenessClientIds.add(id)
      for (const id of removed) conn.awarenessClientIds.delete(id)
    }
    for (const id of [...added, ...updated, ...removed]) this.pendingAwareness.add(id)
    // Presence is the hot path: encode once per event-loop turn for all connections.
    if (!this.awarenessFlushScheduled) {
      this.awarenessFlushScheduled = true
      setImmediate(this.flushAwareness)
    }
  }

  private flushAwareness = (): void => {
    this.awarenessFlushScheduled = false
    if (this.pendingAwareness.size === 0 || this.connections.size === 0) {
      this.pendingAwareness.clear()
      return
    }
    const frame = encodeAwareness(
      awarenessProtocol.encodeAwarenessUpdate(this.awareness, [...this.pendingAwareness]),
    )
    this.pendingAwareness.clear()
    for (const conn of this.connections) conn.send(frame)
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
