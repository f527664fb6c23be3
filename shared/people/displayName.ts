/**
 * Display names in a meeting: what is shown, and when two names are "the same" (then the second is
 * refused at join). One rule for the join form (client) and the join route (server).
 *
 * Shown: the typed name without control, format (zero-width, direction override) or line-breaking
 * characters, whitespace collapsed to one space and trimmed, NFC, at most DISPLAY_NAME_MAX code
 * points. Compared: the shown name after NFKC (full-width "＝" is "="), case folding, without any
 * whitespace or marks, with a few Latin look-alikes from Cyrillic and Greek mapped to Latin.
 */

export const DISPLAY_NAME_MAX = 40

/** Controls, format characters (ZWSP, ZWJ, LRM/RLM, LRE..RLO, LRI..PDI, BOM), line/para separators. */
const INVISIBLE = /[\p{Cc}\p{Cf}\u2028\u2029]/gu
/** Every kind of space, the no-break ones included (\s covers U+00A0, U+202F, U+3000, ...). */
const SPACES = /[\s\u180e]+/gu

/** The visible name: no invisible characters, whitespace collapsed, trimmed (not yet bounded). */
function visibleName(raw: string): string {
  // Spaces first: a tab or line break (also a control) separates words as a space does.
  return raw.normalize('NFC').replace(SPACES, ' ').replace(INVISIBLE, '').replace(/ {2,}/g, ' ').trim()
}

/** The name as it is stored and shown; '' if nothing visible is left. */
export function cleanDisplayName(raw: string): string {
  // Bounded in code points, never cutting a surrogate pair.
  return [...visibleName(raw)].slice(0, DISPLAY_NAME_MAX).join('').trim()
}

/** Cyrillic and Greek letters that look like Latin ones in most fonts, after case folding. */
const LOOK_ALIKES: Record<string, string> = {
  а: 'a',
  в: 'b',
  е: 'e',
  к: 'k',
  м: 'm',
  н: 'h',
  о: 'o',
  р: 'p',
  с: 'c',
  т: 't',
  у: 'y',
  х: 'x',
  і: 'i',
  ј: 'j',
  ѕ: 's',
  ԁ: 'd',
  ԛ: 'q',
  ԝ: 'w',
  ӏ: 'l',
  α: 'a',
  β: 'b',
  ε: 'e',
  η: 'n',
  ι: 'i',
  κ: 'k',
  ν: 'v',
  ο: 'o',
  ρ: 'p',
  τ: 't',
  υ: 'u',
  χ: 'x',
}

/** The key two names are compared by: equal keys are one name in a meeting. */
export function displayNameKey(name: string): string {
  const folded = cleanDisplayName(name)
    .normalize('NFKC')
    .toLocaleLowerCase('und')
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .replace(SPACES, '')
    .replace(INVISIBLE, '')
  let key = ''
  for (const ch of folded) key += LOOK_ALIKES[ch] ?? ch
  return key
}

export type DisplayNameProblem = 'empty' | 'tooLong' | 'taken'

/** Whether `raw` may join a meeting whose present names are `taken`: the cleaned name, or why not. */
export function checkDisplayName(
  raw: string,
  taken: Iterable<string>,
): { ok: true; name: string; key: string } | { ok: false; problem: DisplayNameProblem } {
  if ([...visibleName(raw)].length > DISPLAY_NAME_MAX) return { ok: false, problem: 'tooLong' }
  const name = cleanDisplayName(raw)
  const key = displayNameKey(name)
  if (key === '') return { ok: false, problem: 'empty' }
  for (const other of taken) if (displayNameKey(other) === key) return { ok: false, problem: 'taken' }
  return { ok: true, name, key }
}
