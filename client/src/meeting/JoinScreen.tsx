import { type FormEvent, useId, useState } from 'react'
import { LanguageToggle } from '../i18n/LanguageToggle'
import { useT } from '../i18n/useT'
import { Brand } from '../ui/Brand'
import { getIdentity, updateIdentity } from '../user/identity'
import { type LinkSecret, type StoredSession, saveSession } from './meetingAccess'
import { meetingApi } from './meetingApi'

interface JoinScreenProps {
  meetingId: string
  secret: LinkSecret
  onJoined(session: StoredSession): void
}

/** Opening a facilitator or invite link: give your name, and the server gives you a session. */
export function JoinScreen({ meetingId, secret, onJoined }: JoinScreenProps) {
  const t = useT()
  const [name, setName] = useState(() => getIdentity().name ?? '')
  const [busy, setBusy] = useState(false)
  const [error, setError] = useState<string | null>(null)
  const nameId = useId()
  const errorId = useId()

  const submit = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault()
    if (!name.trim()) {
      setError(t('name.required'))
      return
    }
    setBusy(true)
    setError(null)
    try {
      const join = secret.kind === 'facilitator' ? meetingApi.facilitate : meetingApi.join
      const answer = await join(meetingId, secret.secret, name.trim())
      updateIdentity({ name: name.trim() })
      const session = { token: answer.token, participantId: answer.participant.id }
      saveSession(meetingId, session)
      onJoined(session)
    } catch (failure) {
      setError((failure as Error).message)
      setBusy(false)
    }
  }

  return (
    <div className="front">
      <header className="front__header">
        <Brand />
        <LanguageToggle />
      </header>
      <main className="front__main join">
        <h1 className="front__title">{t('meeting.join.title', { title: t('app.name') })}</h1>
        <p className="front__lead">
          {secret.kind === 'facilitator' ? t('meeting.join.asFacilitator') : t('meeting.join.asParticipant')}
        </p>
        <form className="join__form" onSubmit={submit} noValidate>
          <label htmlFor={nameId} className="field__label">
            {t('meeting.join.name')}
          </label>
          <input
            id={nameId}
            className="field__input"
            value={name}
            maxLength={40}
            autoComplete="name"
            aria-invalid={error !== null}
            aria-describedby={error ? errorId : undefined}
            onChange={(e) => setName(e.target.value)}
          />
          {error ? (
            <p id={errorId} className="field__error" role="alert">
              {error}
            </p>
          ) : null}
          <button type="submit" className="button button--primary button--large" disabled={busy}>
            {busy ? t('meeting.join.busy') : t('meeting.join.submit')}
          </button>
        </form>
        <p className="front__privacy">{t('meeting.join.confidential')}</p>
      </main>
    </div>
  )
}
