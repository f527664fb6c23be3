import * as decoding from 'lib0/decoding'
import * as encoding from 'lib0/encoding'
import { WebSocket } from 'ws'
import * as Y from 'yjs'
import { roomProtocols } from '../../shared/roomHandshake'
import { REFUSED_MESSAGE, type Refusal, readRefusal } from '../../shared/wire'

/** y-websocket message types and sync sub-types (y-protocols/sync). */
const SYNC = 0
const AWARENESS = 1
const STEP1 = 0
const STEP2 = 1
const UPDATE = 2

/** How a hostile frame ended for its sender: our refusal message, a close, or nothing (yet). */
export type Verdict = 'refused' | 'closed' | 'none'

/** Close codes that count as "the server refused this connection's input". */
export function isRefusalClose(code: number | null): boolean {
  return code !== null && ((code >= 4400 && code <= 4499) || code === 1009)
}

/**
 * A raw WebSocket client that speaks y-websocket framing with any payload bytes: what a patched
 * browser can send. It records every frame it receives, our refusals and its close code, and
 * keeps a mirror of the room's document (from sync step 2 and updates) to craft updates against.
 */
export class HostileClient {
  readonly refusals: Refusal[] = []
  readonly mirror = new Y.Doc()
  /** Awareness states this client received, by client id (raw JSON text; 'null' when removed). */
  readonly awareness = new Map<number, string>()
  closeCode: number | null = null
  closeReason = ''
  private readonly frames: Buffer[] = []
  private readonly closed: Promise<void>
  private step2Count = 0
  private listeners = new Set<() => void>()

  private constructor(private readonly ws: WebSocket) {
    ws.binaryType = 'nodebuffer'
    ws.on('message', (data: Buffer) => {
      this.frames.push(Buffer.from(data))
      this.read(new Uint8Array(data))
      this.notify()
    })
    this.closed = new Promise((resolve) => {
      ws.on('close', (code, reason) => {
        this.closeCode = code
        this.closeReason = reason.toString()
        this.notify()
        resolve()
      })
    })
    ws.on('error', () => {})
  }

  /**
   * Opens a connection to a room, asks for the room's state and waits for it.
   * Rejects with the HTTP status when the upgrade is refused (for example 503, 401).
   */
  static async connect(baseUrl: string, roomId: string, token?: string): Promise<HostileClient> {
    // The token travels as our client sends it: in Sec-WebSocket-Protocol.
    const ws = new WebSocket(`${baseUrl.replace(/^http/, 'ws')}/yjs/${roomId}`, roomProtocols(token))
    await new Promise<void>((resolve, reject) => {
      ws.once('open', () => resolve())
      ws.once('unexpected-response', (_req, res) => reject(new Error(`upgrade refused: ${res.statusCode}`)))
      ws.once('error', (error) => reject(error))
    })
    const client = new HostileClient(ws)
    client.sendSyncStep1(new Uint8Array([0]))
    await client.until(() => client.step2Count > 0 || client.closeCode !== null, 5000)
    if (client.step2Count === 0) throw new Error(`closed before sync: ${client.closeCode}`)
    return client
  }

  get isOpen(): boolean {
    return this.ws.readyState === WebSocket.OPEN
  }

  sendSyncStep1(stateVector: Uint8Array): void {
    this.sendSync(STEP1, stateVector)
  }

  sendSyncStep2(update: Uint8Array): void {
    this.sendSync(STEP2, update)
  }

  sendUpdate(update: Uint8Array): void {
    this.sendSync(UPDATE, update)
  }

  sendAwareness(update: Uint8Array): void {
    const e = encoding.createEncoder()
    encoding.writeVarUint(e, AWARENESS)
    encoding.writeVarUint8Array(e, update)
    this.sendRaw(encoding.toUint8Array(e))
  }

  sendRaw(frame: Uint8Array): void {
    if (this.isOpen) this.ws.send(frame, { binary: true })
  }

  /**
   * Waits until the server refused something since `refusalsBefore` or closed the connection;
   * 'none' when neither happened within the time limit.
   */
  async verdict(refusalsBefore: number, timeoutMs = 4000): Promise<Verdict> {
    await this.until(() => this.refusals.length > refusalsBefore || this.closeCode !== null, timeoutMs)
    if (this.refusals.length > refusalsBefore) return 'refused'
    return isRefusalClose(this.closeCode) ? 'closed' : 'none'
  }

  /**
   * Asks for the room's state again and waits for the answer: the server handles a
   * connection's frames in order, so everything sent before has been handled. False if closed.
   */
  async roundTrip(timeoutMs = 4000): Promise<boolean> {
    const before = this.step2Count
    this.sendSyncStep1(Y.encodeStateVector(this.mirror))
    await this.until(() => this.step2Count > before || this.closeCode !== null, timeoutMs)
    return this.step2Count > before
  }

  /** Every frame received, concatenated, to search for leaked content. */
  received(): Buffer {
    return Buffer.concat(this.frames)
  }

  async close(): Promise<void> {
    if (this.closeCode === null) this.ws.close()
    await this.closed
    this.mirror.destroy()
  }

  private sendSync(type: number, payload: Uint8Array): void {
    const e = encoding.createEncoder()
    encoding.writeVarUint(e, SYNC)
    encoding.writeVarUint(e, type)
    encoding.writeVarUint8Array(e, payload)
    this.sendRaw(encoding.toUint8Array(e))
  }

  private read(data: Uint8Array): void {
    try {
      const d = decoding.createDecoder(data)
      const type = decoding.readVarUint(d)
      if (type === SYNC) {
        const sub = decoding.readVarUint(d)
        if (sub === STEP1) return
        const update = decoding.readVarUint8Array(d)
        if (sub === STEP2) this.step2Count++
        this.applyToMirror(update)
      } else if (type === AWARENESS) {
        const u = decoding.createDecoder(decoding.readVarUint8Array(d))
        const count = decoding.readVarUint(u)
        for (let i = 0; i < count; i++) {
          const clientId = decoding.readVarUint(u)
          decoding.readVarUint(u)
          this.awareness.set(clientId, decoding.readVarString(u))
        }
      } else if (type === REFUSED_MESSAGE) {
        this.refusals.push(readRefusal(d))
      }
    } catch {
      // The server may send what a mirror cannot read; the raw bytes are kept anyway.
    }
  }

  private applyToMirror(update: Uint8Array): void {
    try {
      Y.applyUpdate(this.mirror, update)
    } catch {
      // A mirror that cannot follow only weakens crafting, not the recording.
    }
  }

  private until(predicate: () => boolean, timeoutMs: number): Promise<void> {
    if (predicate()) return Promise.resolve()
    return new Promise((resolve) => {
      const done = () => {
        clearTimeout(timer)
        this.listeners.delete(check)
        resolve()
      }
      const check = () => {
        if (predicate()) done()
      }
      const timer = setTimeout(done, timeoutMs)
      this.listeners.add(check)
    })
  }

  private notify(): void {
    for (const listener of [...this.listeners]) listener()
  }
}
