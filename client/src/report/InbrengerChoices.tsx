import { type FormEvent, useEffect, useId, useState } from 'react'
import type { Editor } from 'tldraw'
import { type BoardRecord, DOCUMENT_ID } from '../../../shared/boardRecords'
import {
  type OutcomeChoices,
  readChoices,
  SMART_FIELDS,
  type SmartAction,
  withChoices,
} from '../../../shared/outcome/choices'
import type { MeetingOutcome } from '../../../shared/outcome/meetingOutcome'
import { useT } from '../i18n/useT'

interface InbrengerChoicesProps {
  editor: Editor
  outcome: MeetingOutcome
  open: { advice: boolean; action: boolean }
}

const EMPTY_ACTION: SmartAction = {
  specifiek: '',
  meetbaar: '',
  acceptabel: '',
  realistisch: '',
  tijdgebonden: '',
}

/**
 * The inbrenger's part: choose one advice and write the SMART action. Both go into the room's
 * document record (shared/outcome/choices.ts); the board's locks judge the change like
 * any other, and the server again, so only the inbrenger's choice ever lands.
 */
export function InbrengerChoices({ editor, outcome, open }: InbrengerChoicesProps) {
  const t = useT()
  const ids = useId()
  const advice = outcome.zones.advice.flatMap((zone) => zone.notes)
  const [action, setAction] = useState<SmartAction>(outcome.action ?? EMPTY_ACTION)
  const [saved, setSaved] = useState(false)
  // Someone's edit elsewhere (or a reset) shows here, unless I am typing.
  const stored = JSON.stringify(outcome.action ?? EMPTY_ACTION)
  useEffect(() => setAction(JSON.parse(stored) as SmartAction), [stored])

  const write = (patch: Partial<OutcomeChoices>): boolean => {
    const document = editor.store.get(DOCUMENT_ID as never)
    if (!document) return false
    editor.store.put([withChoices(document as never, patch)])
    return true
  }
  const saveAction = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault()
    setSaved(write({ action }) && JSON.stringify(readBack(editor)) === JSON.stringify(action))
  }

  return (
    <section className="report-choices no-print" aria-labelledby={`${ids}-heading`}>
      <h2 id={`${ids}-heading`}>{t('report.choices.heading')}</h2>
      <p className="report-choices__lead">{t('report.choices.lead')}</p>
      <fieldset className="report-choices__advice" disabled={!open.advice}>
        <legend>{t('report.choices.advice')}</legend>
        {!open.advice ? <p className="report-empty">{t('report.choices.adviceLater')}</p> : null}
        {open.advice && advice.length === 0 ? (
          <p className="report-empty">{t('report.choices.noAdvice')}</p>
        ) : null}
        {advice.map((note) => (
          <label key={note.id} className="report-choices__option">
            <input
              type="radio"
              name={`${ids}-advice`}
              checked={outcome.chosenAdvice?.id === note.id}
              onChange={() => write({ chosenAdviceId: note.id })}
            />
            <span>
              {note.text}
              {note.author ? <span className="report-note__author"> — {note.author}</span> : null}
            </span>
          </label>
        ))}
        {advice.length > 0 ? (
          <label className="report-choices__option">
            <input
              type="radio"
              name={`${ids}-advice`}
              checked={outcome.chosenAdvice === null}
              onChange={() => write({ chosenAdviceId: null })}
            />
            <span>{t('report.choices.none')}</span>
          </label>
        ) : null}
      </fieldset>
      <form className="report-choices__action" onSubmit={saveAction}>
        <fieldset disabled={!open.action}>
          <legend>{t('report.choices.action')}</legend>
          {SMART_FIELDS.map((field) => (
            <div key={field} className="field">
              <label className="field__label" htmlFor={`${ids}-${field}`}>
                {t(`report.smart.${field}`)}
              </label>
              <textarea
                id={`${ids}-${field}`}
                className="field__input report-choices__text"
                rows={2}
                maxLength={1000}
                value={action[field]}
                onChange={(e) => {
                  setSaved(false)
                  setAction({ ...action, [field]: e.target.value })
                }}
              />
            </div>
          ))}
          <button type="submit" className="button button--primary">
            {t('report.choices.save')}
          </button>
          {saved ? (
            <span className="report-choices__saved" role="status">
              {t('report.choices.saved')}
            </span>
          ) : null}
        </fieldset>
      </form>
    </section>
  )
}

/** The action as the store holds it after a write (the locks may have refused it). */
function readBack(editor: Editor): SmartAction | null {
  return readChoices(editor.store.get(DOCUMENT_ID as never) as BoardRecord | undefined).action
}
