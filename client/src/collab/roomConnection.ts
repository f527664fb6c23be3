import type { Awareness } from 'y-protocols/awareness'
import { YKeyValue } from 'y-utility/y-keyvalue'
import { WebsocketProvider } from 'y-websocket'
import * as Y from 'yjs'
import { CloseCode } from '../../../shared/closeCodes'
import { FIELDS_MAP } from '../../../shared/recordLayout'
import { roomProtocols } from '../../../shared/roomHandshake'
import { RECORDS_ARRAY } from '../../../shared/wire'
import { MESSAGE_REFUSED, type Refusal, readRefusal } from './refusal'

/**
 * One room on the server: a Yjs document, its WebSocket provider and the key-value view of the
 * board records. No React and no tldraw here, so Node tests can open rooms the same way.
 *
 * Document layout (a contract with the server, shared/recordLayout.ts): the array
 * `tl_records` holds `{ key, val }` pairs managed by y-utility's YKeyValue; key = tldraw record
 * id, val = the record's base as plain JSON; the map `tl_fields` holds a shape's place and text
 * as values of their own, which win over the base's copy. Only document-scope records live
 * there; presence goes through awareness.
 */
export { FIELDS_MAP, RECORDS_ARRAY }
export const CLOSE_TOO_BIG = CloseCode.tooBig
export const CLOSE_BAD_UPDATE = CloseCode.badUpdate

export interface RoomConnection {
  readonly roomId: string
  readonly doc: Y.Doc
  readonly provider: WebsocketProvider
  readonly awareness: Awareness
  /** The board records: tldraw record id → record (plain JSON, not trusted). */
  readonly records: YKeyValue<unknown>
  /** The records' field entries (`<id>@xy`, `<id>@text`; plain JSON, not trusted). */
  readonly fields: Y.Map<unknown>
  /** Resolves when the first sync with the server has completed. */
  readonly firstSync: Promise<void>
  /** Leaves the room: clears presence, closes the socket, frees the document. */
  destroy(): void
}

export interface OpenRoomOptions {
  roomId: string
  /** Base WebSocket URL; the room is at `${serverUrl}/${roomId}`. See `roomServerUrl`. */
  serverUrl: string
  /** A meeting room's session token; sent in Sec-WebSocket-Protocol, never in the URL. */
  token?: string
  /** For Node, which has no global WebSocket before version 22 (pass `ws`). */
  WebSocketPolyfill?: typeof WebSocket
  /** The server refused one of our updates; the caller should start over with a fresh room. */
  onRefused?(refusal: Refusal): void
}

/** The same-origin room server: `ws(s)://<host>/yjs`. */
export function roomServerUrl(location: Pick<Location, 'protocol' | 'host'> = window.location): string {
  return `${location.protocol === 'https:' ? 'wss' : 'ws'}://${location.host}/yjs`
}

/** A server close in 4400-4499 means "do not come back" (y-websocket's default); others are transient. */
function shouldReconnect(event: CloseEvent): boolean {
  return !(event.code >= 4400 && event.code < 4500)
}

/** Opens a room with a fresh document and connects to it. */
export function openRoom(options: OpenRoomOptions): RoomConnection {
  const doc = new Y.Doc()
  const records = new YKeyValue<unknown>(doc.getArray<{ key: string; val: unknown }>(RECORDS_ARRAY))
  const fields = doc.getMap<unknown>(FIELDS_MAP)
  const provider = new WebsocketProvider(options.serverUrl, options.roomId, doc, {
    // Tabs of one browser talk through the server, not a BroadcastChannel: a refused update
    // must not travel to a sibling tab that would then be refused in turn.
    disableBc: true,
    shouldReconnect,
    // Proxies log URLs, so the token travels as a subprotocol (see roomHandshake).
    protocols: roomProtocols(options.token),
    ...(options.WebSocketPolyfill ? { WebSocketPolyfill: options.WebSocketPolyfill } : {}),
  })
  provider.messageHandlers[MESSAGE_REFUSED] = (_encoder, decoder) => {
    options.onRefused?.(readRefusal(decoder))
  }

  const firstSync = new Promise<void>((resolve) => {
    if (provider.synced) return resolve()
    const onSync = (synced: boolean) => {
      if (!synced) return
      provider.off('sync', onSync)
      resolve()
    }
    provider.on('sync', onSync)
  })

  let destroyed = false
  return {
    roomId: options.roomId,
    doc,
    provider,
    awareness: provider.awareness,
    records,
    fields,
    firstSync,
    destroy() {
      if (destroyed) return
      destroyed = true
      // Tell the others we left before the socket closes, so our cursor disappears at once.
      provider.awareness.setLocalState(null)
      provider.destroy()
      provider.awareness.destroy()
      doc.destroy()
    },
  }
}
