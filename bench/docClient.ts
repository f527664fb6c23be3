import * as decoding from 'lib0/decoding'
import { YKeyValue } from 'y-utility/y-keyvalue'
import * as Y from 'yjs'
import { FIELDS_MAP } from '../shared/recordLayout'
import { Connection, type Endpoint } from './connection'
import { readIncoming, STEP1, STEP2, SYNC, UPDATE } from './wire'

const REMOTE = Symbol('remote')

/**
 * A full Yjs client over one Connection: the sync protocol both ways, so its document follows the
 * room. Writers, seeders and verifiers use it; the many cheap clients do not (see loadClient.ts).
 */
export class DocClient {
  readonly doc = new Y.Doc()
  readonly kv = new YKeyValue<unknown>(this.doc.getArray<{ key: string; val: unknown }>('tl_records'))
  /** The records' field entries (shared/recordLayout.ts): a move writes only `<id>@xy`. */
  readonly fields = this.doc.getMap<unknown>(FIELDS_MAP)
  readonly conn: Connection
  /** process.hrtime when the frame that completed the initial sync (the server's step 2) arrived. */
  syncedAtNs: bigint | null = null
  /** Frames and payload bytes received up to and including that frame. */
  syncFrames = 0
  syncBytes = 0
  largestSyncFrame = 0
  private readonly synced: Promise<void>

  /**
   * `follow: false`: a writer that only sends (its updates touch only its own items, so any
   * server takes them) and never applies what it receives, so many writers cost the harness
   * nothing per update of the others.
   */
  constructor(endpoint: Endpoint, options: { follow?: boolean } = {}) {
    const follow = options.follow ?? true
    this.conn = new Connection(endpoint)
    let resolveSynced = () => {}
    this.synced = new Promise<void>((resolve) => {
      resolveSynced = resolve
    })
    this.conn.onFrame = (data) => {
      if (this.syncedAtNs === null) {
        this.syncFrames++
        this.syncBytes += data.byteLength
        this.largestSyncFrame = Math.max(this.largestSyncFrame, data.byteLength)
      }
      const arrivedNs = process.hrtime.bigint()
      const msg = readIncoming(endpoint.framing, data)
      if (msg.type !== SYNC) return
      const body = decoding.readVarUint8Array(msg.decoder)
      if (msg.step === STEP1) {
        this.conn.send(this.conn.enc.sync(STEP2, Y.encodeStateAsUpdate(this.doc, body)))
      } else if (msg.step === STEP2 || msg.step === UPDATE) {
        if (follow || msg.step === STEP2) Y.applyUpdate(this.doc, body, REMOTE)
        if (msg.step === STEP2 && this.syncedAtNs === null) {
          // When the last byte of the server's state arrived, not when this client had applied it.
          this.syncedAtNs = arrivedNs
          resolveSynced()
        }
      }
    }
    this.doc.on('update', (update: Uint8Array, origin: unknown) => {
      if (origin !== REMOTE) this.conn.send(this.conn.enc.sync(UPDATE, update))
    })
    void this.conn.ready.then(
      () => this.conn.send(this.conn.enc.sync(STEP1, Y.encodeStateVector(this.doc))),
      () => {},
    )
  }

  /** Resolves once the server's state has arrived; rejects after `ms`. */
  async whenSynced(ms = 30_000): Promise<void> {
    await this.conn.ready
    let timer: NodeJS.Timeout | undefined
    const timeout = new Promise<never>((_, reject) => {
      timer = setTimeout(() => reject(new Error(`not synced in ${ms} ms`)), ms)
    })
    try {
      await Promise.race([this.synced, timeout])
    } finally {
      clearTimeout(timer)
    }
  }

  /** Waits until `predicate` holds on this client's document, polling; false after `ms`. */
  async until(predicate: () => boolean, ms: number): Promise<boolean> {
    const deadline = Date.now() + ms
    while (!predicate()) {
      if (Date.now() > deadline) return false
      await new Promise((r) => setTimeout(r, 20))
    }
    return true
  }

  async close(): Promise<void> {
    this.conn.close()
    await this.conn.closed()
    this.doc.destroy()
  }
}
