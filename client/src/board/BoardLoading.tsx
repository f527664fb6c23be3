import { createContext, useContext } from 'react'
import type { ConnectionState } from '../collab/connectionMonitor'
import { useT } from '../i18n/useT'
import { LoadingView } from '../ui/LoadingView'

/** The connection state, for the loading screen tldraw renders while the store is 'loading'. */
export const BoardConnectionContext = createContext<ConnectionState>('connecting')

/** "Bord laden…", with a reassuring second line when the server cannot be reached. */
export function BoardLoading({ connection }: { connection: ConnectionState }) {
  const t = useT()
  const stuck = connection === 'offline' || connection === 'closed'
  return <LoadingView message={t('board.loading')} detail={stuck ? t('board.loadingStuck') : null} />
}

/** tldraw's LoadingScreen slot. */
export function CanvasLoadingScreen() {
  return <BoardLoading connection={useContext(BoardConnectionContext)} />
}
