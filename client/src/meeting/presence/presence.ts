/**
 * Who is here: from the presence states in the room (awareness), each stamped by the server with
 * the participant it belongs to (server/src/meetings/awarenessIdentity.ts).
 * - online: at least one tab of theirs is here and not away;
 * - away: every tab of theirs is hidden or idle (they set `away` themselves, see collab/activity.ts);
 * - left: known to the meeting, but no tab of theirs is in the room.
 */
export type PresenceStatus = 'online' | 'away' | 'left'

/** The status of each participant present in `states`; anyone not in the map has left. */
export function presenceOf(states: Iterable<unknown>): Map<string, Exclude<PresenceStatus, 'left'>> {
  const out = new Map<string, Exclude<PresenceStatus, 'left'>>()
  for (const state of states) {
    if (!state || typeof state !== 'object') continue
    const { identity, away } = state as { identity?: { participantId?: unknown }; away?: unknown }
    const id = identity?.participantId
    if (typeof id !== 'string') continue
    if (away === true) {
      if (!out.has(id)) out.set(id, 'away')
    } else {
      out.set(id, 'online')
    }
  }
  return out
}

/** The status shown for one participant; I am always here on my own screen. */
export function statusOf(
  present: ReadonlyMap<string, Exclude<PresenceStatus, 'left'>>,
  participantId: string,
  myId: string,
): PresenceStatus {
  if (participantId === myId) return 'online'
  return present.get(participantId) ?? 'left'
}
