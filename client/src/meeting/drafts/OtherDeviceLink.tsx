import { useState } from 'react'
import { useT } from '../../i18n/useT'
import { loadMeetingKey, SESSION_FRAGMENT, withKey } from './meetingKey'

/**
 * My own link, to carry on on another device with my drafts: my session token and the meeting
 * key, both in the fragment (never sent to a server). It is mine alone, and says so.
 */
export function OtherDeviceLink({ meetingId, token }: { meetingId: string; token: string }) {
  const t = useT()
  const [copied, setCopied] = useState(false)
  const url = `${window.location.origin}${withKey(`/m/${meetingId}#${SESSION_FRAGMENT}=${token}`, loadMeetingKey(meetingId))}`
  return (
    <details className="private-writing__device">
      <summary>{t('drafts.otherDevice')}</summary>
      <p>{t('drafts.otherDeviceHint')}</p>
      <div className="private-writing__link">
        <input readOnly value={url} aria-label={t('drafts.otherDevice')} onFocus={(e) => e.target.select()} />
        <button
          type="button"
          className="button"
          onClick={() => {
            void navigator.clipboard?.writeText(url).then(() => setCopied(true))
          }}
        >
          {copied ? t('drafts.copied') : t('drafts.copy')}
        </button>
      </div>
    </details>
  )
}
