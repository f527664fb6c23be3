import type { ConnectionState } from '../collab/connectionMonitor'
import { useT } from '../i18n/useT'

/**
 * The connection state, always visible at the top of the board, announced politely. Offline, a
 * short line; what happens to the work meanwhile is in the tooltip and read out with it.
 */
export function ConnectionIndicator({ state }: { state: ConnectionState }) {
  const t = useT()
  const detail = state === 'offline' ? t('connection.offlineDetail') : null
  return (
    <div
      className={`connection connection--${state}`}
      role="status"
      aria-live="polite"
      data-state={state}
      title={detail ?? undefined}
    >
      <span className="connection__dot" aria-hidden="true" />
      <span className="connection__text">
        {t(`connection.${state}`)}
        {detail ? <span className="visually-hidden"> {detail}</span> : null}
      </span>
    </div>
  )
}
