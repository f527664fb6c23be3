import { useId } from 'react'
import { useT } from '../../i18n/useT'
import { useCopy } from '../../ui/useCopy'

/**
 * The invite link for the group, with a copy button and who it is for; when this browser does not
 * know it (the facilitator joined through someone else's link), where to get it.
 */
export function InviteLink({ link }: { link: string | null }) {
  const t = useT()
  const headingId = useId()
  const inputId = useId()
  const { result, copy } = useCopy()

  return (
    <section className="invite" aria-labelledby={headingId}>
      <h3 className="people-panel__subtitle" id={headingId}>
        {t('meeting.invite.title')}
      </h3>
      {link === null ? (
        <p className="invite__text">{t('meeting.invite.unknown')}</p>
      ) : (
        <>
          <p className="invite__text">{t('meeting.invite.explain')}</p>
          <label className="visually-hidden" htmlFor={inputId}>
            {t('meeting.invite.label')}
          </label>
          <div className="invite__row">
            <input
              id={inputId}
              className="invite__input"
              type="text"
              readOnly
              value={link}
              onFocus={(event) => event.currentTarget.select()}
            />
            <button type="button" className="button invite__copy" onClick={() => copy(link)}>
              {result === 'copied' ? t('meeting.invite.copied') : t('meeting.invite.copy')}
            </button>
          </div>
          <p className="invite__feedback" role="status" aria-live="polite">
            {result === 'failed' ? t('meeting.invite.copyFailed') : ''}
          </p>
        </>
      )}
    </section>
  )
}
