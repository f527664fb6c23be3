import type { ReactNode } from 'react'
import { SMART_FIELDS, type SmartAction } from '../../../shared/outcome/choices'
import type { MeetingOutcome, OutcomeNote, OutcomeZone } from '../../../shared/outcome/meetingOutcome'
import {
  KIND_HEADINGS,
  MARK_LABELS,
  SMART_LABELS,
  REPORT_WORDS as W,
} from '../../../shared/outcome/reportLabels'
import { formatMean, type Language } from '../../../shared/outcome/reportMarkdown'
import { OUTCOME_KINDS } from '../../../shared/schema'

interface ReportViewProps {
  outcome: MeetingOutcome
  language: Language
  date: string
  /** The board as a picture, under the facts (on paper only: ReportDialog's print). */
  board?: ReactNode
}

/**
 * The meeting summary as a page, in the same order and words as its Markdown
 * (shared/outcome/reportMarkdown.ts): who was there, the case, questions and definitions
 * by mark, the inbrenger's question, the advice with the chosen one, the SMART action, the
 * evaluation. Made to print: plain blocks, no interaction.
 */
export function ReportView({ outcome, language: lang, date, board }: ReportViewProps) {
  const status = outcome.finished
    ? W.finished[lang]
    : outcome.phase
      ? `${W.inPhase[lang]} ${outcome.phase.index + 1}: ${outcome.phase.title[lang]}`
      : W.notStarted[lang]
  const people = [
    [W.inbrenger[lang], outcome.people.inbrenger],
    [W.begeleider[lang], outcome.people.begeleider],
    [W.others[lang], outcome.people.others],
  ] as const
  return (
    <article className="report-summary" data-testid="report-summary">
      <h2 className="report-summary__title">
        {W.summaryTitle[lang]}: {outcome.title}
      </h2>
      <dl className="report-facts">
        <div className="report-facts__row">
          <dt>{W.method[lang]}</dt>
          <dd>
            {outcome.method.name[lang]} ({outcome.method.ref})
          </dd>
        </div>
        <div className="report-facts__row">
          <dt>{W.date[lang]}</dt>
          <dd>{date}</dd>
        </div>
        <div className="report-facts__row">
          <dt>{W.status[lang]}</dt>
          <dd>{status}</dd>
        </div>
        {people.map(([label, names]) =>
          names.length > 0 ? (
            <div key={label} className="report-facts__row">
              <dt>{label}</dt>
              <dd>{names.join(', ')}</dd>
            </div>
          ) : null,
        )}
      </dl>
      {board}
      {OUTCOME_KINDS.map((kind) => {
        const zones = outcome.zones[kind]
        if (kind === 'case') {
          return (
            <section key={kind} className="report-part" data-part={kind}>
              <h3>{KIND_HEADINGS.case[lang]}</h3>
              {outcome.chosenCase ? (
                <p>
                  <strong>{W.chosenCase[lang]}:</strong> {outcome.chosenCase}
                </p>
              ) : null}
              <Zones zones={zones} outcome={outcome} lang={lang} quiet={outcome.chosenCase !== null} />
            </section>
          )
        }
        if (kind === 'action') {
          return (
            <section key={kind} className="report-part" data-part={kind}>
              {outcome.zones.advice.length > 0 ? <ChosenAdvice outcome={outcome} lang={lang} /> : null}
              <h3>{W.smartAction[lang]}</h3>
              <ActionList action={outcome.action} lang={lang} />
              {zones.some((z) => z.notes.length > 0) ? (
                <Zones zones={zones} outcome={outcome} lang={lang} quiet />
              ) : null}
            </section>
          )
        }
        if (zones.length === 0) return null
        return (
          <section key={kind} className="report-part" data-part={kind}>
            <h3>{KIND_HEADINGS[kind][lang]}</h3>
            {kind === 'evaluation' ? <EvaluationFacts outcome={outcome} lang={lang} /> : null}
            {/* What else was worked out stands under each zone's own title. */}
            <Zones
              zones={zones}
              outcome={outcome}
              lang={lang}
              quiet={false}
              titled={kind === 'discussion' || zones.length > 1}
            />
          </section>
        )
      })}
    </article>
  )
}

function Zones(props: {
  zones: readonly OutcomeZone[]
  outcome: MeetingOutcome
  lang: Language
  quiet: boolean
  /** Each zone under its own title (default: when there are several). */
  titled?: boolean
}) {
  const { zones, outcome, lang, quiet, titled = zones.length > 1 } = props
  return zones.map((zone) => (
    <div key={zone.id} className="report-zone" data-zone={zone.id}>
      {titled ? <h4>{zone.title[lang]}</h4> : null}
      {zone.notes.length === 0 ? (
        quiet ? null : (
          <p className="report-empty">{W.nothing[lang]}</p>
        )
      ) : zone.rating ? (
        <RatedNotes zone={zone} lang={lang} />
      ) : (
        <NoteList notes={zone.notes} lang={lang} chosenId={outcome.chosenAdvice?.id ?? null} />
      )}
    </div>
  ))
}

function RatedNotes({ zone, lang }: { zone: OutcomeZone; lang: Language }) {
  const { values, counts, unrated } = zone.rating!
  const groups = [...values, null].map((value) => ({
    value,
    notes: zone.notes.filter((n) => (value === null ? !values.includes(n.mark ?? '') : n.mark === value)),
  }))
  return (
    <>
      <p className="report-tally">
        {values.map((v) => `${markName(v, lang)} ${counts[v]}`).join(' · ')}
        {unrated > 0 ? ` · ${W.notRated[lang]} ${unrated}` : ''}
      </p>
      {groups.map(({ value, notes }) =>
        notes.length === 0 ? null : (
          <div key={value ?? ''} className="report-mark-group" data-mark={value ?? ''}>
            <h5>
              {value === null ? W.notRated[lang] : markName(value, lang)} ({notes.length})
            </h5>
            <NoteList notes={notes} lang={lang} chosenId={null} />
          </div>
        ),
      )}
    </>
  )
}

function NoteList({
  notes,
  lang,
  chosenId,
}: {
  notes: readonly OutcomeNote[]
  lang: Language
  chosenId: string | null
}) {
  return (
    <ul className="report-notes">
      {notes.map((note) => (
        <li key={note.id} className="report-note" data-chosen={note.id === chosenId || undefined}>
          <span className="report-note__text">{note.text}</span>
          {note.author ? (
            <span className="report-note__author">
              {' '}
              — {W.by[lang]} {note.author}
            </span>
          ) : null}
          {note.score !== null ? (
            <span className="report-note__score">
              {' '}
              ({W.score[lang]} {note.score})
            </span>
          ) : null}
          {note.id === chosenId ? <strong className="report-note__chosen"> ({W.chosen[lang]})</strong> : null}
        </li>
      ))}
    </ul>
  )
}

function EvaluationFacts({ outcome, lang }: { outcome: MeetingOutcome; lang: Language }) {
  const { anonymous, count, mean } = outcome.evaluation
  return (
    <>
      {mean !== null ? (
        <p className="report-tally" data-testid="report-score">
          {W.meanScore[lang]}: {formatMean(mean, lang)} / 5 ({count}{' '}
          {(count === 1 ? W.oneScore : W.scores)[lang]})
        </p>
      ) : null}
      {anonymous ? <p className="report-empty">{W.anonymous[lang]}</p> : null}
    </>
  )
}

function ChosenAdvice({ outcome, lang }: { outcome: MeetingOutcome; lang: Language }) {
  const chosen = outcome.chosenAdvice
  return (
    <>
      <h3>{W.chosenAdvice[lang]}</h3>
      {chosen ? (
        <blockquote className="report-chosen" data-testid="report-chosen-advice">
          <span className="report-note__text">{chosen.text}</span>
          {chosen.author ? (
            <span className="report-note__author">
              {' '}
              — {W.by[lang]} {chosen.author}
            </span>
          ) : null}
        </blockquote>
      ) : (
        <p className="report-empty">{W.noChoice[lang]}</p>
      )}
    </>
  )
}

export function ActionList({ action, lang }: { action: SmartAction | null; lang: Language }) {
  if (!action) return <p className="report-empty">{W.noAction[lang]}</p>
  return (
    <dl className="report-smart" data-testid="report-action">
      {SMART_FIELDS.map((field) => (
        <div key={field} className="report-smart__row">
          <dt>{SMART_LABELS[field][lang]}</dt>
          <dd>{action[field].trim() || '–'}</dd>
        </div>
      ))}
    </dl>
  )
}

function markName(value: string, lang: Language): string {
  const label = MARK_LABELS[value]
  return label && label[lang] !== value ? `${label[lang]} (${value})` : (label?.[lang] ?? value)
}
