import { type LocalizedText, OUTCOME_KINDS, type OutcomeKind } from '../schema'
import { SMART_FIELDS, type SmartAction } from './choices'
import type { MeetingOutcome, OutcomeNote, OutcomeZone } from './meetingOutcome'
import { REFLECTION_POINTS, REFLECTION_QUESTIONS, type ReflectionAnswers } from './reflectionPoints'
import { KIND_HEADINGS, MARK_LABELS, SMART_LABELS, REPORT_WORDS as W } from './reportLabels'

/** The language a report is written in. */
export type Language = keyof LocalizedText

/** Options of both reports: the reader's language and the date to print (the caller's clock). */
export interface ReportOptions {
  language: Language
  /** The date line, already written for the reader (`2 december 2026`); left out when absent. */
  date?: string
}

/**
 * The meeting summary as Markdown: who was there, the case, the questions and definitions with
 * their marks (grouped by mark, with a count), the inbrenger's own question, the advice with the
 * chosen one, the SMART action, the evaluation. Every part of the outcome that the method has,
 * also when it is still empty (the reader sees what is missing). Text from the board is escaped.
 */
export function summaryMarkdown(outcome: MeetingOutcome, options: ReportOptions): string {
  const lang = options.language
  const out: string[] = [`# ${W.summaryTitle[lang]}: ${md(outcome.title)}`, '']
  out.push(...headerLines(outcome, options), '')
  for (const kind of OUTCOME_KINDS) {
    const zones = outcome.zones[kind]
    if (kind === 'case') {
      out.push(`## ${KIND_HEADINGS.case[lang]}`, '')
      if (outcome.chosenCase) out.push(`**${W.chosenCase[lang]}:** ${md(outcome.chosenCase)}`, '')
      out.push(...zonesBody(zones, outcome, lang, outcome.chosenCase !== null))
      continue
    }
    if (kind === 'action') {
      out.push(...adviceChoice(outcome, lang))
      out.push(`## ${W.smartAction[lang]}`, '', ...actionLines(outcome.action, lang), '')
      if (zones.some((z) => z.notes.length > 0)) out.push(...zonesBody(zones, outcome, lang, true))
      continue
    }
    if (zones.length === 0) continue
    out.push(`## ${KIND_HEADINGS[kind][lang]}`, '')
    if (kind === 'evaluation') out.push(...evaluationLines(outcome, lang))
    // What else was worked out stands under each zone's own title.
    out.push(...zonesBody(zones, outcome, lang, false, kind === 'discussion' || zones.length > 1))
  }
  return `${out
    .join('\n')
    .replace(/\n{3,}/g, '\n\n')
    .trim()}\n`
}

/**
 * The inbrenger's reflection report as Markdown: the meeting in short (case, own question, chosen
 * advice, action) and the six points of seed 003, with the answers written so far.
 */
export function reflectionMarkdown(
  outcome: MeetingOutcome,
  answers: ReflectionAnswers,
  options: ReportOptions,
): string {
  const lang = options.language
  const out: string[] = [`# ${W.reflectionTitle[lang]}: ${md(outcome.title)}`, '']
  out.push(...headerLines(outcome, options), '', `## ${W.meeting[lang]}`, '')
  if (outcome.chosenCase) out.push(`**${W.chosenCase[lang]}:** ${md(outcome.chosenCase)}`, '')
  for (const kind of ['case', 'definition'] as const satisfies readonly OutcomeKind[]) {
    const notes = outcome.zones[kind].flatMap((z) => z.notes)
    if (notes.length === 0) continue
    out.push(`**${KIND_HEADINGS[kind][lang]}:**`, '', ...notes.map((n) => noteLine(n, lang)), '')
  }
  out.push(...adviceChoice(outcome, lang))
  out.push(`### ${W.smartAction[lang]}`, '', ...actionLines(outcome.action, lang), '')
  REFLECTION_POINTS.forEach((point, i) => {
    const answer = answers[point]?.trim()
    out.push(`## ${i + 1}. ${REFLECTION_QUESTIONS[point][lang]}`, '')
    out.push(answer ? escapeBlock(answer) : `_${W.toFillIn[lang]}_`, '')
  })
  return `${out
    .join('\n')
    .replace(/\n{3,}/g, '\n\n')
    .trim()}\n`
}

function headerLines(outcome: MeetingOutcome, { language: lang, date }: ReportOptions): string[] {
  const status = outcome.finished
    ? W.finished[lang]
    : outcome.phase
      ? `${W.inPhase[lang]} ${outcome.phase.index + 1}: ${outcome.phase.title[lang]}`
      : W.notStarted[lang]
  const lines = [`- **${W.method[lang]}:** ${md(outcome.method.name[lang])} (${md(outcome.method.ref)})`]
  if (date) lines.push(`- **${W.date[lang]}:** ${md(date)}`)
  lines.push(`- **${W.status[lang]}:** ${status}`)
  const people = [
    [W.inbrenger, outcome.people.inbrenger],
    [W.begeleider, outcome.people.begeleider],
    [W.others, outcome.people.others],
  ] as const
  for (const [label, names] of people) {
    if (names.length > 0) lines.push(`- **${label[lang]}:** ${names.map(md).join(', ')}`)
  }
  return lines
}

function zonesBody(
  zones: readonly OutcomeZone[],
  outcome: MeetingOutcome,
  lang: Language,
  quietWhenEmpty: boolean,
  /** Each zone under its own title (default: when there are several). */
  titled = zones.length > 1,
): string[] {
  const out: string[] = []
  for (const zone of zones) {
    if (titled) out.push(`### ${md(zone.title[lang])}`, '')
    if (zone.notes.length === 0) {
      if (!quietWhenEmpty) out.push(`_${W.nothing[lang]}_`, '')
      continue
    }
    if (!zone.rating) {
      out.push(...zone.notes.map((n) => noteLine(n, lang, n.id === outcome.chosenAdvice?.id)), '')
      continue
    }
    const { values, counts, unrated } = zone.rating
    const tally = values.map((v) => `${markName(v, lang)} ${counts[v]}`)
    if (unrated > 0) tally.push(`${W.notRated[lang]} ${unrated}`)
    out.push(`_${tally.join(' · ')}_`, '')
    for (const value of [...values, null]) {
      const notes = zone.notes.filter((n) =>
        value === null ? !values.includes(n.mark ?? '') : n.mark === value,
      )
      if (notes.length === 0) continue
      const heading = value === null ? W.notRated[lang] : markName(value, lang)
      out.push(`#### ${heading} (${notes.length})`, '', ...notes.map((n) => noteLine(n, lang)), '')
    }
  }
  return out
}

function adviceChoice(outcome: MeetingOutcome, lang: Language): string[] {
  if (outcome.zones.advice.length === 0) return []
  const chosen = outcome.chosenAdvice
  return [
    `## ${W.chosenAdvice[lang]}`,
    '',
    chosen ? `> ${md(chosen.text).replace(/\n/g, '\n> ')}${byLine(chosen, lang)}` : `_${W.noChoice[lang]}_`,
    '',
  ]
}

function actionLines(action: SmartAction | null, lang: Language): string[] {
  if (!action) return [`_${W.noAction[lang]}_`]
  return SMART_FIELDS.map((f) => `- **${SMART_LABELS[f][lang]}:** ${md(action[f].trim()) || '–'}`)
}

function noteLine(note: OutcomeNote, lang: Language, chosen = false): string {
  const mark = chosen ? ` **(${W.chosen[lang]})**` : ''
  const score = note.score === null ? '' : ` (${W.score[lang]} ${note.score})`
  return `- ${md(note.text).replace(/\n/g, '  \n  ')}${byLine(note, lang)}${score}${mark}`
}

/** The evaluation's average score and whether it is anonymous, when there is anything to say. */
function evaluationLines(outcome: MeetingOutcome, lang: Language): string[] {
  const { anonymous, count, mean } = outcome.evaluation
  const out: string[] = []
  if (mean !== null)
    out.push(
      `_${W.meanScore[lang]}: ${formatMean(mean, lang)} / 5 (${count} ${(count === 1 ? W.oneScore : W.scores)[lang]})_`,
      '',
    )
  if (anonymous) out.push(`_${W.anonymous[lang]}_`, '')
  return out
}

/** A mean to one decimal, with the reader's decimal sign. */
export function formatMean(mean: number, lang: Language): string {
  const text = mean.toFixed(1)
  return lang === 'nl' ? text.replace('.', ',') : text
}

function byLine(note: OutcomeNote, lang: Language): string {
  return note.author ? ` — _${W.by[lang]} ${md(note.author)}_` : ''
}

function markName(value: string, lang: Language): string {
  const label = MARK_LABELS[value]
  return label && label[lang] !== value ? `${label[lang]} (${value})` : (label?.[lang] ?? value)
}

/** Text from the board, safe inside a Markdown line: no markup, no HTML. */
function md(text: string): string {
  return text.replace(/[\\`*_[\]<>#|~]/g, '\\$&').replace(/^(\s*)([-+]|\d+[.)])(\s)/gm, '$1\\$2$3')
}

/** A multi-line answer as paragraphs, escaped. */
function escapeBlock(text: string): string {
  return text
    .split(/\n/)
    .map((line) => md(line))
    .join('  \n')
}
