import { expect, it } from 'vitest'
import { WebSocket } from 'ws'
import { WebsocketProvider } from 'y-websocket'
import * as Y from 'yjs'
import { CLOSE_CODE_RECOVERY, CloseCode } from '../../shared/closeCodes'

// Asked of the stock client itself (y-websocket 3: no reconnect for 4400-4499), never connected.
const stock = new WebsocketProvider('ws://127.0.0.1:9', 'room', new Y.Doc(), {
  connect: false,
  disableBc: true,
  WebSocketPolyfill: WebSocket as unknown as typeof globalThis.WebSocket,
})
const stockReconnects = (code: number) => stock.shouldReconnect({ code } as CloseEvent, stock)

it('says for every close code whether a stock client reconnects, and why not when it does not', () => {
  for (const code of Object.values(CloseCode)) {
    const recovery = CLOSE_CODE_RECOVERY[code]
    expect(recovery, `close code ${code} has no recovery decision`).toBeDefined()
    if (stockReconnects(code)) expect(recovery, `close code ${code}`).toBe('reconnects')
    else
      expect(typeof recovery === 'object' && recovery.permanent.length > 10, `close code ${code}`).toBe(true)
  }
})
