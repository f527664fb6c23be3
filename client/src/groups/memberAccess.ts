import { MEMBER_FRAGMENT, readMemberCredential } from '../../../templates/src/groups/members'

/**
 * A member's personal link (`/g/<groupId>#lid=<memberId>.<secret>`): the credential is taken from
 * the fragment once, kept in this browser per group (so the member can come back through /g/<id>),
 * and taken out of the address bar.
 */
const storageKey = (groupId: string) => `intervisiebord.member.${groupId}`

export function memberCredentialFromHash(hash: string = window.location.hash): string | null {
  const value = new URLSearchParams(hash.replace(/^#/, '')).get(MEMBER_FRAGMENT)
  return value && readMemberCredential(value) ? value : null
}

export function rememberMember(groupId: string, credential: string): void {
  try {
    localStorage.setItem(storageKey(groupId), credential)
  } catch {
    // Private mode: the personal link still works when opened again.
  }
}

export function knownMember(groupId: string): string | null {
  try {
    const value = localStorage.getItem(storageKey(groupId))
    return value && readMemberCredential(value) ? value : null
  } catch {
    return null
  }
}

export function forgetMember(groupId: string): void {
  try {
    localStorage.removeItem(storageKey(groupId))
  } catch {
    // Nothing kept, nothing to forget.
  }
}
