import { useCallback, useEffect, useState } from 'react'
import { forgetLinkSecret } from '../meeting/meetingAccess'
import { groupSecretFromHash, knownGroup, rememberGroup } from './groupAccess'
import { groupApi } from './groupApi'

export type GroupView = Awaited<ReturnType<typeof groupApi.get>>

export type GroupState =
  | { status: 'loading' }
  | { status: 'noSecret' }
  | { status: 'failed'; error: unknown }
  | { status: 'ready'; group: GroupView; secret: string }

/**
 * The group behind a group link: the secret from the address's fragment (then kept in this browser
 * and taken out of the address bar) or from an earlier visit.
 */
export function useGroup(groupId: string): {
  state: GroupState
  retry: () => void
  /** The group link was renewed: the page goes on with the new secret. */
  renewed: (secret: string) => void
} {
  const [state, setState] = useState<GroupState>({ status: 'loading' })
  const [attempt, setAttempt] = useState(0)
  useEffect(() => {
    void attempt
    const fromLink = groupSecretFromHash()
    const secret = fromLink ?? knownGroup(groupId)?.secret ?? null
    if (!secret) {
      setState({ status: 'noSecret' })
      return
    }
    let live = true
    setState({ status: 'loading' })
    groupApi.get(groupId, secret).then(
      (group) => {
        if (!live) return
        rememberGroup({ id: groupId, name: group.name, secret })
        if (fromLink) forgetLinkSecret()
        setState({ status: 'ready', group, secret })
      },
      (error: unknown) => live && setState({ status: 'failed', error }),
    )
    return () => {
      live = false
    }
  }, [groupId, attempt])
  const retry = useCallback(() => setAttempt((n) => n + 1), [])
  const renewed = useCallback(
    (secret: string) => setState((now) => (now.status === 'ready' ? { ...now, secret } : now)),
    [],
  )
  return { state, retry, renewed }
}
