import type { Socket } from 'node:net'
import { WebSocket } from 'ws'
import { Encoder, type Framing, readIncoming } from './wire'

/** Where and how one client connects: everything a worker thread needs, as plain data. */
export interface Endpoint {
  url: string
  /** Sec-WebSocket-Protocol offers (ours: the room protocol and the session token). */
  protocols: string[]
  framing: Framing
  /** The document's name inside the protocol (Hocuspocus); the room name for the others. */
  docName: string
}

const OPEN_TIMEOUT_MS = 20_000

/**
 * One WebSocket speaking one framing, with counters. `ready` resolves once messages may flow
 * (Hocuspocus: after its Authenticated answer). No compression is offered: the servers here do
 * not enable it by default, and the bench counts plain bytes.
 */
export class Connection {
  readonly ws: WebSocket
  readonly enc: Encoder
  readonly ready: Promise<void>
  framesIn = 0
  payloadBytesIn = 0
  closeCode: number | null = null
  /** Called for every frame after the counters, with the raw bytes (not decoded). */
  onFrame: ((data: Buffer) => void) | null = null

  constructor(readonly endpoint: Endpoint) {
    this.enc = new Encoder(endpoint.framing, endpoint.docName)
    this.ws = new WebSocket(endpoint.url, endpoint.protocols, { perMessageDeflate: false })
    this.ws.binaryType = 'nodebuffer'
    this.ready = new Promise<void>((resolve, reject) => {
      const timer = setTimeout(
        () => reject(new Error(`no connection in ${OPEN_TIMEOUT_MS} ms`)),
        OPEN_TIMEOUT_MS,
      )
      const done = () => {
        clearTimeout(timer)
        resolve()
      }
      this.ws.once('error', (error) => {
        clearTimeout(timer)
        reject(error)
      })
      this.ws.once('close', (code) => {
        clearTimeout(timer)
        reject(new Error(`closed before ready (${code})`))
      })
      this.ws.once('open', () => {
        const auth = this.enc.auth()
        if (!auth) return done()
        this.ws.send(auth)
        const waitAuth = (data: Buffer) => {
          if (readIncoming(endpoint.framing, data).authenticated) {
            this.ws.off('message', waitAuth)
            done()
          }
        }
        this.ws.on('message', waitAuth)
      })
    })
    this.ready.catch(() => {})
    this.ws.on('message', (data: Buffer) => {
      this.framesIn++
      this.payloadBytesIn += data.byteLength
      this.onFrame?.(data)
    })
    this.ws.on('error', () => {})
    this.ws.on('close', (code) => {
      this.closeCode = code
    })
  }

  get open(): boolean {
    return this.ws.readyState === WebSocket.OPEN
  }

  send(frame: Uint8Array): void {
    if (this.open) this.ws.send(frame)
  }

  /** Bytes read from the TCP socket so far (frames with their WebSocket headers). */
  wireBytesIn(): number {
    return (this.ws as unknown as { _socket?: Socket })._socket?.bytesRead ?? 0
  }

  close(): void {
    if (this.ws.readyState === WebSocket.CONNECTING || this.ws.readyState === WebSocket.OPEN) this.ws.close()
  }

  /** Resolves when the socket is closed (or after `ms`). */
  closed(ms = 3000): Promise<void> {
    if (this.ws.readyState === WebSocket.CLOSED) return Promise.resolve()
    return new Promise((resolve) => {
      const timer = setTimeout(() => {
        this.ws.terminate()
        resolve()
      }, ms)
      this.ws.once('close', () => {
        clearTimeout(timer)
        resolve()
      })
    })
  }
}
