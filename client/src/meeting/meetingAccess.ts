import { fragmentSecret, type LinkSecret } from '../pastedLink'
import {
  forgetMeetingKey,
  keyInFragment,
  loadMeetingKey,
  SESSION_FRAGMENT,
  saveMeetingKey,
  withKey,
} from './drafts/meetingKey'
import { meetingApi } from './meetingApi'

export type { LinkSecret }

/**
 * How this browser gets into a meeting. The links carry a secret in the fragment (#begeleider=…
 * or #uitnodiging=…), which browsers never send to a server; the page trades it once for a
 * session token, keeps the token in localStorage and removes the secret from the address bar.
 */
export interface StoredSession {
  token: string
  participantId: string
}

const sessionKey = (meetingId: string) => `intervisiebord.session.${meetingId}`
const inviteKey = (meetingId: string) => `intervisiebord.invite.${meetingId}`

export function readLinkSecret(hash: string = window.location.hash): LinkSecret | null {
  return fragmentSecret(hash)
}

/**
 * Keeps the meeting key of a link's fragment in this browser (before the fragment is removed).
 * A key this browser already has stays: a link without one never takes it away.
 */
export function keepLinkKey(meetingId: string, hash: string = window.location.hash): void {
  const key = keyInFragment(hash)
  if (key) saveMeetingKey(meetingId, key)
}

/** A personal link (`#sessie=<token>`, OtherDeviceLink): the token of my session elsewhere. */
export function readPersonalToken(hash: string = window.location.hash): string | null {
  const token = new URLSearchParams(hash.replace(/^#/, '')).get(SESSION_FRAGMENT)
  return token && /^[A-Za-z0-9_-]{20,100}$/.test(token) ? token : null
}

/** Removes the secret from the address bar (and so from history and screenshots). */
export function forgetLinkSecret(): void {
  window.history.replaceState(null, '', window.location.pathname + window.location.search)
}

export function loadSession(meetingId: string): StoredSession | null {
  try {
    const parsed = JSON.parse(
      localStorage.getItem(sessionKey(meetingId)) ?? 'null',
    ) as Partial<StoredSession> | null
    if (parsed && typeof parsed.token === 'string' && typeof parsed.participantId === 'string') {
      return { token: parsed.token, participantId: parsed.participantId }
    }
  } catch {
    // Unreadable storage: ask again.
  }
  return null
}

export function saveSession(meetingId: string, session: StoredSession): void {
  localStorage.setItem(sessionKey(meetingId), JSON.stringify(session))
}

export function dropSession(meetingId: string): void {
  localStorage.removeItem(sessionKey(meetingId))
}

/** Keeps the invite link of a meeting this browser created, to show the facilitator later. */
export function rememberInviteLink(meetingId: string, url: string): void {
  try {
    localStorage.setItem(inviteKey(meetingId), url)
  } catch {
    // Private mode or storage full: the link is still on screen to copy.
  }
}

/** The invite link, if this browser created the meeting. */
export function loadInviteLink(meetingId: string): string | null {
  try {
    return localStorage.getItem(inviteKey(meetingId))
  } catch {
    return null
  }
}

/**
 * Makes a new invite link and keeps it for this browser. The server stores only a hash of the
 * link's secret, so a facilitator in another browser cannot fetch the current link: renewing is
 * how they get one. The old link stops working at once; sessions already made stay.
 */
export async function renewInviteLink(meetingId: string, token: string): Promise<string> {
  const { invitePath } = await meetingApi.renewInvite(meetingId, token)
  const url = `${window.location.origin}${withKey(invitePath, loadMeetingKey(meetingId))}`
  rememberInviteLink(meetingId, url)
  return url
}

/** Forgets everything this browser keeps about a meeting (after it was erased). */
export function forgetMeeting(meetingId: string): void {
  dropSession(meetingId)
  forgetMeetingKey(meetingId)
  localStorage.removeItem(inviteKey(meetingId))
}
