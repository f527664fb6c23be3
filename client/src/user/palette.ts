import type { MessageKey } from '../i18n/messages'

/**
 * Cursor colours people can choose from: distinct, and at least 4.5:1 against the white text of
 * tldraw's cursor name labels.
 */
export const PALETTE: ReadonlyArray<{ color: string; label: MessageKey }> = [
  { color: '#2F6FDB', label: 'colour.blue' },
  { color: '#0E7490', label: 'colour.cyan' },
  { color: '#23784A', label: 'colour.green' },
  { color: '#6D4FD8', label: 'colour.purple' },
  { color: '#A445B2', label: 'colour.violet' },
  { color: '#C02C6F', label: 'colour.pink' },
  { color: '#C8303A', label: 'colour.red' },
  { color: '#B45309', label: 'colour.orange' },
]

export function randomPaletteColor(): string {
  const index = crypto.getRandomValues(new Uint32Array(1))[0]! % PALETTE.length
  return PALETTE[index]!.color
}
