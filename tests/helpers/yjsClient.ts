import { WebSocket } from 'ws'
import { YKeyValue } from 'y-utility/y-keyvalue'
import { WebsocketProvider } from 'y-websocket'
import * as Y from 'yjs'
import { roomProtocols } from '../../shared/roomHandshake'

/** A stock y-websocket client in Node, as any third-party client would connect. */
export interface TestClient {
  doc: Y.Doc
  provider: WebsocketProvider
  kv: YKeyValue<unknown>
  /** Every frame the client received, concatenated, to search for leaked content. */
  received: () => Buffer
  destroy(): void
}

/** How a test client identifies itself: a meeting session token, sent as our client sends it. */
export interface ClientAuth {
  token?: string
}

export function connectClient(serverUrl: string, roomId: string, auth: ClientAuth = {}): TestClient {
  const doc = new Y.Doc()
  const chunks: Buffer[] = []
  // A WebSocket that records what it receives, so tests can search the raw bytes.
  class RecordingWebSocket extends WebSocket {
    constructor(address: string | URL, protocols?: string | string[]) {
      super(address, protocols)
      this.on('message', (data: Buffer) => chunks.push(Buffer.from(data)))
    }
  }
  const provider = new WebsocketProvider(`${serverUrl.replace(/^http/, 'ws')}/yjs`, roomId, doc, {
    WebSocketPolyfill: RecordingWebSocket as unknown as typeof globalThis.WebSocket,
    // The token travels in Sec-WebSocket-Protocol, never in the URL.
    protocols: roomProtocols(auth.token),
    disableBc: true,
  })
  const kv = new YKeyValue(doc.getArray<{ key: string; val: unknown }>('tl_records'))
  return {
    doc,
    provider,
    kv,
    received: () => Buffer.concat(chunks),
    destroy() {
      provider.destroy()
      doc.destroy()
    },
  }
}

export function waitForSync(client: TestClient, timeoutMs = 5000): Promise<void> {
  if (client.provider.synced) return Promise.resolve()
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error('not synced in time')), timeoutMs)
    client.provider.once('sync', () => {
      clearTimeout(timer)
      resolve()
    })
  })
}

/** Polls until the predicate holds (for effects that arrive over the network). */
export async function eventually(
  predicate: () => boolean,
  timeoutMs = 5000,
  what = 'condition',
): Promise<void> {
  const deadline = Date.now() + timeoutMs
  while (!predicate()) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`)
    await new Promise((r) => setTimeout(r, 20))
  }
}
