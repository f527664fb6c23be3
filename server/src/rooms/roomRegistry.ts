import type { RoomStore } from '../storage/roomStore'
import { Room } from './room'
import type { RoomOptions } from './roomOptions'

export interface RoomRegistryOptions {
  /** How long an empty room stays in memory before it is compacted and freed. */
  idleMs?: number
  /** Options for each room, chosen per room id (meetings get a guard, free boards none). */
  roomOptions?: (roomId: string) => RoomOptions
  /** Rooms held in memory at most; when full, empty rooms are freed first (default 2000). */
  maxRooms?: number
  log?: (line: string, fields?: Record<string, unknown>) => void
}

/** Every room in memory has people in it and no more rooms may be loaded. */
export class RoomsFullError extends Error {
  constructor(max: number) {
    super(`all ${max} rooms in memory are in use`)
  }
}

/**
 * The rooms this process holds. A room is loaded from storage before its first connection is
 * accepted, once: everyone asking while it loads waits for the same promise. It leaves memory
 * some time after its last connection left, once stored; a room being freed is loaded again only
 * after it was stored.
 */
export class RoomRegistry {
  private readonly rooms = new Map<string, Room>()
  private readonly loading = new Map<string, Promise<Room>>()
  private readonly closing = new Map<string, Promise<void>>()
  /** Rooms on their way out (being stored), by id. */
  private readonly leaving = new Map<string, Room>()
  private readonly idleTimers = new Map<string, NodeJS.Timeout>()

  constructor(
    private readonly store: RoomStore,
    private readonly options: RoomRegistryOptions = {},
  ) {}

  /**
   * The live room, loading it if needed. Rejects with RoomLoadError (a failed load caches
   * nothing) or RoomsFullError (no room may be loaded now).
   */
  acquire(roomId: string): Promise<Room> {
    this.cancelIdle(roomId)
    const room = this.rooms.get(roomId)
    if (room && !room.isBroken) return Promise.resolve(room)
    if (room) void this.drop(roomId, { store: false })
    let loading = this.loading.get(roomId)
    if (!loading) {
      try {
        this.makeSpace()
      } catch (error) {
        return Promise.reject(error)
      }
      loading = this.load(roomId)
      this.loading.set(roomId, loading)
    }
    return loading
  }

  /** The room if it is in memory; never loads. */
  peek(roomId: string): Room | undefined {
    return this.rooms.get(roomId)
  }

  /** Called when a connection left; an empty room is freed after the idle delay. */
  released(roomId: string): void {
    const room = this.rooms.get(roomId)
    if (!room || room.connections.size > 0) return
    this.cancelIdle(roomId)
    const timer = setTimeout(() => {
      this.idleTimers.delete(roomId)
      if (room.connections.size === 0 && this.rooms.get(roomId) === room)
        void this.drop(roomId, { store: true })
    }, this.options.idleMs ?? 30_000)
    timer.unref()
    this.idleTimers.set(roomId, timer)
  }

  /** The ids of the rooms in memory now. */
  heldIds(): string[] {
    return [...this.rooms.keys()]
  }

  get size(): number {
    return this.rooms.size + this.loading.size
  }

  /**
   * Stops a room storing anything more, in memory or on its way out: what it holds unstored is
   * dropped, and a compaction not yet started never runs (its meeting is being erased).
   */
  discard(roomId: string): void {
    this.rooms.get(roomId)?.discard()
    this.leaving.get(roomId)?.discard()
  }

  /**
   * Closes a room's connections with `code` and frees it without storing what it has not stored
   * yet. Storage is left to the caller (a meeting's room is erased with its meeting).
   */
  async evict(roomId: string, code: number, reason: string): Promise<void> {
    await this.loading.get(roomId)?.catch(() => {})
    const room = this.rooms.get(roomId)
    if (room) {
      room.discard()
      for (const conn of room.connections) conn.close(code, reason)
    }
    await this.drop(roomId, { store: false })
    await this.closing.get(roomId)
  }

  /**
   * Evicts a room and erases what storage holds for it. Nothing of the room remains in memory or
   * in storage afterwards.
   */
  async erase(roomId: string, code: number, reason: string): Promise<void> {
    await this.evict(roomId, code, reason)
    await this.store.erase(roomId)
  }

  /** Compacts and frees every room (at shutdown). */
  async closeAll(): Promise<void> {
    await Promise.allSettled([...this.loading.values()])
    await Promise.all([...this.rooms.keys()].map((roomId) => this.drop(roomId, { store: true })))
    await Promise.all([...this.closing.values()])
  }

  private async load(roomId: string): Promise<Room> {
    try {
      // A room still being stored on its way out comes back only once that is done.
      await this.closing.get(roomId)
      const room = await Room.load(roomId, this.store, {
        log: this.options.log,
        ...this.options.roomOptions?.(roomId),
      })
      this.rooms.set(roomId, room)
      return room
    } finally {
      this.loading.delete(roomId)
    }
  }

  /** Frees empty rooms (longest idle first) until one more fits; throws RoomsFullError if none is empty. */
  private makeSpace(): void {
    const max = this.options.maxRooms ?? 2000
    if (this.size < max) return
    // idleTimers keeps insertion order: the room that emptied first comes first.
    const empty = [...this.idleTimers.keys(), ...this.rooms.keys()]
    for (const roomId of empty) {
      if (this.size < max) return
      if (this.rooms.get(roomId)?.connections.size === 0) {
        this.options.log?.('room freed early: rooms in memory at their limit', { room: roomId, max })
        void this.drop(roomId, { store: true })
      }
    }
    if (this.size >= max) throw new RoomsFullError(max)
  }

  /** Takes the room out of the map at once; storing and destroying it finish in `closing`. */
  private drop(roomId: string, { store }: { store: boolean }): Promise<void> {
    const room = this.rooms.get(roomId)
    if (!room) return Promise.resolve()
    this.cancelIdle(roomId)
    this.rooms.delete(roomId)
    if (!store) room.discard()
    const previous = this.closing.get(roomId)
    this.leaving.set(roomId, room)
    const done = (async () => {
      await previous
      if (store && !room.isBroken) {
        try {
          await room.compact()
        } catch (error) {
          // The append log still holds every update; the snapshot is only an optimisation.
          this.options.log?.('compaction at unload failed; the log is kept', {
            room: roomId,
            error: String(error),
          })
        }
      }
      await room.settled()
      room.destroy()
    })()
    this.closing.set(roomId, done)
    done
      .finally(() => {
        if (this.closing.get(roomId) === done) this.closing.delete(roomId)
        if (this.leaving.get(roomId) === room) this.leaving.delete(roomId)
      })
      .catch((error) => this.options.log?.('freeing a room failed', { room: roomId, error: String(error) }))
    return done
  }

  private cancelIdle(roomId: string): void {
    const timer = this.idleTimers.get(roomId)
    if (timer) clearTimeout(timer)
    this.idleTimers.delete(roomId)
  }
}
