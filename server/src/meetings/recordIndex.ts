import * as Y from 'yjs'
import type { BoardRecord } from '../../../templates/src/boardRecords'
import { RECORDS_ARRAY } from '../../../templates/src/wire'

/** One { key, val } entry of the records array, compared by identity. */
export interface RecordEntry {
  key: string
  val: BoardRecord
}

/**
 * The board records as every client sees them: per key, the right-most live entry of the
 * records array (y-utility's YKeyValue rule; the order inside an update does not matter).
 * It never writes. While a transaction runs it keeps a journal of each touched key's value
 * before the transaction, so a judge can compare before against after.
 */
export class RecordIndex {
  private readonly current = new Map<string, RecordEntry>()
  /** Live entries per key: more than one means duplicates that need a position check. */
  private readonly liveCount = new Map<string, number>()
  private readonly array: Y.Array<RecordEntry>
  /** Key → value before the running batch (undefined: did not exist). */
  readonly journal = new Map<string, BoardRecord | undefined>()
  /** Set when the batch put something on the records list that is not a record entry. */
  problem: string | null = null

  constructor(doc: Y.Doc) {
    this.array = doc.getArray<RecordEntry>(RECORDS_ARRAY)
    for (const entry of this.array.toArray()) {
      if (!isEntry(entry)) continue
      this.liveCount.set(entry.key, (this.liveCount.get(entry.key) ?? 0) + 1)
      this.current.set(entry.key, entry) // later (right-most) wins
    }
    this.array.observe(this.onChange)
  }

  get(id: string): BoardRecord | undefined {
    return this.current.get(id)?.val
  }

  /** The record as it was before the running batch. */
  before(id: string): BoardRecord | undefined {
    return this.journal.has(id) ? this.journal.get(id) : this.get(id)
  }

  /** Every shape as it was before the running batch. */
  shapesBefore(): Iterable<BoardRecord> {
    return this.recordsBefore('shape')
  }

  /** Every binding (an arrow's end held to a shape) as it was before the running batch. */
  bindingsBefore(): Iterable<BoardRecord> {
    return this.recordsBefore('binding')
  }

  private *recordsBefore(typeName: string): Iterable<BoardRecord> {
    for (const [key, entry] of this.current) {
      const val = this.journal.has(key) ? this.journal.get(key) : entry.val
      if (val?.typeName === typeName) yield val
    }
    for (const [key, val] of this.journal) {
      if (!this.current.has(key) && val?.typeName === typeName) yield val
    }
  }

  /** Every asset (a pasted picture's data) as it was before the running batch. */
  *assetsBefore(): Iterable<BoardRecord> {
    for (const [key, entry] of this.current) {
      const val = this.journal.has(key) ? this.journal.get(key) : entry.val
      if (val?.typeName === 'asset') yield val
    }
    for (const [key, val] of this.journal) {
      if (!this.current.has(key) && val?.typeName === 'asset') yield val
    }
  }

  /** Starts a new batch: forget the journal. */
  beginBatch(): void {
    this.journal.clear()
    this.problem = null
  }

  destroy(): void {
    this.array.unobserve(this.onChange)
  }

  private onChange = (event: Y.YArrayEvent<RecordEntry>): void => {
    const touched = new Set<string>()
    const remember = (key: string) => {
      if (!this.journal.has(key)) this.journal.set(key, this.current.get(key)?.val)
      touched.add(key)
    }
    for (const item of event.changes.deleted) {
      for (const entry of item.content.getContent() as RecordEntry[]) {
        if (!isEntry(entry)) continue
        remember(entry.key)
        this.liveCount.set(entry.key, (this.liveCount.get(entry.key) ?? 1) - 1)
        if (this.current.get(entry.key) === entry) this.current.delete(entry.key)
      }
    }
    const addedOnce = new Map<string, RecordEntry>()
    for (const item of event.changes.added) {
      if (!(item.content instanceof Y.ContentAny)) {
        this.problem = 'the board records hold something that is not a record'
        continue
      }
      for (const entry of item.content.getContent() as RecordEntry[]) {
        if (!isEntry(entry)) {
          this.problem = 'a board record is not a { key, val } entry with a matching id'
          continue
        }
        remember(entry.key)
        this.liveCount.set(entry.key, (this.liveCount.get(entry.key) ?? 0) + 1)
        addedOnce.set(entry.key, entry)
      }
    }
    const ambiguous = new Set<string>()
    for (const key of touched) {
      const live = this.liveCount.get(key) ?? 0
      if (live <= 0) {
        this.liveCount.delete(key)
        this.current.delete(key)
      } else if (live === 1 && addedOnce.has(key)) {
        this.current.set(key, addedOnce.get(key)!)
      } else if (live === 1 && this.current.has(key)) {
        // the one live entry is the one we had
      } else {
        ambiguous.add(key)
      }
    }
    if (ambiguous.size > 0) this.resolveByPosition(ambiguous)
  }

  /** Duplicates: walk the list from the right; the first live entry per key wins (YKeyValue). */
  private resolveByPosition(keys: Set<string>): void {
    for (const key of keys) this.current.delete(key)
    const values = this.array.toArray()
    for (let i = values.length - 1; i >= 0 && keys.size > 0; i--) {
      const entry = values[i]
      if (!isEntry(entry) || !keys.has(entry.key)) continue
      this.current.set(entry.key, entry)
      keys.delete(entry.key)
    }
  }
}

export function isEntry(value: unknown): value is RecordEntry {
  if (typeof value !== 'object' || value === null) return false
  const { key, val } = value as { key?: unknown; val?: unknown }
  if (typeof key !== 'string' || typeof val !== 'object' || val === null || Array.isArray(val)) return false
  const record = val as BoardRecord
  return record.id === key && typeof record.typeName === 'string'
}
