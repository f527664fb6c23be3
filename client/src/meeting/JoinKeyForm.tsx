import { type FormEvent, useId, useState } from 'react'
import { LINK_PROBLEM_TEXT } from '../front/OpenLinkForm'
import { useT } from '../i18n/useT'
import { type LinkSecret, meetingPath, parsePastedLink } from '../pastedLink'
import { boardPath } from '../roomId'
import { navigate } from '../router'

interface JoinKeyFormProps {
  meetingId: string
  label: string
  /** A secret for this meeting was pasted: check it and ask for the name. */
  onSecret(secret: LinkSecret): void
}

/**
 * On the join screen without a (working) key: paste the invite link here. A link to this meeting
 * brings its key; a link to another meeting or a board goes there.
 */
export function JoinKeyForm({ meetingId, label, onSecret }: JoinKeyFormProps) {
  const t = useT()
  const [input, setInput] = useState('')
  const [error, setError] = useState<string | null>(null)
  const inputId = useId()
  const errorId = useId()

  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault()
    const link = parsePastedLink(input)
    if (link.kind === 'problem') return setError(t(LINK_PROBLEM_TEXT[link.problem]))
    if (link.kind === 'board') return navigate(boardPath(link.roomId))
    if (link.kind === 'code' || !link.secret) return setError(t('join.key.noSecret'))
    if (link.meetingId !== meetingId) return navigate(meetingPath(link.meetingId, link.secret))
    setInput('')
    onSecret(link.secret)
  }

  return (
    <form className="join__form join__form--key" onSubmit={submit} noValidate>
      <label htmlFor={inputId} className="field__label">
        {label}
      </label>
      <div className="field__row">
        <input
          id={inputId}
          className="field__input"
          type="text"
          inputMode="url"
          autoComplete="off"
          spellCheck={false}
          value={input}
          aria-invalid={error ? true : undefined}
          aria-describedby={error ? errorId : undefined}
          onChange={(event) => {
            setInput(event.target.value)
            setError(null)
          }}
        />
        <button type="submit" className="button">
          {t('join.key.submit')}
        </button>
      </div>
      {error ? (
        <p id={errorId} className="field__error" role="alert">
          {error}
        </p>
      ) : null}
    </form>
  )
}
