import { type Atom, atom, createUserId, type Editor, react, type TLUserId } from 'tldraw'
import type { BoardSession } from '../../collab/boardSession'
import type { MeetingState } from '../meetingState'
import { keepFollowingReadable } from './followFloor'
import { LEAD_FIELD, type Lead, leadIn } from './leadSignal'

/**
 * Follow the facilitator. The facilitator brings everyone to what they are looking at (a lead in
 * their presence state, see leadSignal.ts); everyone else's editor then follows the facilitator's
 * view with tldraw's own following (camera and screen size travel in the presence record). A
 * person steps out by moving the board themself (tldraw stops following on any camera move of
 * their own) and comes back with `follow()`. Letting go (`release`) stops everyone following.
 */
export class FollowLead {
  /** The facilitator's lead in the room now, if any (never my own). */
  readonly $lead: Atom<Lead | null> = atom('facilitator lead', null)
  /** I am the facilitator bringing the group along. */
  readonly $leading = atom('leading the group', false)
  private lastSeenAt = Number.NEGATIVE_INFINITY
  private readonly stops: Array<() => void> = []

  constructor(
    private readonly editor: Editor,
    private readonly meeting: MeetingState,
    private readonly session: BoardSession,
  ) {
    let unobserve: (() => void) | null = null
    // Whoever follows sees the board at a readable size, also when the leader looks at all of it.
    this.stops.push(keepFollowingReadable(editor))
    this.stops.push(
      react('follow the lead in this room', () => {
        const room = session.$room.get()
        unobserve?.()
        unobserve = null
        if (!room) return
        const read = () => this.onLead(leadIn(room.awareness.getStates(), room.awareness.clientID))
        room.awareness.on('change', read)
        read()
        // A new connection (after a refusal) starts without our lead: put it back.
        if (this.$leading.get()) this.sendLead()
        unobserve = () => room.awareness.off('change', read)
      }),
      () => unobserve?.(),
    )
  }

  /** The facilitator brings everyone to their view (again). */
  lead(): void {
    this.$leading.set(true)
    this.sendLead()
  }

  /** The facilitator lets everyone go: they stop following. */
  release(): void {
    this.$leading.set(false)
    this.session.$room.get()?.awareness.setLocalStateField(LEAD_FIELD, null)
  }

  /** Follow the facilitator's view again after looking around. */
  follow(): void {
    const lead = this.$lead.get()
    if (lead) this.editor.startFollowingUser(userIdOf(lead.participantId))
  }

  /** Whether this editor follows the facilitator who leads now. */
  isFollowing(): boolean {
    const lead = this.$lead.get()
    return lead !== null && this.editor.getInstanceState().followingUserId === userIdOf(lead.participantId)
  }

  destroy(): void {
    for (const stop of this.stops) stop()
    if (this.$leading.get()) this.release()
  }

  private sendLead(): void {
    this.session.$room.get()?.awareness.setLocalStateField(LEAD_FIELD, { at: Date.now() })
  }

  private onLead(lead: Lead | null): void {
    const before = this.$lead.get()
    if (before?.participantId === lead?.participantId && before?.at === lead?.at) return
    this.$lead.set(lead)
    if (lead === null) {
      // Let go: whoever followed that facilitator looks around freely again.
      if (before && this.editor.getInstanceState().followingUserId === userIdOf(before.participantId))
        this.editor.stopFollowingUser()
      return
    }
    if (lead.at <= this.lastSeenAt || lead.participantId === this.meeting.participantId) return
    this.lastSeenAt = lead.at
    this.editor.startFollowingUser(userIdOf(lead.participantId))
  }
}

/** tldraw's user id for a participant, as the server stamps it on their presence. */
function userIdOf(participantId: string): TLUserId {
  return createUserId(participantId)
}
