import { InstancePresenceRecordType, react, type Signal, type TLInstancePresence, type TLStore } from 'tldraw'
import type { Awareness } from 'y-protocols/awareness'
import { CURSOR_FIELD, cursorClientId, cursorOf, isCursorState } from '../../../shared/presenceCursor'
import { composePresence, slowKey, splitPresence } from './presenceParts'

/** The awareness field that carries a client's tldraw presence record (all but the cursor's place). */
export const PRESENCE_FIELD = 'presence'
/** Presence is the hot path: send our cursor at most this often. */
export const PRESENCE_INTERVAL_MS = 50
/**
 * A cursor entry is resent when it has not changed for this long: awareness forgets a state not
 * renewed within 30 s (y-protocols renews only a client's own id), and a reconnect drops it.
 */
const CURSOR_RENEW_MS = 15_000

/**
 * Live cursors. Our own presence (derived from the store and the current user) goes out in two
 * awareness entries (shared/presenceCursor.ts): the slow part under our client id, only
 * when it changed, and the cursor's place under the id derived from it, `{"c":[x,y]}`. The others'
 * come in as `instance_presence` records composed from both parts, through
 * `store.mergeRemoteChanges` like every remote change. Returns the unbind function, which also
 * removes the others' cursors from the store.
 */
export function bindPresence(
  store: TLStore,
  awareness: Awareness,
  $presence: Signal<TLInstancePresence | null>,
): () => void {
  const ownCursorId = cursorClientId(awareness.clientID)
  let timer: ReturnType<typeof setTimeout> | null = null
  let lastSent = 0
  let lastSlow = ''
  let cursor: [number, number] | null = null
  let cursorSentAt = 0
  let cursorSent = false

  /** Writes our cursor entry beside our own state; the provider sends it like any local change. */
  const sendCursor = () => {
    const had = awareness.states.has(ownCursorId)
    const clock = (awareness.meta.get(ownCursorId)?.clock ?? 0) + 1
    awareness.states.set(ownCursorId, { [CURSOR_FIELD]: cursor })
    awareness.meta.set(ownCursorId, { clock, lastUpdated: Date.now() })
    cursorSentAt = Date.now()
    cursorSent = true
    const changed = had
      ? { added: [], updated: [ownCursorId], removed: [] }
      : { added: [ownCursorId], updated: [], removed: [] }
    awareness.emit('update', [changed, 'local'])
  }

  const send = () => {
    timer = null
    const { slow, at } = splitPresence($presence.get())
    // Nothing new, nothing sent: a filtered presence that did not change makes no frame.
    const key = slowKey(slow)
    if (key !== lastSlow) {
      lastSlow = key
      lastSent = Date.now()
      awareness.setLocalStateField(PRESENCE_FIELD, slow)
    }
    const next: [number, number] | null = at ? [tenth(at[0]), tenth(at[1])] : null
    if (cursorSent && JSON.stringify(next) === JSON.stringify(cursor)) return
    cursor = next
    lastSent = Date.now()
    sendCursor()
  }
  const stopReacting = react('send presence', () => {
    $presence.get()
    if (timer !== null) return
    timer = setTimeout(send, Math.max(0, PRESENCE_INTERVAL_MS - (Date.now() - lastSent)))
  })
  const renew = setInterval(() => {
    if (!cursorSent) return
    if (!awareness.states.has(ownCursorId) || Date.now() - cursorSentAt >= CURSOR_RENEW_MS) sendCursor()
  }, CURSOR_RENEW_MS / 3)

  /** Presence id → the slow part it sent; presence id → where its cursor entry put the cursor. */
  const slows = new Map<number, Record<string, unknown>>()
  const cursors = new Map<number, { x: number; y: number; receivedAt: number }>()
  const cursorIds = new Set<number>()
  /** Presence id → the presence record it put in our store. */
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
    const dirty = new Set<number>()
    for (const clientId of [...added, ...updated]) {
      if (clientId === awareness.clientID || clientId === ownCursorId) continue
      const state = states.get(clientId)
      if (isCursorState(state)) {
        // The server lets only the owner of cursorClientId(id) write this entry.
        const owner = cursorClientId(clientId)
        cursorIds.add(clientId)
        const at = cursorOf(state)
        if (at) cursors.set(owner, { ...at, receivedAt: Date.now() })
        else cursors.delete(owner)
        dirty.add(owner)
        continue
      }
      const slow = state?.[PRESENCE_FIELD]
      if (slow && typeof slow === 'object' && !Array.isArray(slow)) slows.set(clientId, slow)
      else slows.delete(clientId)
      dirty.add(clientId)
    }
    for (const clientId of removed) {
      if (cursorIds.delete(clientId)) {
        cursors.delete(cursorClientId(clientId))
        dirty.add(cursorClientId(clientId))
      } else {
        slows.delete(clientId)
        dirty.add(clientId)
      }
    }
    const toPut: TLInstancePresence[] = []
    const toRemove = new Set<TLInstancePresence['id']>()
    for (const clientId of dirty) {
      const slow = slows.get(clientId)
      const presence = slow ? asPresence(composePresence(slow, cursors.get(clientId) ?? null)) : null
      const previous = recordsByClient.get(clientId)
      if (previous && previous !== presence?.id) toRemove.add(previous)
      if (presence) {
        recordsByClient.set(clientId, presence.id)
        toPut.push(presence)
      } else {
        recordsByClient.delete(clientId)
      }
    }
    for (const presence of toPut) toRemove.delete(presence.id)
    applyPresence(store, toPut, [...toRemove])
  }
  awareness.on('change', onChange)
  onChange({ added: [...awareness.getStates().keys()], updated: [], removed: [] })

  return () => {
    stopReacting()
    if (timer !== null) clearTimeout(timer)
    clearInterval(renew)
    awareness.off('change', onChange)
    applyPresence(store, [], [...recordsByClient.values()])
    recordsByClient.clear()
  }
}

function tenth(value: number): number {
  return Math.round(value * 10) / 10
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
