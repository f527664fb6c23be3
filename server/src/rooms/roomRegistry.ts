import type { RoomStore } from '../storage/roomStore'
import { Room, type RoomOptions } from './room'

export interface RoomRegistryOptions {
  /** How long an empty room stays in memory before it is compacted and freed. */
  idleMs?: number
  /** Options for each room, chosen per room id (meetings get a guard, free boards none). */
  roomOptions?: (roomId: string) => RoomOptions
  log?: (line: string, fields?: Record<string, unknown>) => void
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

  /** The live room, loading it if needed. Throws RoomLoadError; a failed load caches nothing. */
  acquire(roomId: string): Room {
    this.cancelIdle(roomId)
    let room = this.rooms.get(roomId)
    if (room?.isBroken) {
      this.drop(roomId, { store: false })
      room = undefined
    }
    if (!room) {
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
