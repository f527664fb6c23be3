import { loadSession, readPersonalToken } from './meetingAccess'
import { meetingApi } from './meetingApi'
import { measureServerOffset } from './serverClock'

type Opening = Promise<[Awaited<ReturnType<typeof meetingApi.get>>, number]>

const early = new Map<string, { token: string; opening: Opening }>()
/** Once per meeting and page load: a later render of App must not leave a stale answer behind. */
const preloaded = new Set<string>()

/** The meeting (with its method) and the server's clock, for the board to open with. */
export function openMeeting(meetingId: string, token: string): Opening {
  return Promise.all([meetingApi.get(meetingId, token), measureServerOffset()])
}

/**
 * Asks for the meeting while the board's code is still on its way (App starts this beside the
 * meeting chunk), with the session MeetingPage will use: one round trip saved.
 */
export function preloadMeeting(meetingId: string): void {
  if (preloaded.has(meetingId)) return
  preloaded.add(meetingId)
  const token = readPersonalToken() ?? loadSession(meetingId)?.token
  if (!token) return
  const opening = openMeeting(meetingId, token)
  // Handled where it is taken; unhandled only if nobody takes it.
  opening.catch(() => {})
  early.set(meetingId, { token, opening })
}

/** The preloaded answer for this session, once; null: ask now. */
export function takePreloadedMeeting(meetingId: string, token: string): Opening | null {
  const found = early.get(meetingId)
  early.delete(meetingId)
  return found && found.token === token ? found.opening : null
}
