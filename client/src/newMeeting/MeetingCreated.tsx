import { useEffect, useRef } from 'react'
import { useT } from '../i18n/useT'
import { LinkBox } from './LinkBox'

export interface CreatedView {
  meetingId: string
  title: string
  methodName: string
  /** Path with the facilitator secret in its fragment; opened with a full page load. */
  facilitatorPath: string
  facilitatorUrl: string
  inviteUrl: string
  /** The group's link when the meeting is in a group (the page keeps it for the next meeting). */
  groupUrl: string | null
}

interface MeetingCreatedProps {
  created: CreatedView
  onAnother: () => void
}

/**
 * The meeting exists: both links as full URLs with copy buttons, a calm word that they are the
 * keys, and the way in as facilitator.
 */
export function MeetingCreated({ created, onAnother }: MeetingCreatedProps) {
  const t = useT()
  const headingRef = useRef<HTMLHeadingElement>(null)

  // The form that had focus is gone: move focus to the news, so screen readers read it.
  useEffect(() => {
    headingRef.current?.focus()
  }, [])

  return (
    <section className="created" aria-labelledby="created-title">
      <div className="created__intro">
        <svg
          className="created__mark"
          viewBox="0 0 24 24"
          width="28"
          height="28"
          aria-hidden="true"
          focusable="false"
        >
          <circle cx="12" cy="12" r="11" fill="currentColor" />
          <path
            d="M7 12.5l3.2 3.2L17 9"
            fill="none"
            stroke="#fff"
            strokeWidth="2.2"
            strokeLinecap="round"
            strokeLinejoin="round"
          />
        </svg>
        <div>
          <h1 className="created__title" id="created-title" ref={headingRef} tabIndex={-1}>
            {t('newMeeting.created.title')}
          </h1>
          <p className="created__lead">
            {created.title === created.methodName
              ? t('newMeeting.created.leadMethod', { method: created.methodName })
              : t('newMeeting.created.lead', { title: created.title, method: created.methodName })}
          </p>
        </div>
      </div>

      <div className="created__keys">
        <h2 className="created__keys-title">{t('newMeeting.created.keysTitle')}</h2>
        <p>{t('newMeeting.created.keys')}</p>
      </div>

      <LinkBox
        kind="facilitator"
        title={t('newMeeting.created.facilitatorTitle')}
        explanation={t('newMeeting.created.facilitatorText')}
        url={created.facilitatorUrl}
      />
      <LinkBox
        kind="invite"
        title={t('newMeeting.created.inviteTitle')}
        explanation={t('newMeeting.created.inviteText')}
        url={created.inviteUrl}
      />
      {created.groupUrl ? (
        <LinkBox
          kind="group"
          title={t('groupChoice.createdTitle')}
          explanation={t('groupChoice.createdText')}
          url={created.groupUrl}
        />
      ) : null}

      <div className="created__actions">
        <button
          type="button"
          className="button button--primary button--large"
          onClick={() => window.location.assign(created.facilitatorPath)}
        >
          {t('newMeeting.created.open')}
        </button>
        <button type="button" className="button button--quiet" onClick={onAnother}>
          {t('newMeeting.created.another')}
        </button>
      </div>
    </section>
  )
}
