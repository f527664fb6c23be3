import type { ConnectionState } from '../collab/connectionMonitor'
import { LanguageToggle } from '../i18n/LanguageToggle'
import { useT } from '../i18n/useT'
import { Brand } from '../ui/Brand'
import { useIdentity } from '../user/useIdentity'
import { ConnectionIndicator } from './ConnectionIndicator'
import { CopyLinkButton } from './CopyLinkButton'
import { EraseBoardButton } from './EraseBoardButton'

interface BoardHeaderProps {
  roomId: string
  connection: ConnectionState
  onEditName(): void
  /** This browser erased the board. */
  onErased(): void
}

/** The bar above the board: home, connection state, who you are, share link, erase, language. */
export function BoardHeader({ roomId, connection, onEditName, onErased }: BoardHeaderProps) {
  const t = useT()
  const identity = useIdentity()
  return (
    <header className="board-header">
      <Brand asLink />
      <ConnectionIndicator state={connection} />
      <div className="board-header__actions">
        {identity.name ? (
          <button type="button" className="person-chip" onClick={onEditName} title={t('board.changeName')}>
            <span
              className="person-chip__dot"
              style={{ backgroundColor: identity.color }}
              aria-hidden="true"
            />
            <span className="person-chip__name">{t('board.you', { name: identity.name })}</span>
            <span className="visually-hidden">({t('board.changeName')})</span>
          </button>
        ) : null}
        <CopyLinkButton roomId={roomId} />
        <EraseBoardButton roomId={roomId} onErased={onErased} />
        <LanguageToggle />
      </div>
    </header>
  )
}
