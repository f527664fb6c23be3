import { lazy, Suspense } from 'react'
import { FrontPage } from './front/FrontPage'
import { NotFoundPage } from './front/NotFoundPage'
import { useT } from './i18n/useT'
import { isValidRoomId } from './roomId'
import { matchRoute, usePathname } from './router'
import { LoadingView } from './ui/LoadingView'

// The board brings tldraw (most of the bundle); the front page should not wait for it.
const BoardPage = lazy(() => import('./board/BoardPage'))
const MeetingPage = lazy(() => import('./meeting/MeetingPage'))
const NewMeetingPage = lazy(() => import('./newMeeting/NewMeetingPage'))
const GroupPage = lazy(() => import('./groups/GroupPage'))
const AttendancePage = lazy(() => import('./groups/AttendancePage'))
// A meeting's own request goes out beside its chunk, not after it (the board within a round trip).
const preloadMeeting = (meetingId: string) =>
  void import('./meeting/meetingPreload').then((m) => m.preloadMeeting(meetingId))

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
    case 'newMeeting':
      return (
        <Suspense fallback={<LoadingView message={t('board.loading')} fullPage />}>
          <NewMeetingPage />
        </Suspense>
      )
    case 'meeting':
      if (!/^[A-Za-z0-9_-]{22}$/.test(route.meetingId))
        return <NotFoundPage message={t('board.invalidRoom')} />
      preloadMeeting(route.meetingId)
      return (
        <Suspense fallback={<LoadingView message={t('meeting.loading')} fullPage />}>
          <MeetingPage key={route.meetingId} meetingId={route.meetingId} />
        </Suspense>
      )
    case 'group':
      return (
        <Suspense fallback={<LoadingView message={t('group.loading')} fullPage />}>
          <GroupPage key={route.groupId} groupId={route.groupId} />
        </Suspense>
      )
    case 'attendance':
      return (
        <Suspense fallback={<LoadingView message={t('group.loading')} fullPage />}>
          <AttendancePage key={route.groupId} groupId={route.groupId} />
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
