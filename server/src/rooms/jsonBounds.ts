/**
 * Bounds for JSON text from a socket, checked with one loop before anything parses it.
 * V8 parses deep JSON fine, but `JSON.stringify` (and lib0's encoders) recurse and overflow the
 * stack when the room later re-encodes what it accepted, outside any catch.
 */

/** Returns what is wrong (too deep), or null. Counts brackets outside strings. */
export function jsonTextWithin(text: string, maxDepth: number): string | null {
  let depth = 0
  let inString = false
  for (let i = 0; i < text.length; i++) {
    const ch = text.charCodeAt(i)
    if (inString) {
      if (ch === 92 /* \ */) i++
      else if (ch === 34 /* " */) inString = false
      continue
    }
    if (ch === 34) inString = true
    else if (ch === 123 /* { */ || ch === 91 /* [ */) {
      if (++depth > maxDepth) return `JSON nested deeper than ${maxDepth}`
    } else if (ch === 125 /* } */ || ch === 93 /* ] */) depth--
  }
  return null
}
