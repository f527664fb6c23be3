import { type FormEvent, useId, useState } from 'react'
import { wordApiError } from '../api/apiErrors'
import type { MessageKey } from '../i18n/messages'
import { useT } from '../i18n/useT'
import { meetingApi } from '../meeting/meetingApi'
import { type LinkProblem, meetingPath, parsePastedLink } from '../pastedLink'
import { boardPath } from '../roomId'
import { navigate } from '../router'

/** What we expected, for each way a paste can fail to read. */
export const LINK_PROBLEM_TEXT: Record<LinkProblem, MessageKey> = {
  empty: 'front.open.empty',
  badMeetingId: 'front.open.badMeetingId',
  cutSecret: 'front.open.cutSecret',
  badBoardId: 'front.open.badBoardId',
  unknown: 'front.open.unknown',
}

/**
 * "Een bijeenkomst of bord openen": whatever link or code someone was given goes in here and
 * leads to its meeting's join screen or its free board. A bare code is looked up first, so a
 * meeting's code never opens an empty free board of the same name.
 */
export function OpenLinkForm() {
  const t = useT()
  const [input, setInput] = useState('')
  const [error, setError] = useState<string | null>(null)
  const [busy, setBusy] = useState(false)
  const inputId = useId()
  const hintId = useId()
  const errorId = useId()

  const open = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault()
    if (busy) return
    const link = parsePastedLink(input)
    switch (link.kind) {
      case 'problem':
        setError(t(LINK_PROBLEM_TEXT[link.problem]))
        return
      case 'board':
        navigate(boardPath(link.roomId))
        return
      case 'meeting':
        navigate(meetingPath(link.meetingId, link.secret))
        return
      case 'code':
        setBusy(true)
        meetingApi.exists(link.code).then(
          (isMeeting) => navigate(isMeeting ? meetingPath(link.code) : boardPath(link.code)),
          (failure: unknown) => {
            setBusy(false)
            setError(wordApiError(t, failure))
          },
        )
        return
    }
  }

  return (
    <form onSubmit={open} noValidate>
      <label className="field__label" htmlFor={inputId}>
        {t('front.open.label')}
      </label>
      <p className="field__hint" id={hintId}>
        {t('front.open.hint')}
      </p>
      <div className="field__row">
        <input
          id={inputId}
          className="field__input"
          type="text"
          inputMode="url"
          autoComplete="off"
          spellCheck={false}
          value={input}
          onChange={(event) => {
            setInput(event.target.value)
            setError(null)
          }}
          aria-describedby={error ? `${hintId} ${errorId}` : hintId}
          aria-invalid={error ? true : undefined}
        />
        <button type="submit" className="button" aria-disabled={busy}>
          {t('front.open.submit')}
        </button>
      </div>
      {error ? (
        <p className="field__error" id={errorId} role="alert">
          {error}
        </p>
      ) : null}
    </form>
  )
}
