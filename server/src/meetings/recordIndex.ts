import * as Y from 'yjs'
import type { BoardRecord } from '../../../shared/boardRecords'
import {
  composeRecord,
  fieldKey,
  hasFieldEntries,
  isFieldValue,
  parseFieldKey,
} from '../../../shared/recordLayout'
import { fieldsMap, isEntry, type RecordEntry, recordsArray } from '../board/boardRecords'

export { isEntry, type RecordEntry }

/**
 * The board records as every client sees them, kept up to date incrementally by the same rules
 * as the one reader (server/src/board/boardRecords.ts): per key, the right-most live entry of the
 * records array (y-utility's YKeyValue rule; the order inside an update does not matter), with the
 * record's field entries (recordLayout.ts) laid over it. It never writes. While a transaction runs
 * it keeps a journal of each touched record's composed value before the transaction, so a judge
 * compares the whole record before against after, whichever entries an update changed.
 */
export class RecordIndex {
  private readonly current = new Map<string, RecordEntry>()
  /** Live entries per key: more than one means duplicates that need a position check. */
  private readonly liveCount = new Map<string, number>()
  private readonly array: Y.Array<unknown>
  private readonly fields: Y.Map<unknown>
  /**
   * The field entries as this index last saw them: observers run after the whole transaction, so
   * the map itself already holds the new values when the records list's observer journals.
   */
  private readonly fieldValues = new Map<string, unknown>()
  /** Composed records, by id, built on first read after a change. */
  private readonly composed = new Map<string, BoardRecord>()
  /** Record id → composed value before the running batch (undefined: did not exist). */
  readonly journal = new Map<string, BoardRecord | undefined>()
  /** Field entries the running batch set, by record id (each must belong to a record). */
  private readonly fieldsSet = new Set<string>()
  /** Set when the batch put something on the records list that is not a record entry. */
  problem: string | null = null

  constructor(doc: Y.Doc) {
    this.array = recordsArray(doc)
    this.fields = fieldsMap(doc)
    for (const entry of this.array.toArray()) {
      if (!isEntry(entry)) continue
      this.liveCount.set(entry.key, (this.liveCount.get(entry.key) ?? 0) + 1)
      this.current.set(entry.key, entry) // later (right-most) wins
    }
    for (const [key, value] of this.fields.entries()) this.fieldValues.set(key, value)
    this.array.observe(this.onChange)
    this.fields.observe(this.onFieldsChange)
  }

  get(id: string): BoardRecord | undefined {
    const cached = this.composed.get(id)
    if (cached) return cached
    const base = this.current.get(id)?.val
    if (!base) return undefined
    const record = composeRecord(base, (group) => this.fieldValues.get(fieldKey(id, group)))
    this.composed.set(id, record)
    return record
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

  /** Every asset (a pasted picture's data) as it was before the running batch. */
  assetsBefore(): Iterable<BoardRecord> {
    return this.recordsBefore('asset')
  }

  private *recordsBefore(typeName: string): Iterable<BoardRecord> {
    for (const key of this.current.keys()) {
      const val = this.before(key)
      if (val?.typeName === typeName) yield val
    }
    for (const [key, val] of this.journal) {
      if (!this.current.has(key) && val?.typeName === typeName) yield val
    }
  }

  /** Starts a new batch: forget the journal. */
  beginBatch(): void {
    this.journal.clear()
    this.fieldsSet.clear()
    this.problem = null
  }

  /**
   * Closes the batch: a field entry set for a record that does not exist (or keeps no fields) is
   * a problem, so nobody can fill the map with entries no reader shows.
   */
  endBatch(): void {
    for (const id of this.fieldsSet) {
      const record = this.get(id)
      if (!record || !hasFieldEntries(record)) {
        this.problem ??= `a field entry for ${record ? 'a record that keeps none' : 'a record that does not exist'}`
      }
    }
  }

  destroy(): void {
    this.array.unobserve(this.onChange)
    this.fields.unobserve(this.onFieldsChange)
  }

  private remember(id: string): void {
    if (!this.journal.has(id)) this.journal.set(id, this.get(id))
    this.composed.delete(id)
  }

  private onFieldsChange = (event: Y.YMapEvent<unknown>): void => {
    for (const [key, change] of event.changes.keys) {
      const parsed = parseFieldKey(key)
      if (!parsed) {
        this.problem = `"${key.slice(0, 80)}" is not a field entry`
        continue
      }
      this.remember(parsed.id)
      if (change.action === 'delete') {
        this.fieldValues.delete(key)
        continue
      }
      const value = this.fields.get(key)
      this.fieldValues.set(key, value)
      if (!isFieldValue(parsed.group, value))
        this.problem = `the field entry ${parsed.group} does not hold ${parsed.group === 'xy' ? 'an [x, y] pair' : 'a text'}`
      this.fieldsSet.add(parsed.id)
    }
  }

  private onChange = (event: Y.YArrayEvent<unknown>): void => {
    const touched = new Set<string>()
    const remember = (key: string) => {
      this.remember(key)
      touched.add(key)
    }
    for (const item of event.changes.deleted) {
      for (const entry of item.content.getContent()) {
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
      for (const entry of item.content.getContent()) {
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
