import {
  type Atom,
  atom,
  type Computed,
  computed,
  createPresenceStateDerivation,
  createTLStore,
  defaultAssetUtils,
  defaultBindingUtils,
  defaultShapeUtils,
  type Signal,
  type TLInstancePresence,
  type TLRecord,
  type TLStore,
  type TLStoreWithStatus,
  type TLUser,
} from 'tldraw'
import { CloseCode } from '../../../shared/closeCodes'
import { bindActivity } from './activity'
import { ConnectionMonitor, type ConnectionState } from './connectionMonitor'
import { drawnFromRoom } from './placeholders'
import { bindPresence } from './presenceBinding'
import { IDENTITY_CODEC, type RecordCodec } from './recordCodec'
import type { Refusal } from './refusal'
import { CLOSE_BAD_UPDATE, CLOSE_TOO_BIG, openRoom, type RoomConnection } from './roomConnection'
import { roomRecord } from './roomRecords'
import { bindStoreToRoom } from './storeBinding'

/** Something the person should know about the board itself (not the connection). */
export type BoardNotice =
  | { kind: 'refused'; refusal: Refusal }
  /** Our update was too large for the server (close 1009); it was dropped. */
  | { kind: 'tooBig' }
  /** The server could not apply our update (close 4422). */
  | { kind: 'badUpdate' }
  /**
   * The board is gone for good: its meeting's facilitator erased it (close 4410), someone with a
   * free board's link did (4411), or it was kept for its whole retention period (4412). Or it is
   * gone for this person: the facilitator removed them from the meeting (4403).
   */
  | { kind: 'erased'; by: ErasedBy }

export type ErasedBy = 'facilitator' | 'link' | 'retention' | 'removed'

const ERASED_BY: Partial<Record<number, ErasedBy>> = {
  [CloseCode.meetingErased]: 'facilitator',
  [CloseCode.boardErased]: 'link',
  [CloseCode.retentionExpired]: 'retention',
  [CloseCode.removedByFacilitator]: 'removed',
}

export interface BoardSessionOptions {
  roomId: string
  /** Base WebSocket URL, see `roomServerUrl`. */
  serverUrl: string
  /** The person at this browser, for presence and tldraw's attribution. */
  $user: Signal<TLUser | null>
  /** Name of the first page if this browser starts the board. */
  getDefaultPageName(): string
  /** A meeting's session token for the room socket. */
  token?: string
  /** Records kept in this browser only (see StoreBindingOptions.isLocalOnly). */
  isLocalOnly?: (record: TLRecord) => boolean
  /** How records change between the room and the store (see recordCodec.ts). */
  codec?: RecordCodec
}

/**
 * A shape this browser held when the session started over that the server does not hold the same
 * way: a change of ours that never made it (refused, too big, or out of step). `server` is the
 * server's version of the record, if it has one (plain JSON, not trusted).
 */
export interface LostShape {
  local: TLRecord
  server: unknown
}

/** Told, once the fresh document has synced and before the store takes the server's state. */
export type RestartListener = (lost: readonly LostShape[], notice: BoardNotice) => void

/** More restarts than this within RESTART_WINDOW_MS and we stop trying (something is badly wrong). */
const MAX_RESTARTS = 5
const RESTART_WINDOW_MS = 60_000

/**
 * One open board: the tldraw store, bound to its room once the first sync has completed.
 *
 * When the server refuses one of our updates (or closes the connection over one), every later
 * update from the same Yjs client would be refused as well. So the session starts over: a fresh
 * document with a new client id, synced from the server, replaces the store's content. The
 * refused change is undone, and the person is told why; what it held is handed to the restart
 * listeners first (a meeting gives the author their text back, see meeting/returned).
 */
export class BoardSession {
  readonly store: TLStore
  readonly $connection: Atom<ConnectionState>
  readonly $notice: Atom<BoardNotice | null>
  /** 'loading' until the first sync; tldraw shows its LoadingScreen meanwhile. */
  readonly $storeWithStatus: Computed<TLStoreWithStatus>

  /** The room currently bound (it changes when the session starts over); null while connecting. */
  readonly $room = atom<RoomConnection | null>('bound room', null)

  private readonly $ready = atom('board ready', false)
  /** Read-only while a restart replaces the content, so no edit is lost in between. */
  private readonly $restarting = atom('board restarting', false)
  /** Read-only by the page's choice (an observer in a meeting). */
  private readonly $readonlyWanted = atom('board read-only wanted', false)
  private readonly $mode = computed<'readonly' | 'readwrite'>('board mode', () =>
    this.$restarting.get() || this.$readonlyWanted.get() ? 'readonly' : 'readwrite',
  )
  private readonly monitor = new ConnectionMonitor()
  private readonly $presence: Signal<TLInstancePresence | null>
  /**
   * What the page lets out of its presence (a meeting hides writing in private zones, see
   * shared/drafts/presencePrivacy.ts); the server applies the same rule again.
   */
  readonly $presenceFilter = atom<((presence: TLInstancePresence | null) => unknown) | null>(
    'presence filter',
    null,
  )
  private room: RoomConnection | null = null
  private unbind: (() => void) | null = null
  private restarts: number[] = []
  /** Why the session is starting over, until the fresh document has synced. */
  private restartNotice: BoardNotice | null = null
  private readonly restartListeners = new Set<RestartListener>()
  private destroyed = false

  constructor(private readonly options: BoardSessionOptions) {
    this.$connection = atom<ConnectionState>('connection', this.monitor.get())
    this.monitor.subscribe((state) => this.$connection.set(state))
    this.$notice = atom<BoardNotice | null>('board notice', null)

    const $connection = this.$connection
    this.store = createTLStore({
      shapeUtils: defaultShapeUtils,
      bindingUtils: defaultBindingUtils,
      assetUtils: defaultAssetUtils,
      users: { currentUser: options.$user },
      collaboration: {
        status: computed('collaboration status', () =>
          $connection.get() === 'online' ? 'online' : 'offline',
        ),
        mode: this.$mode,
      },
    })
    const $rawPresence = createPresenceStateDerivation(options.$user)(this.store)
    this.$presence = computed('presence sent', () => {
      const presence = $rawPresence.get()
      const filter = this.$presenceFilter.get()
      return filter ? (filter(presence) as TLInstancePresence | null) : presence
    })

    const store = this.store
    const $ready = this.$ready
    this.$storeWithStatus = computed<TLStoreWithStatus>('store with status', () => {
      if (!$ready.get()) return { status: 'loading' }
      return {
        status: 'synced-remote',
        connectionStatus: $connection.get() === 'online' ? 'online' : 'offline',
        store,
      }
    })

    this.connect()
  }

  /** Makes the board read-only (or not) for this person, whatever the connection does. */
  setReadonly(readonly: boolean): void {
    this.$readonlyWanted.set(readonly)
  }

  /** Calls `listener` at every restart with the shapes that did not make it; returns the unsubscribe. */
  onRestart(listener: RestartListener): () => void {
    this.restartListeners.add(listener)
    return () => this.restartListeners.delete(listener)
  }

  dismissNotice(): void {
    this.$notice.set(null)
  }

  /** Leaves the room. The store stays usable but is no longer bound. */
  destroy(): void {
    if (this.destroyed) return
    this.destroyed = true
    this.unbind?.()
    this.unbind = null
    this.room?.destroy()
    this.room = null
    this.monitor.destroy()
  }

  private connect(): void {
    const room: RoomConnection = openRoom({
      roomId: this.options.roomId,
      serverUrl: this.options.serverUrl,
      ...(this.options.token ? { token: this.options.token } : {}),
      onRefused: (refusal) => {
        if (this.room === room) this.restart({ kind: 'refused', refusal })
      },
    })
    this.room = room
    this.monitor.watch(room.provider)
    room.provider.on('connection-close', (event) => {
      if (this.room !== room || !event) return
      // Reconnecting would resend the same update and fail the same way.
      if (event.code === CLOSE_TOO_BIG) this.restart({ kind: 'tooBig' })
      else if (event.code === CLOSE_BAD_UPDATE) this.restart({ kind: 'badUpdate' })
      else if (ERASED_BY[event.code]) this.erased(ERASED_BY[event.code]!)
    })
    void room.firstSync.then(() => {
      if (this.room !== room || this.destroyed) return
      const notice = this.restartNotice
      this.restartNotice = null
      if (notice) this.reportLost(room, notice)
      const unbindStore = bindStoreToRoom(this.store, room, {
        defaultPageName: this.options.getDefaultPageName(),
        ...(this.options.isLocalOnly ? { isLocalOnly: this.options.isLocalOnly } : {}),
        ...(this.options.codec ? { codec: this.options.codec } : {}),
      })
      const unbindPresence = bindPresence(this.store, room.awareness, this.$presence)
      const unbindActivity = bindActivity(room.awareness)
      this.unbind = () => {
        unbindActivity()
        unbindPresence()
        unbindStore()
      }
      this.$room.set(room)
      this.$restarting.set(false)
      this.$ready.set(true)
    })
  }

  /** Hands the shapes the store holds and the fresh room does not (or not the same) to the listeners. */
  private reportLost(room: RoomConnection, notice: BoardNotice): void {
    const localOnly = this.options.isLocalOnly ?? (() => false)
    const codec = this.options.codec ?? IDENTITY_CODEC
    const lost: LostShape[] = []
    for (const record of this.store.allRecords()) {
      if (record.typeName !== 'shape' || localOnly(record)) continue
      const server = roomRecord(room, record.id)
      if (!drawnFromRoom(codec.toRoom(record), server)) lost.push({ local: record, server })
    }
    if (lost.length === 0) return
    for (const listener of this.restartListeners) {
      try {
        listener(lost, notice)
      } catch (error) {
        console.error('Intervisiebord: a restart listener failed', error)
      }
    }
  }

  /**
   * The board was erased (close 4410, 4411 or 4412): leave the room and empty the store, so
   * nothing of the meeting stays on this screen or in this tab's memory.
   */
  private erased(by: ErasedBy): void {
    this.unbind?.()
    this.unbind = null
    const old = this.room
    this.room = null
    this.$room.set(null)
    setTimeout(() => old?.destroy(), 0)
    const content = this.store
      .allRecords()
      .filter((r) => r.typeName === 'shape' || r.typeName === 'binding' || r.typeName === 'asset')
      .map((r) => r.id)
    if (content.length > 0) this.store.mergeRemoteChanges(() => this.store.remove(content))
    this.$notice.set({ kind: 'erased', by })
    this.monitor.markClosed()
  }

  private restart(notice: BoardNotice): void {
    if (this.destroyed) return
    this.$notice.set(notice)
    // The first reason counts: a second restart before the sync must not lose what the first held.
    this.restartNotice ??= notice
    this.$restarting.set(true)
    this.unbind?.()
    this.unbind = null
    const old = this.room
    this.room = null
    this.$room.set(null)
    // Called from inside the old provider's message or close handling: let that finish first.
    setTimeout(() => old?.destroy(), 0)

    const now = Date.now()
    this.restarts = [...this.restarts.filter((t) => now - t < RESTART_WINDOW_MS), now]
    if (this.restarts.length > MAX_RESTARTS) {
      this.monitor.markClosed()
      return
    }
    this.connect()
  }
}
