import { type FormEvent, useId, useState } from 'react'
import type { Template } from '../../../templates/src/schema'
import { wordApiError } from '../api/apiErrors'
import type { Language } from '../i18n/language'
import { useT } from '../i18n/useT'
import { type CreatedMeeting, createMeeting } from './createMeeting'

/** The server accepts titles up to this length. */
const TITLE_MAX = 120

interface CreateMeetingFormProps {
  template: Template
  language: Language
  title: string
  onTitle: (title: string) => void
  onCreated: (meeting: CreatedMeeting, title: string) => void
}

/** The meeting's title (optional: the method's name otherwise) and "Bijeenkomst aanmaken". */
export function CreateMeetingForm({ template, language, title, onTitle, onCreated }: CreateMeetingFormProps) {
  const t = useT()
  const inputId = useId()
  const hintId = useId()
  const errorId = useId()
  const [busy, setBusy] = useState(false)
  const [error, setError] = useState<string | null>(null)
  const methodName = template.name[language]

  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault()
    if (busy) return
    const finalTitle = title.trim() || methodName
    setBusy(true)
    setError(null)
    createMeeting(template.id, finalTitle).then(
      (meeting) => onCreated(meeting, finalTitle),
      (reason: unknown) => {
        setBusy(false)
        setError(t('newMeeting.form.failed', { reason: wordApiError(t, reason) }))
      },
    )
  }

  return (
    <form className="create-form" onSubmit={submit} noValidate>
      <label className="field__label" htmlFor={inputId}>
        {t('newMeeting.form.titleLabel')}
      </label>
      <input
        id={inputId}
        className="field__input create-form__input"
        type="text"
        autoComplete="off"
        maxLength={TITLE_MAX}
        placeholder={methodName}
        value={title}
        onChange={(event) => onTitle(event.target.value)}
        aria-describedby={error ? `${hintId} ${errorId}` : hintId}
      />
      <p className="field__hint create-form__hint" id={hintId}>
        {t('newMeeting.form.titleHint', { name: methodName })}
      </p>
      <button
        type="submit"
        className="button button--primary button--large create-form__submit"
        aria-disabled={busy}
      >
        {busy ? t('newMeeting.form.creating') : t('newMeeting.form.create')}
      </button>
      {error ? (
        <p className="field__error" id={errorId} role="alert">
          {error}
        </p>
      ) : null}
    </form>
  )
}
