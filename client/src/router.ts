import { useSyncExternalStore } from 'react'

/**
 * A router of two routes needs no library: the path is an external store that changes on
 * `navigate` and on the browser's back and forward buttons.
 */
const NAVIGATE_EVENT = 'intervisiebord:navigate'

function subscribe(listener: () => void): () => void {
  window.addEventListener('popstate', listener)
  window.addEventListener(NAVIGATE_EVENT, listener)
  return () => {
    window.removeEventListener('popstate', listener)
    window.removeEventListener(NAVIGATE_EVENT, listener)
  }
}

export function usePathname(): string {
  return useSyncExternalStore(subscribe, () => window.location.pathname)
}

export function navigate(path: string): void {
  if (path === window.location.pathname) return
  window.history.pushState(null, '', path)
  window.dispatchEvent(new Event(NAVIGATE_EVENT))
  window.scrollTo(0, 0)
}

export type Route =
  | { name: 'front' }
  | { name: 'newMeeting' }
  | { name: 'board'; roomId: string }
  | { name: 'meeting'; meetingId: string }
  | { name: 'group'; groupId: string }
  | { name: 'attendance'; groupId: string }
  | { name: 'notFound' }

export function matchRoute(pathname: string): Route {
  if (pathname === '/' || pathname === '/index.html') return { name: 'front' }
  if (/^\/nieuw\/?$/.test(pathname)) return { name: 'newMeeting' }
  const group = /^\/g\/([A-Za-z0-9_-]{22})(\/presentie)?\/?$/.exec(pathname)
  if (group?.[1]) return { name: group[2] ? 'attendance' : 'group', groupId: group[1] }
  const match = /^\/(b|m)\/([^/]+)\/?$/.exec(pathname)
  if (!match?.[2]) return { name: 'notFound' }
  try {
    const id = decodeURIComponent(match[2])
    return match[1] === 'b' ? { name: 'board', roomId: id } : { name: 'meeting', meetingId: id }
  } catch {
    return { name: 'notFound' }
  }
}
