import type * as Y from 'yjs'
import { unusedAssetIds } from '../../../shared/unusedAssets'
import { readBoardRecords, removeRecords } from '../board/boardRecords'

interface Sweepable {
  readonly doc: Y.Doc
  transactAsServer(fn: () => void): void
}

/**
 * Drops the assets no shape shows any more (their last shape was deleted or points elsewhere),
 * as the server's own change: stored and sent like any other, so every client and the stored
 * room lose them. Reads and writes through the board's one reader (board/boardRecords.ts).
 * Returns how many it dropped.
 */
export function sweepUnusedAssets(room: Sweepable): number {
  const unused = unusedAssetIds([...readBoardRecords(room.doc).values()])
  if (unused.length === 0) return 0
  room.transactAsServer(() => removeRecords(room.doc, unused))
  return unused.length
}
