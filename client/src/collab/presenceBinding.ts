import { InstancePresenceRecordType, react, type Signal, type TLInstancePresence, type TLStore } from 'tldraw'
import type { Awareness } from 'y-protocols/awareness'

/** The awareness field that carries a client's tldraw presence record. */
export const PRESENCE_FIELD = 'presence'
/** Presence is the hot path: send our cursor at most this often. */
export const PRESENCE_INTERVAL_MS = 50

/**
 * Live cursors: our own presence record (derived from the store and the current user) goes out
 * through awareness; the others' come in as `instance_presence` records, through
 * `store.mergeRemoteChanges` like every remote change. Returns the unbind function, which
 * also removes the others' cursors from the store.
 */
export function bindPresence(
  store: TLStore,
  awareness: Awareness,
  $presence: Signal<TLInstancePresence | null>,
): () => void {
  let timer: ReturnType<typeof setTimeout> | null = null
  let lastSent = 0
  let lastJson = ''
  const send = () => {
    timer = null
    const presence = $presence.get()
    // Nothing new, nothing sent: a filtered presence that did not change makes no frame.
    const json = JSON.stringify(presence)
    if (json === lastJson) return
    lastJson = json
    lastSent = Date.now()
    awareness.setLocalStateField(PRESENCE_FIELD, presence)
  }
  const stopReacting = react('send presence', () => {
    $presence.get()
    if (timer !== null) return
    timer = setTimeout(send, Math.max(0, PRESENCE_INTERVAL_MS - (Date.now() - lastSent)))
  })

  /** Awareness client id → the presence record it put in our store. */
  const recordsByClient = new Map<number, TLInstancePresence['id']>()
  const onChange = ({
    added,
    updated,
    removed,
  }: {
    added: number[]
    updated: number[]
    removed: number[]
  }) => {
    const states = awareness.getStates()
    const toPut: TLInstancePresence[] = []
    const toRemove = new Set<TLInstancePresence['id']>()
    for (const clientId of [...added, ...updated]) {
      if (clientId === awareness.clientID) continue
      const presence = asPresence(states.get(clientId)?.[PRESENCE_FIELD])
      const previous = recordsByClient.get(clientId)
      if (previous && previous !== presence?.id) toRemove.add(previous)
      if (presence) {
        recordsByClient.set(clientId, presence.id)
        toPut.push(presence)
      } else {
        recordsByClient.delete(clientId)
      }
    }
    for (const clientId of removed) {
      const previous = recordsByClient.get(clientId)
      if (previous) toRemove.add(previous)
      recordsByClient.delete(clientId)
    }
    for (const presence of toPut) toRemove.delete(presence.id)
    applyPresence(store, toPut, [...toRemove])
  }
  awareness.on('change', onChange)
  onChange({ added: [...awareness.getStates().keys()], updated: [], removed: [] })

  return () => {
    stopReacting()
    if (timer !== null) clearTimeout(timer)
    awareness.off('change', onChange)
    applyPresence(store, [], [...recordsByClient.values()])
    recordsByClient.clear()
  }
}

/** A presence record from another client, or null if it is not a valid one. */
function asPresence(value: unknown): TLInstancePresence | null {
  if (!value || typeof value !== 'object') return null
  try {
    return InstancePresenceRecordType.validate(value)
  } catch {
    return null
  }
}

function applyPresence(
  store: TLStore,
  toPut: TLInstancePresence[],
  toRemove: TLInstancePresence['id'][],
): void {
  const existing = toRemove.filter((id) => store.has(id))
  if (toPut.length === 0 && existing.length === 0) return
  store.mergeRemoteChanges(() => {
    if (existing.length > 0) store.remove(existing)
    if (toPut.length > 0) store.put(toPut)
  })
}
