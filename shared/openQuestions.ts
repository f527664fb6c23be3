/**
 * The open-question hint. Every intervisie method asks for open questions (wie, wat, waar, wanneer,
 * welke, hoe; who, what, where, when, which, how): questions that let the inbrenger tell, not
 * questions answered with yes or no, and not advice dressed as a question. This module reads how a
 * question opens and, when it reads as closed or suggestive, suggests an open opening. It is a hint
 * for the writer, never a rule: nothing is refused on it.
 *
 * How a question is read (Dutch and English):
 * 1. Each sentence of the note is read on its own (split after ? ! . and at line ends); leading
 *    bullets, numbering, quotes, "Vraag:" / "Q:" and fillers ("en", "maar", "dus", "oké", "and",
 *    "but", "so", "okay") are skipped.
 * 2. Suggestive first, anywhere in the sentence's opening or as a tag at its end:
 *    - Dutch: "Is het niet zo dat", "Zou het kunnen dat", "Heb je er al aan gedacht / overwogen",
 *      a verb with "je/u/jullie/het niet" ("Zou je niet", "Wil je niet", "Vind je niet", "Ben je
 *      niet", "Kun je niet", "Moet je niet", "Denk je niet"...), "Waarom ... niet", and tag
 *      questions ending in "toch?", "of niet?", "nietwaar?", "hè?".
 *    - English: a negated auxiliary first ("Don't you", "Isn't it", "Wouldn't it", "Shouldn't you",
 *      "Haven't you"...), "Have you considered / thought about / tried", "Why don't / didn't /
 *      not", "Is it not", and tags: ", right?", ", isn't it?", "don't you think?", "wouldn't you
 *      say?", ", no?".
 * 3. Open: a question word first (Dutch wat, wie, waar*, wanneer, welk(e), hoe*, waarom, in
 *    hoeverre, op welke; English what, who, whom, whose, where, when, which, why, how, in what,
 *    to what extent): no hint, also when a verb follows ("Wat heb je al geprobeerd?").
 * 4. Closed: a finite verb first followed by a subject ("Heb je", "Ben je", "Is er", "Klopt het",
 *    "Did you", "Have you", "Is it", "Can you"...), the Dutch and English yes/no order.
 * Anything else (a statement, a question that opens with a clause) gets no hint.
 */

export type QuestionKind = 'closed' | 'suggestive'
export type QuestionLanguage = 'nl' | 'en'

export interface QuestionHint {
  kind: QuestionKind
  language: QuestionLanguage
  /** An open opening to try instead ("Wat heb je …?"), in the question's language. */
  openForm: string
  /** The words the hint is about, as written (the opening or the tag). */
  matched: string
}

interface Pattern {
  language: QuestionLanguage
  kind: QuestionKind
  pattern: RegExp
  openForm: string
}

const NL_SUBJECT = '(?:je|jij|u|jullie|het|er|ze|zij|hij|dat|dit|die|we|wij|men)'
const EN_SUBJECT = '(?:you|they|he|she|it|we|i|there|that|this|your|the|anyone|someone)'

/** Suggestive openings and tags: checked first, since they often start like an open or closed one. */
const SUGGESTIVE: readonly Pattern[] = [
  { language: 'nl', kind: 'suggestive', pattern: /^is het niet zo dat\b/, openForm: 'Hoe zie jij …?' },
  {
    language: 'nl',
    kind: 'suggestive',
    pattern: /^zou het (?:kunnen|niet kunnen) dat\b/,
    openForm: 'Wat denk je zelf dat …?',
  },
  {
    language: 'nl',
    kind: 'suggestive',
    pattern: /^zou het (?:niet )?helpen (?:als|om)\b/,
    openForm: 'Wat zou je helpen …?',
  },
  {
    language: 'nl',
    kind: 'suggestive',
    pattern:
      /^(?:heb|hebt|had) (?:je|jij|u|jullie) (?:er )?(?:al )?(?:eens )?(?:aan gedacht|overwogen|geprobeerd)\b/,
    openForm: 'Welke mogelijkheden zie je …?',
  },
  {
    language: 'nl',
    kind: 'suggestive',
    pattern: new RegExp(
      `^(?:zou|zouden|wil|wilt|wou|vind|vindt|denk|denkt|ben|bent|is|was|heb|hebt|had|kun|kunt|kan|kon|moet|moest|mag|ga|gaat|weet|zie|ziet|voel|merk) ${NL_SUBJECT} (?:\\S+ )?niet\\b`,
    ),
    openForm: 'Wat …? / Hoe kijk je naar …?',
  },
  {
    language: 'nl',
    kind: 'suggestive',
    pattern:
      /^waarom (?:heb|hebt|had|ben|bent|doe|doet|deed|ga|gaat|ging|zou|kun|kunt|kan|wil|wilt|probeer|vraag|zeg|neem|stop) (?:je|jij|u|jullie)\b.*\bniet\b/,
    openForm: 'Wat houdt je tegen om …?',
  },
  {
    language: 'nl',
    kind: 'suggestive',
    pattern: /(?:,|\b) ?(?:toch|of niet|nietwaar|hè|he)\s*\?$/,
    openForm: 'Hoe zie jij …?',
  },
  {
    language: 'en',
    kind: 'suggestive',
    pattern:
      /^(?:don't|doesn't|didn't|isn't|aren't|wasn't|weren't|haven't|hasn't|hadn't|can't|couldn't|won't|wouldn't|shouldn't|mustn't)\b/,
    openForm: 'How do you see …?',
  },
  {
    language: 'en',
    kind: 'suggestive',
    pattern: /^(?:do|does|did|would|could|should|is|are|was|have) (?:you|it|they|we) not\b/,
    openForm: 'How do you see …?',
  },
  {
    language: 'en',
    kind: 'suggestive',
    pattern: /^(?:have|had) you (?:ever )?(?:considered|thought about|thought of|tried)\b/,
    openForm: 'What options do you see …?',
  },
  {
    language: 'en',
    kind: 'suggestive',
    pattern: /^why (?:don't|didn't|not|wouldn't|haven't|won't|can't)\b/,
    openForm: 'What stops you from …?',
  },
  {
    language: 'en',
    kind: 'suggestive',
    pattern:
      /, ?(?:right|isn't it|aren't you|don't you|didn't you|no|wasn't it|correct)\s*\?$|\b(?:don't you think|wouldn't you say|wouldn't you agree)\s*\?$/,
    openForm: 'How do you see …?',
  },
]

/** Question words that open a question; a question starting with one is open. */
const OPEN: readonly RegExp[] = [
  /^(?:wat|wie|wiens|waar\w*|wanneer|welk|welke|hoe\w*|waarom|in hoeverre|op welke|in welke|met wie|van wie|voor wie|aan wie|bij wie|wat voor)\b/,
  /^(?:what|who|whom|whose|where|when|which|why|how|in what|to what extent|in which|with whom)\b/,
]

/** Closed openings: a finite verb, then a subject. The open form follows the verb where it can. */
const CLOSED: readonly Pattern[] = [
  { language: 'nl', kind: 'closed', pattern: /^klopt (?:het|dat)\b/, openForm: 'Hoe zit het met …?' },
  {
    language: 'nl',
    kind: 'closed',
    pattern: new RegExp(`^(?:heb|hebt|had|hadden|hebben|heeft) ${NL_SUBJECT}\\b`),
    openForm: 'Wat heb je …?',
  },
  {
    language: 'nl',
    kind: 'closed',
    pattern: new RegExp(`^(?:ben|bent|is|was|waren|zijn) ${NL_SUBJECT}\\b`),
    openForm: 'Hoe was het …? / Wat maakt dat …?',
  },
  {
    language: 'nl',
    kind: 'closed',
    pattern: new RegExp(`^(?:kun|kunt|kan|kon|konden|kunnen) ${NL_SUBJECT}\\b`),
    openForm: 'Hoe zou je …?',
  },
  {
    language: 'nl',
    kind: 'closed',
    pattern: new RegExp(`^(?:wil|wilt|wou|wilde|willen) ${NL_SUBJECT}\\b`),
    openForm: 'Wat wil je …?',
  },
  {
    language: 'nl',
    kind: 'closed',
    pattern: new RegExp(`^(?:vind|vindt|vond|denk|denkt|dacht) ${NL_SUBJECT}\\b`),
    openForm: 'Wat vind je van …?',
  },
  {
    language: 'nl',
    kind: 'closed',
    pattern: new RegExp(`^(?:voel|voelt|voelde|merk|merkt|merkte|ervaar|ervaart) ${NL_SUBJECT}\\b`),
    openForm: 'Hoe voelde dat …?',
  },
  {
    language: 'nl',
    kind: 'closed',
    pattern: new RegExp(
      `^(?:zou|zouden|zal|zult|moet|moest|mag|mocht|weet|wist|doe|doet|deed|ga|gaat|ging|word|wordt|werd|krijg|kreeg|zie|ziet|zag|herken|speelt|speelde|past|helpt|hielp|gebeurt|gebruik|praat|sprak|verwacht|snap|begrijp|heeft|kent|ken) ${NL_SUBJECT}\\b`,
    ),
    openForm: 'Wat …? / Hoe …?',
  },
  {
    language: 'en',
    kind: 'closed',
    pattern: new RegExp(`^(?:did|do|does) ${EN_SUBJECT}\\b`),
    openForm: 'What did you …?',
  },
  {
    language: 'en',
    kind: 'closed',
    pattern: new RegExp(`^(?:have|has|had) ${EN_SUBJECT}\\b`),
    openForm: 'What have you …?',
  },
  {
    language: 'en',
    kind: 'closed',
    pattern: new RegExp(`^(?:is|are|was|were|am) ${EN_SUBJECT}\\b`),
    openForm: 'How is …?',
  },
  {
    language: 'en',
    kind: 'closed',
    pattern: new RegExp(`^(?:can|could|will|would|should|shall|may|might|must) ${EN_SUBJECT}\\b`),
    openForm: 'How could you …?',
  },
]

const LEADING_NOISE = /^(?:[\s"'“”‘’«»()[\]*•·\-–—>]+|\d+[.)]\s*|(?:vraag|question|q)\s*\d*\s*:\s*)+/
// The end of a filler is "no letter or digit next", not \b: \b counts "é" as a non-word character,
// so "oké," would end at "ok" and leave "é," in front of the question.
const FILLERS = /^(?:en|maar|dus|oké|oke|ok|okay|nou|goed|and|but|so|well|also|ook)(?![\p{L}\d])[\s,]*/u

/** The hint for a note's text, or null when every sentence reads as open (or is no question). */
export function questionHint(text: string): QuestionHint | null {
  for (const sentence of sentences(text)) {
    const hint = sentenceHint(sentence)
    if (hint) return hint
  }
  return null
}

function sentences(text: string): string[] {
  return text
    .split(/(?<=[?!.])\s+|\n+/)
    .map((s) => s.trim())
    .filter((s) => s.length > 0)
}

function sentenceHint(raw: string): QuestionHint | null {
  const sentence = normalise(raw)
  if (sentence === '') return null
  for (const p of SUGGESTIVE) {
    const match = p.pattern.exec(sentence)
    if (match) return { kind: p.kind, language: p.language, openForm: p.openForm, matched: match[0].trim() }
  }
  if (OPEN.some((open) => open.test(sentence))) return null
  for (const p of CLOSED) {
    const match = p.pattern.exec(sentence)
    if (match) return { kind: p.kind, language: p.language, openForm: p.openForm, matched: match[0].trim() }
  }
  return null
}

/** Lower case, typographic apostrophes straightened, noise and fillers at the start removed. */
function normalise(sentence: string): string {
  let s = sentence.toLowerCase().replace(/[’‘`]/g, "'").replace(/\s+/g, ' ').trim()
  for (let i = 0; i < 4; i++) {
    const before = s
    s = s.replace(LEADING_NOISE, '').replace(FILLERS, '').trim()
    if (s === before) break
  }
  return s
}

/** Zones where notes are questions (the methods' "vragen" zone), where the hint is shown. */
export const QUESTION_ZONE_IDS: ReadonlySet<string> = new Set(['vragen'])
