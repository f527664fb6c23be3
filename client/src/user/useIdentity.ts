import { useSyncExternalStore } from 'react'
import { getIdentity, type Identity, subscribeIdentity } from './identity'

/** The person at this browser; re-renders when their name or colour changes. */
export function useIdentity(): Identity {
  return useSyncExternalStore(subscribeIdentity, getIdentity)
}
