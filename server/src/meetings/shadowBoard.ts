import * as Y from 'yjs'
import type { RecordChange } from '../../../shared/recordPolicy'
import { fieldsMap, recordsArray } from '../board/boardRecords'
import { RecordIndex } from './recordIndex'

/** What an update would do to the board: the record changes, or why it cannot be judged. */
export type Effect =
  | { ok: true; changes: RecordChange[]; index: RecordIndex }
  | { ok: false; reason: string; outOfSync?: boolean }

/**
 * A private copy of a room's document on which an incoming update is tried first. Yjs decides
 * what an update does (pending structs, several sections per client, duplicate keys, GC structs),
 * so the judge reads the effect from the copy, before against after, instead of reasoning about
 * the encoding. Only if the effect is allowed does the room apply the same update to the live
 * document, which then reaches the same state. A refused try leaves the copy changed: it is
 * rebuilt from the live document before the next try.
 */
export class ShadowBoard {
  private doc!: Y.Doc
  private index!: RecordIndex
  private records: unknown = null
  private fields: unknown = null
  private stale = true

  constructor(private readonly live: Y.Doc) {}

  /** Tries an update on the copy and reports its effect on the board records. */
  tryUpdate(update: Uint8Array): Effect {
    if (this.stale) this.rebuild()
    this.index.beginBatch()
    let foreign: string | null = null
    const onTransaction = (tr: Y.Transaction) => {
      for (const [type, keys] of tr.changed) {
        if (type === this.fields) continue // judged by its keys, in the index
        if (type !== this.records) foreign = 'writes outside the board records'
        else if ([...keys].some((key) => key !== null)) foreign = 'a keyed entry on the board records list'
      }
    }
    this.doc.on('afterTransaction', onTransaction)
    // From here on the copy may differ from the live document until it is accepted.
    this.stale = true
    try {
      Y.applyUpdate(this.doc, update)
    } finally {
      this.doc.off('afterTransaction', onTransaction)
    }
    if (this.doc.store.pendingStructs || this.doc.store.pendingDs) {
      return { ok: false, reason: 'depends on changes the room does not have', outOfSync: true }
    }
    if (foreign) return { ok: false, reason: foreign }
    this.index.endBatch()
    if (this.index.problem) return { ok: false, reason: this.index.problem }
    const changes: RecordChange[] = []
    for (const [id, prev] of this.index.journal) {
      const next = this.index.get(id)
      if (prev === next) continue
      changes.push({ id, prev: prev ?? null, next: next ?? null })
    }
    return { ok: true, changes, index: this.index }
  }

  /** The tried update was accepted and applied to the live document too: the copy is current. */
  accepted(): void {
    this.stale = false
  }

  /** The live document changed without a try (the server's own writes): follow it. */
  follow(update: Uint8Array): void {
    if (this.stale) return // rebuilt from the live document before the next try anyway
    Y.applyUpdate(this.doc, update)
  }

  destroy(): void {
    if (this.index) this.index.destroy()
    if (this.doc) this.doc.destroy()
  }

  private rebuild(): void {
    this.destroy()
    this.doc = new Y.Doc({ gc: true })
    Y.applyUpdate(this.doc, Y.encodeStateAsUpdate(this.live))
    this.records = recordsArray(this.doc)
    this.fields = fieldsMap(this.doc)
    this.index = new RecordIndex(this.doc)
    this.stale = false
  }
}
