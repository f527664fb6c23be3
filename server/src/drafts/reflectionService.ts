import type { LookBack } from '../../../shared/groups/lookBack'
import type { SealedReflection } from '../../../shared/outcome/sealedReflection'
import { ApiError } from '../http/apiError'
import { KeyedQueue } from '../meetings/keyedQueue'
import { requireFacilitator } from '../meetings/meetingRefusals'
import type { DraftStore } from '../storage/draftStore'
import type { MeetingStore, ParticipantRow } from '../storage/meetingStore'

/** What the service needs of the groups: the look-back a meeting opened with. */
export interface LookBackReader {
  readLookBack(meetingId: string): Promise<LookBack | null>
}

/**
 * The inbrenger's reflection report on the server (shared/outcome/sealedReflection.ts).
 * The server never reads it; it decides who may write it (its author, the meeting's inbrenger,
 * alone), who gets the sealed copy (the meeting's participants, and those of the group's next
 * meeting through its look-back), and it records the begeleider's sign-off from their session.
 * It lives beside the meeting's drafts, so erasing the meeting (or its retention) takes it along.
 */
export class ReflectionService {
  /** Writes and the sign-off of one report, one at a time: a change cannot slip past a sign-off. */
  private readonly queue = new KeyedQueue()

  constructor(
    private readonly store: DraftStore,
    private readonly meetings: Pick<MeetingStore, 'participants'>,
    private readonly lookBacks: LookBackReader,
    private readonly now: () => number,
  ) {}

  /** The author stores (or replaces) the sealed report of the meeting they brought a case to. */
  put(meetingId: string, actor: ParticipantRow, sealed: string): Promise<SealedReflection> {
    return this.queue.run(meetingId, async () => {
      const stored = await this.store.reflection(meetingId)
      if (stored ? stored.authorId !== actor.id : actor.role !== 'inbrenger')
        throw new ApiError(403, 'not_reflection_author', 'Only the inbrenger who wrote it can change it.')
      if (stored?.signOff)
        throw new ApiError(409, 'reflection_signed_off', 'The report was signed off; it no longer changes.')
      await this.store.putReflection(meetingId, actor.id, sealed, this.now())
      return (await this.read(meetingId))!
    })
  }

  /** The sealed report of the actor's own meeting (null: none yet). */
  async ofMeeting(meetingId: string): Promise<SealedReflection | null> {
    return this.read(meetingId)
  }

  /** The report of the meeting this one looks back on: for everyone in this meeting. */
  async ofLookBack(meetingId: string): Promise<SealedReflection | null> {
    return this.read(await this.previousOf(meetingId))
  }

  /**
   * The begeleider signs the report off, in its own meeting or in the group's next one (through
   * the look-back): who signed is the session's participant, as the server knows them.
   */
  signOff(meetingId: string, actor: ParticipantRow, via: 'meeting' | 'lookBack'): Promise<SealedReflection> {
    requireFacilitator(actor)
    return (via === 'lookBack' ? this.previousOf(meetingId) : Promise.resolve(meetingId)).then((target) =>
      this.queue.run(target, async () => {
        const stored = await this.store.reflection(target)
        if (!stored) throw new ApiError(404, 'no_reflection', 'There is no reflection report to sign off.')
        if (!stored.signOff)
          await this.store.signReflection(target, {
            participantId: actor.id,
            name: actor.name,
            memberId: actor.memberId,
            meetingId: actor.meetingId,
            at: this.now(),
          })
        return (await this.read(target))!
      }),
    )
  }

  private async previousOf(meetingId: string): Promise<string> {
    const lookBack = await this.lookBacks.readLookBack(meetingId)
    if (!lookBack) throw new ApiError(404, 'no_look_back', 'This meeting has no look-back.')
    return lookBack.previousMeetingId
  }

  private async read(meetingId: string): Promise<SealedReflection | null> {
    const stored = await this.store.reflection(meetingId)
    if (!stored) return null
    const author = (await this.meetings.participants(meetingId)).find((p) => p.id === stored.authorId)
    return {
      meetingId,
      sealed: stored.sealed,
      authorId: stored.authorId,
      authorName: author?.name ?? '',
      updatedAt: stored.updatedAt,
      signOff: stored.signOff,
    }
  }
}
