import type * as Y from 'yjs'
import type { BoardRecord } from '../../../templates/src/boardRecords'
import { unusedAssetIds } from '../../../templates/src/unusedAssets'
import { RECORDS_ARRAY } from '../../../templates/src/wire'

interface Sweepable {
  readonly doc: Y.Doc
  transactAsServer(fn: () => void): void
}

/**
 * Drops the assets no shape shows any more (their last shape was deleted or points elsewhere),
 * as the server's own change: stored and sent like any other, so every client and the stored
 * room lose them. Returns how many it dropped.
 */
export function sweepUnusedAssets(room: Sweepable): number {
  const array = room.doc.getArray<unknown>(RECORDS_ARRAY)
  const entries = array.toArray()
  const unused = new Set(unusedAssetIds(currentRecords(entries)))
  if (unused.size === 0) return 0
  room.transactAsServer(() => {
    // Every entry of such a key goes, right to left so the indexes stay valid.
    for (let i = entries.length - 1; i >= 0; i--) {
      const key = keyOf(entries[i])
      if (key !== null && unused.has(key)) array.delete(i, 1)
    }
  })
  return unused.size
}

/** The live record per key as y-utility's YKeyValue reads it: the rightmost entry wins. */
function currentRecords(entries: readonly unknown[]): BoardRecord[] {
  const seen = new Set<string>()
  const records: BoardRecord[] = []
  for (let i = entries.length - 1; i >= 0; i--) {
    const entry = entries[i] as { key?: unknown; val?: unknown }
    const key = keyOf(entry)
    if (key === null || seen.has(key)) continue
    seen.add(key)
    const val = entry.val
    if (typeof val === 'object' && val !== null && !Array.isArray(val)) records.push(val as BoardRecord)
  }
  return records
}

function keyOf(entry: unknown): string | null {
  if (typeof entry !== 'object' || entry === null) return null
  const key = (entry as { key?: unknown }).key
  return typeof key === 'string' ? key : null
}
