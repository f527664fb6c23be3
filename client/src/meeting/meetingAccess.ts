/**
 * How this browser gets into a meeting. The links carry a secret in the fragment (#begeleider=…
 * or #uitnodiging=…), which browsers never send to a server; the page trades it once for a
 * session token, keeps the token in localStorage and removes the secret from the address bar.
 */
export interface StoredSession {
  token: string
  participantId: string
}

export type LinkSecret = { kind: 'facilitator' | 'invite'; secret: string }

const sessionKey = (meetingId: string) => `intervisiebord.session.${meetingId}`
const inviteKey = (meetingId: string) => `intervisiebord.invite.${meetingId}`

export function readLinkSecret(hash: string = window.location.hash): LinkSecret | null {
  const params = new URLSearchParams(hash.replace(/^#/, ''))
  const facilitator = params.get('begeleider')
  if (facilitator) return { kind: 'facilitator', secret: facilitator }
  const invite = params.get('uitnodiging')
  if (invite) return { kind: 'invite', secret: invite }
  return null
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

/** Forgets everything this browser keeps about a meeting (after it was erased). */
export function forgetMeeting(meetingId: string): void {
  dropSession(meetingId)
  localStorage.removeItem(inviteKey(meetingId))
}
