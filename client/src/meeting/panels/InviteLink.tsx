import '../../styles/invite.css'
import { useId, useState } from 'react'
import { useT } from '../../i18n/useT'
import { useCopy } from '../../ui/useCopy'
import { useServerAction } from './useServerAction'

interface InviteLinkProps {
  /** The current invite link, if this browser knows it. */
  link: string | null
  /** Makes a new invite link and resolves with it; the old one stops working. */
  onRenew: () => Promise<string>
}

/**
 * The invite link for the group, with a copy button and who it is for. The server keeps only a
 * hash of the link, so a browser that does not know it (the facilitator joined elsewhere) gets
 * one by making a new one; the facilitator can also replace a link that went too far.
 */
export function InviteLink({ link: knownLink, onRenew }: InviteLinkProps) {
  const t = useT()
  const headingId = useId()
  const inputId = useId()
  const { result, copy } = useCopy()
  const [link, setLink] = useState(knownLink)
  const [renewed, setRenewed] = useState(false)
  const [confirming, setConfirming] = useState(false)
  const action = useServerAction<'renew'>()

  const renew = async () => {
    await action.run('renew', async () => {
      setLink(await onRenew())
      setRenewed(true)
      setConfirming(false)
    })
  }
  const renewButton = (label: string) => (
    <button
      type="button"
      className="button invite__renew"
      onClick={renew}
      disabled={action.pending !== null}
      aria-busy={action.pending !== null}
    >
      {action.pending ? t('meeting.invite.renewing') : label}
    </button>
  )

  return (
    <section className="invite" aria-labelledby={headingId}>
      <h3 className="people-panel__subtitle" id={headingId}>
        {t('meeting.invite.title')}
      </h3>
      {link === null ? (
        <>
          <p className="invite__text">{t('meeting.invite.unknown')}</p>
          {renewButton(t('meeting.invite.make'))}
        </>
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
              data-link="invite"
              onFocus={(event) => event.currentTarget.select()}
            />
            <button type="button" className="button invite__copy" onClick={() => copy(link)}>
              {result === 'copied' ? t('meeting.invite.copied') : t('meeting.invite.copy')}
            </button>
          </div>
          {confirming ? (
            <div className="invite__confirm">
              <p className="invite__text">{t('meeting.invite.renewConfirm')}</p>
              <div className="invite__row">
                {renewButton(t('meeting.invite.renewYes'))}
                <button type="button" className="button button--quiet" onClick={() => setConfirming(false)}>
                  {t('meeting.invite.renewNo')}
                </button>
              </div>
            </div>
          ) : (
            <button
              type="button"
              className="button button--quiet invite__renew"
              onClick={() => setConfirming(true)}
            >
              {t('meeting.invite.renew')}
            </button>
          )}
        </>
      )}
      <p className="invite__feedback invite__feedback--ok" role="status" aria-live="polite">
        {renewed ? t('meeting.invite.renewed') : ''}
      </p>
      <p className="invite__feedback" role="alert">
        {result === 'failed' ? t('meeting.invite.copyFailed') : (action.error ?? '')}
      </p>
    </section>
  )
}
