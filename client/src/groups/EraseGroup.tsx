import { useState } from 'react'
import { wordApiError } from '../api/apiErrors'
import { useT } from '../i18n/useT'
import { forgetGroup } from './groupAccess'
import { groupApi } from './groupApi'

/**
 * "Groep wissen": the group's name, members, series and register go for good; the meetings stay
 * (each facilitator erases their own). Asks first, in place.
 */
export function EraseGroup({
  groupId,
  secret,
  onErased,
}: {
  groupId: string
  secret: string
  onErased(): void
}) {
  const t = useT()
  const [confirming, setConfirming] = useState(false)
  const [busy, setBusy] = useState(false)
  const [error, setError] = useState<unknown>(null)
  const erase = () => {
    setBusy(true)
    setError(null)
    groupApi.erase(groupId, secret).then(
      () => {
        forgetGroup(groupId)
        onErased()
      },
      (reason: unknown) => {
        setBusy(false)
        setError(reason)
      },
    )
  }
  return (
    <section className="group-erase" aria-labelledby="group-erase-title">
      <h2 className="group-erase__title" id="group-erase-title">
        {t('group.erase.title')}
      </h2>
      <p className="field__hint">{t('group.erase.text')}</p>
      {confirming ? (
        <div className="group-card__actions" role="alertdialog" aria-labelledby="group-erase-confirm">
          <p id="group-erase-confirm" className="group-erase__confirm">
            {t('group.erase.confirm')}
          </p>
          <button type="button" className="button button--danger" onClick={erase} disabled={busy}>
            {t('group.erase.yes')}
          </button>
          <button type="button" className="button" onClick={() => setConfirming(false)}>
            {t('group.erase.no')}
          </button>
        </div>
      ) : (
        <button
          type="button"
          className="button button--quiet group-erase__button"
          onClick={() => setConfirming(true)}
        >
          {t('group.erase.button')}
        </button>
      )}
      {error ? (
        <p className="field__error" role="alert">
          {wordApiError(t, error)}
        </p>
      ) : null}
    </section>
  )
}
