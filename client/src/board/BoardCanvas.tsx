import { type Editor, type TLComponents, type TLCurrentUser, type TLShape, Tldraw, useValue } from 'tldraw'
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
  /** More tldraw components (a meeting adds its zone and rating overlays). */
  extraComponents?: TLComponents
  /** The person at this browser (default: the free board's local identity). */
  user?: TLCurrentUser
  getShapeVisibility?: (shape: TLShape, editor: Editor) => 'hidden' | 'inherit' | 'visible' | null | undefined
  onMount?: (editor: Editor) => (() => void) | undefined
}

/** The tldraw editor on the session's store: self-hosted assets, our user, Dutch by default. */
export function BoardCanvas({
  session,
  licenseKey,
  language,
  extraComponents,
  user = boardUser,
  getShapeVisibility,
  onMount,
}: BoardCanvasProps) {
  const storeWithStatus = useValue(session.$storeWithStatus)
  return (
    <div className="board__tldraw">
      <Tldraw
        store={storeWithStatus}
        user={user}
        assetUrls={assetUrls}
        licenseKey={licenseKey ?? undefined}
        locale={language}
        components={extraComponents ? { ...components, ...extraComponents } : components}
        getShapeVisibility={getShapeVisibility}
        maxAssetSize={MAX_ASSET_BYTES}
        onMount={(editor) => {
          exposeForDevelopment(editor)
          return onMount?.(editor)
        }}
      />
    </div>
  )
}

/** In development only, the editor is reachable from the console as `__intervisiebord_editor`. */
function exposeForDevelopment(editor: Editor): void {
  if (!import.meta.env.DEV) return
  ;(window as unknown as { __intervisiebord_editor?: Editor }).__intervisiebord_editor = editor
}
