import { useState } from 'react'
import { wordApiError } from '../api/apiErrors'
import { useT } from '../i18n/useT'
import { GROUP_FRAGMENT, rememberGroup } from './groupAccess'
import { groupApi } from './groupApi'

/**
 * "Nieuwe groepslink maken": for a group link that went further than the facilitators. Asks
 * first, in place; the new secret replaces the old one in this browser and on the page.
 */
export function RenewGroupLink({
  groupId,
  name,
  secret,
  onRenewed,
}: {
  groupId: string
  name: string
  secret: string
  onRenewed(secret: string): void
}) {
  const t = useT()
  const [confirming, setConfirming] = useState(false)
  const [busy, setBusy] = useState(false)
  const [done, setDone] = useState(false)
  const [error, setError] = useState<unknown>(null)
  const renew = () => {
    setBusy(true)
    setError(null)
    groupApi.renewLink(groupId, secret).then(
      ({ groupPath }) => {
        const fresh = new URLSearchParams(groupPath.split('#')[1] ?? '').get(GROUP_FRAGMENT)
        setBusy(false)
        setConfirming(false)
        if (!fresh) return
        rememberGroup({ id: groupId, name, secret: fresh })
        setDone(true)
        onRenewed(fresh)
      },
      (reason: unknown) => {
        setBusy(false)
        setError(reason)
      },
    )
  }
  return (
    <div className="group-renew">
      {confirming ? (
        <div className="group-card__actions" role="alertdialog" aria-labelledby="group-renew-confirm">
          <p id="group-renew-confirm" className="group-erase__confirm">
            {t('group.renew.confirm')}
          </p>
          <button type="button" className="button button--primary" onClick={renew} disabled={busy}>
            {t('group.renew.yes')}
          </button>
          <button type="button" className="button" onClick={() => setConfirming(false)}>
            {t('group.renew.no')}
          </button>
        </div>
      ) : (
        <button
          type="button"
          className="button button--quiet"
          onClick={() => {
            setDone(false)
            setConfirming(true)
          }}
        >
          {t('group.renew.button')}
        </button>
      )}
      <p className="field__hint" role="status">
        {done ? t('group.renew.done') : ''}
      </p>
      {error ? (
        <p className="field__error" role="alert">
          {wordApiError(t, error)}
        </p>
      ) : null}
    </div>
  )
}
