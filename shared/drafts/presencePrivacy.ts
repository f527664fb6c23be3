import { boardLayout } from '../layout'
import { privateZonesAt } from '../permissions'
import type { Template } from '../templateSchema'

/**
 * Presence while people write for themselves: a cursor inside a private zone is not shown at all
 * (where someone points while writing tells what they write about), and nothing that shows
 * writing goes out: no selection, brush, scribbles or chat, and activity only to the minute.
 * The server applies this to every presence it passes on; the client applies it before sending,
 * so typing sends no frames at all.
 */
export function privatePresence(template: Template, phaseIndex: number, presence: unknown): unknown {
  if (!presence || typeof presence !== 'object' || Array.isArray(presence)) return presence
  const hidden = privateZonesAt(template, phaseIndex)
  if (hidden.size === 0) return presence
  const record = presence as Record<string, unknown>
  const cursor = record.cursor as { x?: unknown; y?: unknown } | null | undefined
  if (cursor && typeof cursor.x === 'number' && typeof cursor.y === 'number') {
    const { x, y } = cursor
    const inside = boardLayout(template).some(
      (zone) =>
        hidden.has(zone.zoneId) && x >= zone.x && x <= zone.x + zone.w && y >= zone.y && y <= zone.y + zone.h,
    )
    if (inside) return null
  }
  const activity = record.lastActivityTimestamp
  return {
    ...record,
    selectedShapeIds: [],
    brush: null,
    scribbles: [],
    chatMessage: '',
    lastActivityTimestamp: typeof activity === 'number' ? Math.floor(activity / 60_000) * 60_000 : activity,
  }
}
