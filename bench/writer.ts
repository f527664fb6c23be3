import * as Y from 'yjs'
import { fieldKey } from '../shared/recordLayout'
import type { DocClient } from './docClient'
import { benchNote } from './targets'
import { marker } from './wire'

/** Notes per update when filling a board: about 110 KB a frame, well under every frame limit. */
const SEED_CHUNK = 250

/**
 * Fills a board with `count` notes in updates of SEED_CHUNK notes, spaced so that no rate limit
 * counts them as a flood; resolves when the writer's own document holds them all.
 */
export async function seedNotes(
  client: DocClient,
  authorId: string,
  count: number,
  prefix = 'seed',
): Promise<number> {
  for (let start = 0; start < count; start += SEED_CHUNK) {
    client.doc.transact(() => {
      for (let i = start; i < Math.min(count, start + SEED_CHUNK); i++) {
        const id = `shape:${prefix}${i}`
        client.kv.set(id, benchNote(id, authorId, i))
      }
    })
    await new Promise((r) => setTimeout(r, 10))
  }
  return Y.encodeStateAsUpdate(client.doc).byteLength
}

/**
 * One person dragging a note: `hz` moves a second of one note, each update carrying a marker
 * (writer id, sequence number, send time) for the probes. Without a marker a move is written as
 * our client writes it (shared/recordLayout.ts): the note once whole, then only its place.
 */
export class MovingWriter {
  sent = 0
  private timer: NodeJS.Timeout | null = null
  private readonly base: { x: number; y: number; meta: Record<string, unknown> } & Record<string, unknown>

  constructor(
    private readonly client: DocClient,
    authorId: string,
    readonly writerId = 0,
    readonly noteId = 'shape:mover',
    private readonly withMarker = true,
  ) {
    this.base = benchNote(noteId, authorId, 0, 'Ik word verplaatst') as unknown as typeof this.base
  }

  /** One move now. */
  move(): void {
    const seq = ++this.sent
    if (!this.withMarker && seq > 1) {
      this.client.fields.set(fieldKey(this.noteId, 'xy'), [this.base.x + (seq % 200) * 3, this.base.y])
      return
    }
    const meta = this.withMarker
      ? { ...this.base.meta, bench: marker(this.writerId, seq, process.hrtime.bigint()) }
      : this.base.meta
    this.client.kv.set(this.noteId, { ...this.base, x: this.base.x + (seq % 200) * 3, meta })
  }

  start(hz: number): void {
    this.timer = setInterval(() => this.move(), 1000 / hz)
  }

  stop(): number {
    if (this.timer) clearInterval(this.timer)
    this.timer = null
    return this.sent
  }
}
