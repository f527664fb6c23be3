import { YKeyValue } from 'y-utility/y-keyvalue'
import * as Y from 'yjs'
import { Connection, type Endpoint } from './connection'
import {
  AWARENESS,
  awarenessUpdate,
  findMarkers,
  MARK_OPEN,
  marker,
  readIncoming,
  SYNC,
  UPDATE,
} from './wire'

/** Added to a writer id for its cursors' markers, so they never count as that client's edits. */
const CURSOR_MARK_OFFSET = 100_000_000

/** One cheap client as plain data, so the main thread can hand it to a worker. */
export interface LoadClientSpec {
  endpoint: Endpoint
  /** Cursor (awareness) frames a second; 0 for none. */
  cursorHz: number
  /** Edits of its own note a second, each carrying a marker; 0 for none. */
  editHz: number
  /** Marker id of this client's edits (unique in the run). */
  writerId: number
  /** A valid note record to edit (its id and x change), when editHz > 0. */
  note: Record<string, unknown> | null
  /** A presence state as JSON, with `"x":0,"y":0` in its cursor replaced on each send. */
  presence: string
  /** Stamp each cursor with a marker (in the presence's chat message) so the others time it. */
  cursorMarks?: boolean
}

/** What a marker was found in: a document update (a move, an edit) or presence (a cursor). */
export type MarkKind = 'update' | 'cursor'

/** What one client saw since the last reset. */
export interface ClientWindow {
  frames: number
  updateFrames: number
  awarenessFrames: number
  payloadBytes: number
  wireBytes: number
  cursorsSent: number
  editsSent: number
  /** Distinct (writer, seq) markers received, by writer. */
  marksByWriter: Map<number, number>
  closeCode: number | null
}

/**
 * A client that never decodes Yjs: it counts frames, finds the writers' markers by byte search
 * (a probe), and sends cursors and, optionally, edits of a note of its own from a local
 * document that is never synced (its updates only touch its own items, so any server takes them).
 */
export class LoadClient {
  readonly conn: Connection
  private timers: NodeJS.Timeout[] = []
  private clock = 0
  private seq = 0
  private doc: Y.Doc | null = null
  private kv: YKeyValue<unknown> | null = null
  private window = emptyWindow()
  private seen = new Map<number, Set<number>>()
  private wireAtReset = 0

  constructor(
    readonly spec: LoadClientSpec,
    /** Receives each latency in ms (receive time minus the marker's send time), by what carried it. */
    private readonly onLatency: (ms: number, kind: MarkKind) => void,
  ) {
    this.conn = new Connection(spec.endpoint)
    this.conn.onFrame = (data) => this.receive(data)
  }

  async start(): Promise<void> {
    await this.conn.ready
    const jitter = () => Math.random() * 1000
    if (this.spec.cursorHz > 0) this.every(1000 / this.spec.cursorHz, jitter(), () => this.sendCursor())
    if (this.spec.editHz > 0 && this.spec.note) {
      this.doc = new Y.Doc()
      this.kv = new YKeyValue(this.doc.getArray<{ key: string; val: unknown }>('tl_records'))
      this.doc.on('update', (update: Uint8Array) => this.conn.send(this.conn.enc.sync(UPDATE, update)))
      this.every(1000 / this.spec.editHz, jitter(), () => this.sendEdit())
    }
  }

  private every(ms: number, offset: number, fn: () => void): void {
    const first = setTimeout(() => {
      fn()
      this.timers.push(setInterval(fn, ms))
    }, offset % ms)
    this.timers.push(first)
  }

  private receive(data: Buffer): void {
    const w = this.window
    w.frames++
    w.payloadBytes += data.byteLength
    const msg = readIncoming(this.spec.endpoint.framing, data)
    if (msg.type === AWARENESS) w.awarenessFrames++
    else if (msg.type === SYNC && msg.step === UPDATE) w.updateFrames++
    if (data.indexOf(MARK_OPEN) === -1) return
    const now = process.hrtime.bigint()
    const kind: MarkKind = msg.type === AWARENESS ? 'cursor' : 'update'
    // Cursors and moves of one client are told apart by an offset on the writer id.
    const offset = kind === 'cursor' ? CURSOR_MARK_OFFSET : 0
    for (const mark of findMarkers(data)) {
      if (mark.writer === this.spec.writerId) continue
      const key = mark.writer + offset
      let seqs = this.seen.get(key)
      if (!seqs) {
        seqs = new Set()
        this.seen.set(key, seqs)
      }
      if (seqs.has(mark.seq)) continue
      seqs.add(mark.seq)
      this.onLatency(Number(now - mark.sentNs) / 1e6, kind)
    }
  }

  private sendCursor(): void {
    const x = Math.round(Math.random() * 2000)
    const y = Math.round(Math.random() * 1200)
    const clock = ++this.clock
    let state = this.spec.presence.replace('"x":0,"y":0', `"x":${x},"y":${y}`)
    if (this.spec.cursorMarks)
      state = state.replace(
        '"chatMessage":""',
        `"chatMessage":"${marker(this.spec.writerId, clock, process.hrtime.bigint())}"`,
      )
    const id = this.doc?.clientID ?? 1_000_000 + this.spec.writerId
    this.conn.send(this.conn.enc.awareness(awarenessUpdate(id, clock, state)))
    this.window.cursorsSent++
  }

  private sendEdit(): void {
    if (!this.kv || !this.spec.note || !this.conn.open) return
    const id = `shape:load${this.spec.writerId}`
    const note = this.spec.note as { x: number; meta: Record<string, unknown> }
    const seq = ++this.seq
    this.kv.set(id, {
      ...note,
      id,
      x: note.x + (seq % 50) * 4,
      meta: { ...note.meta, bench: marker(this.spec.writerId, seq, process.hrtime.bigint()) },
    })
    this.window.editsSent++
  }

  /** Starts a new measuring window. */
  reset(): void {
    this.window = emptyWindow()
    this.seen = new Map()
    this.wireAtReset = this.conn.wireBytesIn()
  }

  snapshot(): ClientWindow {
    const marksByWriter = new Map<number, number>()
    for (const [writer, seqs] of this.seen) marksByWriter.set(writer, seqs.size)
    return {
      ...this.window,
      wireBytes: this.conn.wireBytesIn() - this.wireAtReset,
      marksByWriter,
      closeCode: this.conn.closeCode,
    }
  }

  async stop(): Promise<void> {
    for (const t of this.timers) clearTimeout(t)
    this.timers = []
    this.conn.close()
    await this.conn.closed()
    this.doc?.destroy()
  }
}

function emptyWindow(): ClientWindow {
  return {
    frames: 0,
    updateFrames: 0,
    awarenessFrames: 0,
    payloadBytes: 0,
    wireBytes: 0,
    cursorsSent: 0,
    editsSent: 0,
    marksByWriter: new Map(),
    closeCode: null,
  }
}
