import { type FormEvent, useId, useState } from 'react'
import { createShapeId, type Editor, toRichText } from 'tldraw'
import { noteArea } from '../../../shared/layout'
import { SCORE_META_KEY, SCORE_VALUES } from '../../../shared/outcome/evaluation'
import { nextFreeSlot } from '../../../shared/slots'
import { useT } from '../i18n/useT'
import { occupiedIn } from '../meeting/layout/slotPlacement'
import type { MeetingState } from '../meeting/meetingState'

interface EvaluationFormProps {
  editor: Editor
  meeting: MeetingState
  /** The evaluation zone open to me now. */
  zoneId: string
  /** Reports leave names out (the facilitator's choice), said here so people know. */
  anonymous: boolean
}

/**
 * The closing evaluation for everyone: how the process went, what it brought, and a score from 1
 * to 5 if you like. It goes on the board as your note in the evaluation zone (the next free
 * place), with the score in its meta; the locks judge it like any note you add there.
 */
export function EvaluationForm({ editor, meeting, zoneId, anonymous }: EvaluationFormProps) {
  const t = useT()
  const ids = useId()
  const [process, setProcess] = useState('')
  const [gain, setGain] = useState('')
  const [score, setScore] = useState<number | null>(null)
  const [result, setResult] = useState<'placed' | 'refused' | 'full' | null>(null)

  const submit = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault()
    const lines = [
      process.trim() ? `${t('report.evaluation.process')} ${process.trim()}` : '',
      gain.trim() ? `${t('report.evaluation.gain')} ${gain.trim()}` : '',
    ].filter((line) => line !== '')
    if (lines.length === 0 && score === null) return
    const area = noteArea(meeting.template, zoneId)
    const slot = nextFreeSlot(area, occupiedIn(editor, area))
    if (!slot) return setResult('full')
    const id = createShapeId()
    editor.createShape({
      id,
      type: 'note',
      x: slot.x,
      y: slot.y,
      props: { richText: toRichText(lines.join('\n') || `${t('report.evaluation.scoreOnly')}`) },
      meta: score === null ? {} : { [SCORE_META_KEY]: score },
    })
    // A refused note is taken back by the locks in a microtask queued during the create.
    await Promise.resolve()
    if (!editor.getShape(id)) return setResult('refused')
    setProcess('')
    setGain('')
    setScore(null)
    setResult('placed')
  }

  return (
    <form
      className="report-choices report-evaluation no-print"
      onSubmit={submit}
      aria-labelledby={`${ids}-h`}
    >
      <h2 id={`${ids}-h`}>{t('report.evaluation.heading')}</h2>
      <p className="report-choices__lead">
        {t(anonymous ? 'report.evaluation.leadAnonymous' : 'report.evaluation.lead')}
      </p>
      <div className="field">
        <label className="field__label" htmlFor={`${ids}-process`}>
          {t('report.evaluation.processLabel')}
        </label>
        <textarea
          id={`${ids}-process`}
          className="field__input report-choices__text"
          rows={2}
          maxLength={1000}
          value={process}
          onChange={(e) => setProcess(e.target.value)}
        />
      </div>
      <div className="field">
        <label className="field__label" htmlFor={`${ids}-gain`}>
          {t('report.evaluation.gainLabel')}
        </label>
        <textarea
          id={`${ids}-gain`}
          className="field__input report-choices__text"
          rows={2}
          maxLength={1000}
          value={gain}
          onChange={(e) => setGain(e.target.value)}
        />
      </div>
      <fieldset className="report-evaluation__score">
        <legend>{t('report.evaluation.score')}</legend>
        {SCORE_VALUES.map((value) => (
          <label key={value} className="report-evaluation__value">
            <input
              type="radio"
              name={`${ids}-score`}
              checked={score === value}
              onChange={() => setScore(value)}
            />
            {value}
          </label>
        ))}
        <label className="report-evaluation__value">
          <input
            type="radio"
            name={`${ids}-score`}
            checked={score === null}
            onChange={() => setScore(null)}
          />
          {t('report.evaluation.noScore')}
        </label>
      </fieldset>
      <button type="submit" className="button button--primary">
        {t('report.evaluation.submit')}
      </button>
      {result ? (
        <span className="report-choices__saved" role="status">
          {t(`report.evaluation.${result}`)}
        </span>
      ) : null}
    </form>
  )
}
