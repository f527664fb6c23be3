/**
 * The group links this browser holds. A group link carries its secret in the fragment
 * (`/g/<id>#groep=<secret>`); the page keeps it here (as the meeting page keeps its session) so the
 * facilitator can pick the group when making the next meeting, and removes it from the address bar.
 */
export interface KnownGroup {
  id: string
  name: string
  secret: string
}

const KEY = 'intervisiebord.groups'
export const GROUP_FRAGMENT = 'groep'

export function groupSecretFromHash(hash: string = window.location.hash): string | null {
  return new URLSearchParams(hash.replace(/^#/, '')).get(GROUP_FRAGMENT)
}

export const groupPath = (groupId: string) => `/g/${groupId}`
export const groupLink = (groupId: string, secret: string) =>
  `${window.location.origin}${groupPath(groupId)}#${GROUP_FRAGMENT}=${secret}`

export function knownGroups(): KnownGroup[] {
  try {
    const parsed = JSON.parse(localStorage.getItem(KEY) ?? '[]') as unknown
    if (!Array.isArray(parsed)) return []
    return parsed.filter(
      (g): g is KnownGroup =>
        g && typeof g.id === 'string' && typeof g.name === 'string' && typeof g.secret === 'string',
    )
  } catch {
    return []
  }
}

export function knownGroup(groupId: string): KnownGroup | null {
  return knownGroups().find((g) => g.id === groupId) ?? null
}

export function rememberGroup(group: KnownGroup): void {
  try {
    const others = knownGroups().filter((g) => g.id !== group.id)
    localStorage.setItem(KEY, JSON.stringify([group, ...others]))
  } catch {
    // Private mode or storage full: the link still works when opened again.
  }
}

/** The group was erased: this browser forgets its link. */
export function forgetGroup(groupId: string): void {
  try {
    localStorage.setItem(KEY, JSON.stringify(knownGroups().filter((g) => g.id !== groupId)))
  } catch {
    // Nothing kept, nothing to forget.
  }
}
