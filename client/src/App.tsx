import { lazy, Suspense } from 'react'
import { FrontPage } from './front/FrontPage'
import { NotFoundPage } from './front/NotFoundPage'
import { useT } from './i18n/useT'
import { isValidRoomId } from './roomId'
import { matchRoute, usePathname } from './router'
import { LoadingView } from './ui/LoadingView'

// The board brings tldraw (most of the bundle); the front page should not wait for it.
const BoardPage = lazy(() => import('./board/BoardPage'))

export function App() {
  const t = useT()
  const route = matchRoute(usePathname())
  switch (route.name) {
    case 'front':
      return <FrontPage />
    case 'board':
      // A malformed id is answered here, without loading tldraw first.
      if (!isValidRoomId(route.roomId)) return <NotFoundPage message={t('board.invalidRoom')} />
      return (
        <Suspense fallback={<LoadingView message={t('board.loading')} fullPage />}>
          <BoardPage key={route.roomId} roomId={route.roomId} />
        </Suspense>
      )
    case 'notFound':
      return <NotFoundPage />
    default:
      return assertNever(route)
  }
}

function assertNever(value: never): never {
  throw new Error(`unexpected route ${JSON.stringify(value)}`)
}
