import type { BoardRecord } from './boardRecords'

/**
 * The assets no shape shows: their bytes would stay in the room for every joiner to download
 * with nothing on the board to see or remove them by. Reads a plain list of the board's current
 * records (one per id), whichever way they were read.
 */
export function unusedAssetIds(records: Iterable<BoardRecord>): string[] {
  const assets: string[] = []
  const used = new Set<string>()
  for (const record of records) {
    if (record.typeName === 'asset') assets.push(record.id)
    else if (record.typeName === 'shape') {
      const assetId = (record.props as { assetId?: unknown } | undefined)?.assetId
      if (typeof assetId === 'string') used.add(assetId)
    }
  }
  return assets.filter((id) => !used.has(id))
}
