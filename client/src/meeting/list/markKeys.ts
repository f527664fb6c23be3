/** Letters that give a mark from the keyboard: the method's Dutch letters and the English ones. */
const LETTERS: Record<string, string> = { w: 'W', n: 'N', k: 'K', c: 'K', h: 'herkend', r: 'herkend' }

/**
 * The mark a key gives a note in the list, for a zone rated on `scale`: W, N, K (C for cold),
 * H or R for "herkend", a digit for a score (0 is 10). null: the key takes the mark away
 * (Delete, Backspace). undefined: the key does not mark.
 */
export function markForKey(key: string, scale: readonly string[]): string | null | undefined {
  if (key === 'Delete' || key === 'Backspace') return null
  const lower = key.toLowerCase()
  const value = /^\d$/.test(lower) ? (lower === '0' ? '10' : lower) : LETTERS[lower]
  return value !== undefined && scale.includes(value) ? value : undefined
}
