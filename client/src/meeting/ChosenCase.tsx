import { type FormEvent, useId, useState } from 'react'
import { useT } from '../i18n/useT'
import type { MeetingUiProps } from './meetingUi'
import { useServerAction } from './panels/useServerAction'

/**
 * The case the group chose, in one line, for everyone to keep in view; the facilitator notes it
 * (the server keeps it with the meeting's state).
 */
export function ChosenCase({ view, me, onCommand }: Pick<MeetingUiProps, 'view' | 'me' | 'onCommand'>) {
  const t = useT()
  const inputId = useId()
  const chosen = view.progress.chosenCase
  const [editing, setEditing] = useState(false)
  const [text, setText] = useState(chosen ?? '')
  const action = useServerAction<'chooseCase'>()
  const isFacilitator = me.role === 'begeleider'
  if (!chosen && !isFacilitator) return null

  const save = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault()
    if (!text.trim()) return
    const done = await action.run('chooseCase', () => onCommand({ type: 'chooseCase', text: text.trim() }))
    if (done) setEditing(false)
  }

  if (editing) {
    return (
      <form className="chosen-case chosen-case--editing" onSubmit={save}>
        <label htmlFor={inputId} className="chosen-case__label">
          {t('meeting.case.label')}
        </label>
        <input
          id={inputId}
          className="field__input chosen-case__input"
          value={text}
          maxLength={500}
          placeholder={t('meeting.case.placeholder')}
          onChange={(e) => setText(e.target.value)}
        />
        <button type="submit" className="button button--primary" disabled={action.pending !== null}>
          {t('meeting.case.save')}
        </button>
        <button type="button" className="button button--quiet" onClick={() => setEditing(false)}>
          {t('name.cancel')}
        </button>
        {action.error ? (
          <p className="field__error" role="alert">
            {action.error}
          </p>
        ) : null}
      </form>
    )
  }
  return (
    <div className="chosen-case">
      <span className="chosen-case__label">{t('meeting.case.label')}</span>
      <span className="chosen-case__text">{chosen ?? t('meeting.case.none')}</span>
      {isFacilitator ? (
        <button
          type="button"
          className="button button--quiet chosen-case__edit"
          onClick={() => {
            setText(chosen ?? '')
            setEditing(true)
          }}
        >
          {chosen ? t('meeting.case.change') : t('meeting.case.set')}
        </button>
      ) : null}
    </div>
  )
}
