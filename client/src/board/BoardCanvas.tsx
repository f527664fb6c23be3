import { type Editor, type TLComponents, Tldraw, useValue } from 'tldraw'
import type { BoardSession } from '../collab/boardSession'
import type { Language } from '../i18n/language'
import { assetUrls } from './assetUrls'
import { CanvasLoadingScreen } from './BoardLoading'
import { boardUser } from './currentUser'

/**
 * Images are stored inside the board document; the server closes a connection for a frame over
 * 1 MiB. 400 kB of image (about 540 kB as base64) leaves room for the rest of the record.
 */
const MAX_ASSET_BYTES = 400 * 1024

const components: TLComponents = { LoadingScreen: CanvasLoadingScreen }

interface BoardCanvasProps {
  session: BoardSession
  licenseKey: string | null
  language: Language
}

/** The tldraw editor on the session's store: self-hosted assets, our user, Dutch by default. */
export function BoardCanvas({ session, licenseKey, language }: BoardCanvasProps) {
  const storeWithStatus = useValue(session.$storeWithStatus)
  return (
    <div className="board__tldraw">
      <Tldraw
        store={storeWithStatus}
        user={boardUser}
        assetUrls={assetUrls}
        licenseKey={licenseKey ?? undefined}
        locale={language}
        components={components}
        maxAssetSize={MAX_ASSET_BYTES}
        onMount={exposeForDevelopment}
      />
    </div>
  )
}

/** In development only, the editor is reachable from the console as `__intervisiebord_editor`. */
function exposeForDevelopment(editor: Editor): void {
  if (!import.meta.env.DEV) return
  ;(window as unknown as { __intervisiebord_editor?: Editor }).__intervisiebord_editor = editor
}
