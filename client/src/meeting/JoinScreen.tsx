import '../styles/join.css'
import { type FormEvent, useId, useState } from 'react'
import { checkDisplayName, DISPLAY_NAME_MAX } from '../../../shared/people/displayName'
import { wordApiError } from '../api/apiErrors'
import { type KnownMember, knownMember } from '../groups/memberAccess'
import { LanguageToggle } from '../i18n/LanguageToggle'
import { useLanguage, useT } from '../i18n/useT'
import { Brand } from '../ui/Brand'
import { useDocumentTitle } from '../ui/useDocumentTitle'
import { getIdentity, updateIdentity } from '../user/identity'
import { JoinKeyForm } from './JoinKeyForm'
import { type LinkSecret, type StoredSession, saveSession } from './meetingAccess'
import { meetingApi } from './meetingApi'
import { type MeetingPreview, useMeetingPreview } from './useMeetingPreview'

interface JoinScreenProps {
  meetingId: string
  /** The secret from the link's fragment; null when only the meeting's address or code came. */
  secret: LinkSecret | null
  onJoined(session: StoredSession): void
}

/**
 * Opening a meeting's link: the screen names the meeting, its method and its facilitator, asks
 * for your name, and the server gives you a session. Without a key, or with one that no longer
 * works, it says so and takes the (new) invite link instead.
 */
export function JoinScreen({ meetingId, secret: linkSecret, onJoined }: JoinScreenProps) {
  const t = useT()
  const [secret, setSecret] = useState(linkSecret)
  const state = useMeetingPreview(meetingId, secret)
  const preview = state.status === 'ready' ? state.preview : null
  const heading =
    state.status === 'invalid'
      ? t('join.heading.invalid')
      : preview
        ? t('meeting.join.title', { title: preview.title })
        : t('join.heading.noKey')
  useDocumentTitle(`${heading} — ${t('app.name')}`)

  return (
    <div className="front">
      <header className="front__header">
        <Brand />
        <LanguageToggle />
      </header>
      <main className="front__main join">
        <h1 className="front__title">{heading}</h1>
        {preview ? <JoinFacts preview={preview} /> : null}
        {state.status === 'noKey' ? <p className="front__lead">{t('join.noKey.explain')}</p> : null}
        {state.status === 'invalid' ? <p className="front__lead">{t('join.invalid.explain')}</p> : null}
        {state.status === 'checking' ? (
          <p className="front__lead" role="status">
            {t('join.checking')}
          </p>
        ) : null}
        {state.status === 'noKey' || state.status === 'invalid' ? (
          <JoinKeyForm
            meetingId={meetingId}
            label={state.status === 'noKey' ? t('join.key.label') : t('join.key.labelNew')}
            onSecret={setSecret}
          />
        ) : null}
        {secret && (state.status === 'ready' || state.status === 'unreachable') ? (
          <NameForm
            meetingId={meetingId}
            // The server says which link the secret belongs to, whatever the fragment was called.
            secret={preview ? { kind: preview.link, secret: secret.secret } : secret}
            unreachable={state.status === 'unreachable'}
            member={preview?.groupId ? knownMember(preview.groupId) : null}
            onJoined={onJoined}
          />
        ) : null}
        <p className="front__privacy">{t('meeting.join.confidential')}</p>
      </main>
    </div>
  )
}

/** Title is the heading; this names the method and who leads the meeting. */
function JoinFacts({ preview }: { preview: MeetingPreview }) {
  const t = useT()
  const language = useLanguage()
  return (
    <dl className="join__facts" aria-label={t('join.facts.label')}>
      <div className="join__fact">
        <dt>{t('join.facts.method')}</dt>
        <dd>{preview.method[language]}</dd>
      </div>
      <div className="join__fact">
        <dt>{t('join.facts.facilitator')}</dt>
        <dd>{preview.facilitator ?? t('join.facts.noFacilitator')}</dd>
      </div>
    </dl>
  )
}

interface NameFormProps {
  meetingId: string
  secret: LinkSecret
  unreachable: boolean
  /** This browser holds a member's personal link of the meeting's group: they join as that member. */
  member: KnownMember | null
  onJoined(session: StoredSession): void
}

/**
 * Your name as the group sees it; the secret is traded for a session token. A group member whose
 * browser holds their personal link comes in as that member, under their own name.
 */
function NameForm({ meetingId, secret, unreachable, member, onJoined }: NameFormProps) {
  const t = useT()
  const [name, setName] = useState(() => getIdentity().name ?? '')
  const [busy, setBusy] = useState(false)
  const [error, setError] = useState<string | null>(null)
  const nameId = useId()
  const errorId = useId()

  const submit = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault()
    // The same rule as the server's (shared/people): what is left visible, and how long.
    const checked = checkDisplayName(name, [])
    if (!member && !checked.ok) {
      setError(
        checked.problem === 'tooLong'
          ? t('api.invalid_name', { min: '1', max: String(DISPLAY_NAME_MAX) })
          : t('name.required'),
      )
      return
    }
    setBusy(true)
    setError(null)
    try {
      const join = secret.kind === 'facilitator' ? meetingApi.facilitate : meetingApi.join
      const answer = await join(meetingId, secret.secret, checked.ok ? checked.name : '', member?.credential)
      if (!member && checked.ok) updateIdentity({ name: checked.name })
      const session = { token: answer.token, participantId: answer.participant.id }
      saveSession(meetingId, session)
      onJoined(session)
    } catch (failure) {
      setError(wordApiError(t, failure))
      setBusy(false)
    }
  }

  return (
    <>
      <p className="front__lead">
        {secret.kind === 'facilitator' ? t('meeting.join.asFacilitator') : t('meeting.join.asParticipant')}
        {unreachable ? ` ${t('join.unreachable')}` : ''}
      </p>
      <form className="join__form" onSubmit={submit} noValidate>
        {member ? (
          <p className="join__member">{t('people.join.asMember', { name: member.name })}</p>
        ) : (
          <>
            <label htmlFor={nameId} className="field__label">
              {t('meeting.join.name')}
            </label>
            <input
              id={nameId}
              className="field__input"
              value={name}
              autoComplete="name"
              aria-invalid={error !== null}
              aria-describedby={error ? errorId : undefined}
              onChange={(e) => setName(e.target.value)}
            />
          </>
        )}
        {error ? (
          <p id={errorId} className="field__error" role="alert">
            {error}
          </p>
        ) : null}
        <button type="submit" className="button button--primary button--large" disabled={busy}>
          {busy ? t('meeting.join.busy') : t('meeting.join.submit')}
        </button>
      </form>
    </>
  )
}
