import type { ConnectionState } from '../collab/connectionMonitor'
import { useT } from '../i18n/useT'

/** The connection state, always visible at the top of the board, announced politely. */
export function ConnectionIndicator({ state }: { state: ConnectionState }) {
  const t = useT()
  return (
    <div className={`connection connection--${state}`} role="status" aria-live="polite" data-state={state}>
      <span className="connection__dot" aria-hidden="true" />
      <span className="connection__text">{t(`connection.${state}`)}</span>
    </div>
  )
}
