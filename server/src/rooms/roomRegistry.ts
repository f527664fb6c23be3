import type { RoomStore } from '../storage/roomStore'
import { Room, type RoomOptions } from './room'

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
 * accepted, and leaves memory some time after its last connection left, once stored.
 */
export class RoomRegistry {
  private readonly rooms = new Map<string, Room>()
  private readonly idleTimers = new Map<string, NodeJS.Timeout>()

  constructor(
    private readonly store: RoomStore,
    private readonly options: RoomRegistryOptions = {},
  ) {}

  /**
   * The live room, loading it if needed. Throws RoomLoadError (a failed load caches nothing) or
   * RoomsFullError (no room may be loaded now).
   */
  acquire(roomId: string): Room {
    this.cancelIdle(roomId)
    let room = this.rooms.get(roomId)
    if (room?.isBroken) {
      this.drop(roomId, { store: false })
      room = undefined
    }
    if (!room) {
      this.makeSpace()
      room = Room.load(roomId, this.store, { log: this.options.log, ...this.options.roomOptions?.(roomId) })
      this.rooms.set(roomId, room)
    }
    return room
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
      if (room.connections.size === 0) this.drop(roomId, { store: true })
    }, this.options.idleMs ?? 30_000)
    timer.unref()
    this.idleTimers.set(roomId, timer)
  }

  get size(): number {
    return this.rooms.size
  }

  /**
   * Closes a room's connections with `code`, frees it without storing, and erases what storage
   * holds for it. Nothing of the room remains in memory or on disk afterwards.
   */
  erase(roomId: string, code: number, reason: string): void {
    const room = this.rooms.get(roomId)
    if (room) {
      for (const conn of room.connections) conn.close(code, reason)
      this.drop(roomId, { store: false })
    }
    this.store.erase(roomId)
  }

  /** Compacts and frees every room (at shutdown). */
  closeAll(): void {
    for (const roomId of [...this.rooms.keys()]) this.drop(roomId, { store: true })
  }

  /** Frees empty rooms (longest idle first) until one more fits; throws RoomsFullError if none is empty. */
  private makeSpace(): void {
    const max = this.options.maxRooms ?? 2000
    if (this.rooms.size < max) return
    // idleTimers keeps insertion order: the room that emptied first comes first.
    const empty = [...this.idleTimers.keys(), ...this.rooms.keys()]
    for (const roomId of empty) {
      if (this.rooms.size < max) return
      if (this.rooms.get(roomId)?.connections.size === 0) {
        this.options.log?.('room freed early: rooms in memory at their limit', { room: roomId, max })
        this.drop(roomId, { store: true })
      }
    }
    if (this.rooms.size >= max) throw new RoomsFullError(max)
  }

  private drop(roomId: string, { store }: { store: boolean }): void {
    const room = this.rooms.get(roomId)
    if (!room) return
    this.cancelIdle(roomId)
    this.rooms.delete(roomId)
    if (store && !room.isBroken) {
      try {
        room.compact()
      } catch (error) {
        // The append log still holds every update; the snapshot is only an optimisation.
        this.options.log?.('compaction at unload failed; the log is kept', {
          room: roomId,
          error: String(error),
        })
      }
    }
    room.destroy()
  }

  private cancelIdle(roomId: string): void {
    const timer = this.idleTimers.get(roomId)
    if (timer) clearTimeout(timer)
    this.idleTimers.delete(roomId)
  }
}
