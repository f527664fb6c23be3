import { MEMBER_FRAGMENT, readMemberCredential } from '../../../shared/groups/members'

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

/** A member this browser is: their credential and name (shown on the join screen). */
export interface KnownMember {
  credential: string
  name: string
}

export function rememberMember(groupId: string, member: KnownMember): void {
  try {
    localStorage.setItem(storageKey(groupId), JSON.stringify(member))
  } catch {
    // Private mode: the personal link still works when opened again.
  }
}

export function knownMember(groupId: string): KnownMember | null {
  try {
    const value = JSON.parse(
      localStorage.getItem(storageKey(groupId)) ?? 'null',
    ) as Partial<KnownMember> | null
    if (!value || typeof value.credential !== 'string' || typeof value.name !== 'string') return null
    return readMemberCredential(value.credential) ? { credential: value.credential, name: value.name } : null
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
