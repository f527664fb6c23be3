/**
 * Counting sentences in a note, for a case list's sentence limit ("your problem in at most two
 * sentences"). A full stop, question or exclamation mark (or an ellipsis) ends a sentence when
 * text follows after a space and does not go on in lower case; a full stop after a known
 * abbreviation ("bijv.", "o.a.", "dhr.", "e.g.") or an initial ("J. de Vries") does not.
 * When in doubt it counts fewer sentences, never more: the limit is a nudge to be brief, and
 * refusing a note that is within it would be worse than letting a long one through.
 */

/** Abbreviations written with a full stop, lower case, without their last dot. */
const ABBREVIATIONS = new Set([
  // Dutch
  'bijv',
  'bv',
  'b.v',
  'o.a',
  'd.w.z',
  'm.a.w',
  'a.s',
  'j.l',
  'jl',
  'z.s.m',
  't.z.t',
  'i.p.v',
  'i.v.m',
  'm.b.t',
  't.a.v',
  'n.a.v',
  'o.b.v',
  'e.d',
  'c.q',
  'enz',
  'evt',
  'incl',
  'excl',
  'ca',
  'resp',
  'nr',
  'blz',
  'dhr',
  'mevr',
  'mw',
  'drs',
  'dr',
  'ir',
  'mr',
  'prof',
  'ing',
  'st',
  'vgl',
  'zgn',
  'afd',
  'tel',
  'min',
  'max',
  // English
  'e.g',
  'i.e',
  'etc',
  'vs',
  'mrs',
  'ms',
  'approx',
  'dept',
  'cf',
])

/** One or more terminators, then any closing quotes or brackets, then a space or the end. */
const TERMINATOR = /[.!?…]+["'”’»)\]]*(?=\s|$)/gu
/** The word (letters and inner dots) just before a terminator. */
const WORD_BEFORE = /[\p{L}.]+$/u

/** The number of sentences in `text` (0 for empty text). */
export function countSentences(text: string): number {
  const trimmed = text.trim()
  if (trimmed === '') return 0
  let count = 0
  let start = 0
  for (const match of trimmed.matchAll(TERMINATOR)) {
    const at = match.index
    const after = at + match[0].length
    const rest = trimmed.slice(after).trimStart()
    if (rest === '') break
    if (/^\p{Ll}/u.test(rest)) continue
    if (match[0] === '.' && isAbbreviation(trimmed.slice(start, at))) continue
    count++
    start = after
  }
  return count + (trimmed.slice(start).trim() === '' ? 0 : 1)
}

function isAbbreviation(before: string): boolean {
  const word = WORD_BEFORE.exec(before)?.[0]
  if (!word) return false
  // An initial: one capital ("J. de Vries", "A. Jansen").
  if (/^\p{Lu}$/u.test(word)) return true
  return ABBREVIATIONS.has(word.toLowerCase().replace(/^\.+/, ''))
}
