import type * as Y from 'yjs'
import type { BoardRecord } from '../../../templates/src/boardRecords'
import { RECORDS_ARRAY } from '../../../templates/src/wire'

/** One { key, val } entry of the records array, compared by identity. */
export interface RecordEntry {
  key: string
  val: BoardRecord
}

/**
 * A read-only view of the room's records (YKeyValue layout) keyed by record id, kept current by
 * observing the array. Unlike YKeyValue it never writes: the server only reads client records.
 */
export class RecordIndex {
  readonly entries = new Map<string, RecordEntry>()
  private readonly array: Y.Array<RecordEntry>

  constructor(doc: Y.Doc) {
    this.array = doc.getArray<RecordEntry>(RECORDS_ARRAY)
    // Later entries win, as in YKeyValue.
    for (const entry of this.array.toArray()) this.entries.set(entry.key, entry)
    this.array.observe(this.onChange)
  }

  get(id: string): BoardRecord | undefined {
    return this.entries.get(id)?.val
  }

  isCurrent(entry: RecordEntry): boolean {
    return this.entries.get(entry.key) === entry
  }

  *shapes(): Iterable<BoardRecord> {
    for (const { val } of this.entries.values()) if (val?.typeName === 'shape') yield val
  }

  destroy(): void {
    this.array.unobserve(this.onChange)
  }

  private onChange = (event: Y.YArrayEvent<RecordEntry>): void => {
    const touched = new Set<string>()
    for (const item of event.changes.deleted) {
      for (const entry of item.content.getContent() as RecordEntry[]) {
        if (this.entries.get(entry.key) === entry) {
          this.entries.delete(entry.key)
          touched.add(entry.key)
        }
      }
    }
    for (const item of event.changes.added) {
      for (const entry of item.content.getContent() as RecordEntry[]) {
        this.entries.set(entry.key, entry)
        touched.delete(entry.key)
      }
    }
    // A deleted current entry may leave an older duplicate (concurrent writes): find it.
    if (touched.size > 0) {
      for (const entry of this.array.toArray()) if (touched.has(entry.key)) this.entries.set(entry.key, entry)
    }
  }
}
