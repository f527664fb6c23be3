import 'tldraw/tldraw.css'
import '../styles/board.css'
import { useState } from 'react'
import { useValue } from 'tldraw'
import { useBoardSession } from '../collab/useBoardSession'
import { getLanguage } from '../i18n/language'
import { translate, useLanguage, useT } from '../i18n/useT'
import { useDocumentTitle } from '../ui/useDocumentTitle'
import { useIdentity } from '../user/useIdentity'
import { BoardCanvas } from './BoardCanvas'
import { BoardErased } from './BoardErased'
import { BoardHeader } from './BoardHeader'
import { BoardConnectionContext, BoardLoading } from './BoardLoading'
import { BoardNoticeToast } from './BoardNoticeToast'
import { $currentUser } from './currentUser'
import { NameDialog } from './NameDialog'
import { useServerConfig } from './useServerConfig'

const defaultPageName = () => translate(getLanguage(), 'board.defaultPageName')

/** `/b/<roomId>` (a valid id): one live board. Loaded lazily, since it brings tldraw. */
export default function BoardPage({ roomId }: { roomId: string }) {
  const t = useT()
  const language = useLanguage()
  useDocumentTitle(t('app.name'))
  const config = useServerConfig()
  const session = useBoardSession(roomId, $currentUser, defaultPageName)
  const identity = useIdentity()
  const [editingName, setEditingName] = useState(false)
  const connection = useValue('connection', () => session?.$connection.get() ?? 'connecting', [session])
  const notice = useValue('notice', () => session?.$notice.get() ?? null, [session])
  const [erasedHere, setErasedHere] = useState(false)

  // Gone for good: erased here, by someone else with the link, or at the end of its retention.
  if (erasedHere || notice?.kind === 'erased') {
    return <BoardErased expired={notice?.kind === 'erased' && notice.by === 'retention'} />
  }

  return (
    <BoardConnectionContext.Provider value={connection}>
      <div className="board">
        <BoardHeader
          roomId={roomId}
          connection={connection}
          onEditName={() => setEditingName(true)}
          onErased={() => setErasedHere(true)}
        />
        <main className="board__canvas">
          {session && config ? (
            <BoardCanvas session={session} licenseKey={config.tldrawLicenseKey} language={language} />
          ) : (
            <BoardLoading connection={connection} />
          )}
        </main>
        {notice && session ? (
          <BoardNoticeToast notice={notice} onDismiss={() => session.dismissNotice()} />
        ) : null}
        {identity.name === null || editingName ? (
          <NameDialog required={identity.name === null} onDone={() => setEditingName(false)} />
        ) : null}
      </div>
    </BoardConnectionContext.Provider>
  )
}
