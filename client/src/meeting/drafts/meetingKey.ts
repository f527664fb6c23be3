import { MEETING_KEY_PATTERN, newMeetingKey } from './sealing'

/**
 * The meeting key (sealing.ts) travels in the links' fragment as `&sleutel=…` and is kept in this
 * browser per meeting. Whoever holds a link of the meeting holds the key; the server never does.
 */
export const KEY_FRAGMENT = 'sleutel'
/** The fragment of a personal link: my own session, so another device of mine is me. */
export const SESSION_FRAGMENT = 'sessie'
const storageKey = (meetingId: string) => `intervisiebord.key.${meetingId}`

/** A new key for a new meeting, kept in this browser. */
export function makeMeetingKey(meetingId: string): string {
  const key = newMeetingKey()
  saveMeetingKey(meetingId, key)
  return key
}

/** A link path (with its #secret) with the key added to the fragment. */
export function withKey(path: string, key: string | null): string {
  return key ? `${path}&${KEY_FRAGMENT}=${key}` : path
}

/** The key in a fragment (`#…&sleutel=…`), if it is one. */
export function keyInFragment(hash: string): string | null {
  const key = new URLSearchParams(hash.replace(/^#/, '')).get(KEY_FRAGMENT)
  return key && MEETING_KEY_PATTERN.test(key) ? key : null
}

export function saveMeetingKey(meetingId: string, key: string): void {
  try {
    localStorage.setItem(storageKey(meetingId), key)
  } catch {
    // Private mode: drafts then stay in this browser only, as without a key.
  }
}

export function loadMeetingKey(meetingId: string): string | null {
  try {
    const key = localStorage.getItem(storageKey(meetingId))
    return key && MEETING_KEY_PATTERN.test(key) ? key : null
  } catch {
    return null
  }
}

export function forgetMeetingKey(meetingId: string): void {
  localStorage.removeItem(storageKey(meetingId))
}
