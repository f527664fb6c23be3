import type { BoardRecord } from './boardRecords'

/**
 * How much text one board record may carry. A note of a few paragraphs is a few thousand
 * characters; the limit keeps one record from filling every screen and the room's storage.
 */
export const MAX_RECORD_TEXT_CHARS = 10_000

/** Limits the rules apply; each has a default here and may be set per server. */
export interface RecordLimits {
  /** Characters of text in one record: every string in it counted, an asset's image data aside. */
  maxRecordTextChars: number
}

export const DEFAULT_RECORD_LIMITS: RecordLimits = { maxRecordTextChars: MAX_RECORD_TEXT_CHARS }

/**
 * Values visited while counting: far more than a record within the text limit has (rich text of
 * 10,000 characters is a few thousand nodes), few enough to walk in well under a millisecond.
 */
const MAX_VALUES = 100_000

/**
 * The characters of text a record carries: the length of every string value in it (rich text,
 * plain text, names, meta), walked with an explicit stack. An asset's `props.src` is left out:
 * that is image data (inline `data:` URLs), bounded by the frame size, not text. The walk stops
 * as soon as the count passes `stopAbove`; a record with more values than anyone writes counts
 * as over the limit (Infinity).
 */
export function recordTextLength(record: BoardRecord, stopAbove: number): number {
  const skip = record.typeName === 'asset' ? record.props : undefined
  const stack: unknown[] = [record]
  let chars = 0
  let visited = 0
  while (stack.length > 0) {
    const value = stack.pop()
    if (++visited > MAX_VALUES) return Number.POSITIVE_INFINITY
    if (typeof value === 'string') {
      chars += value.length
      if (chars > stopAbove) return chars
    } else if (Array.isArray(value)) {
      for (const item of value) stack.push(item)
    } else if (value !== null && typeof value === 'object') {
      for (const [key, item] of Object.entries(value)) {
        if (value === skip && key === 'src') continue
        stack.push(item)
      }
    }
  }
  return chars
}
