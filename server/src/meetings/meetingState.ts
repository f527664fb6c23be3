import type { RevealedNote } from '../../../shared/drafts/sealedDrafts'
import type { MeetingProgress } from '../../../shared/phaseMachine'
import type { Template } from '../../../shared/templateSchema'
import type { DraftStore } from '../storage/draftStore'
import type { MeetingStore, ParticipantRow } from '../storage/meetingStore'

/**
 * What the guard reads for every judged update, without waiting: the sender's current role, the
 * method and the phase in force. Kept in memory; loaded before a meeting's room opens.
 */
export interface MeetingReader {
  participant(participantId: string): ParticipantRow | undefined
  template(meetingId: string): Template | undefined
  progress(meetingId: string): MeetingProgress | undefined
  /** A note the server placed at a reveal, with its author as the server knows them (drafts/). */
  releasedNote(meetingId: string, shapeId: string): RevealedNote | undefined
}

/**
 * The meeting state this process judges by, read from the meeting store and written through by
 * the meeting service. With several instances another instance's change arrives as `reload`
 * (cluster/), before that instance reports the change done.
 */
export class MeetingState implements MeetingReader {
  private readonly participants = new Map<string, ParticipantRow>()
  private readonly progressById = new Map<string, MeetingProgress>()
  private readonly templateIds = new Map<string, string>()
  private readonly releasedById = new Map<string, Map<string, RevealedNote>>()

  constructor(
    private readonly store: MeetingStore,
    private readonly templates: () => ReadonlyMap<string, Template>,
    private readonly drafts: Pick<DraftStore, 'revealed'> | null = null,
  ) {}

  participant(participantId: string): ParticipantRow | undefined {
    return this.participants.get(participantId)
  }

  template(meetingId: string): Template | undefined {
    const templateId = this.templateIds.get(meetingId)
    return templateId ? this.templates().get(templateId) : undefined
  }

  progress(meetingId: string): MeetingProgress | undefined {
    return this.progressById.get(meetingId)
  }

  releasedNote(meetingId: string, shapeId: string): RevealedNote | undefined {
    return this.releasedById.get(meetingId)?.get(shapeId)
  }

  /** Reads again which notes the reveals placed (after a reveal). */
  async loadReleased(meetingId: string): Promise<void> {
    if (!this.drafts) return
    const rows = await this.drafts.revealed(meetingId)
    this.releasedById.set(
      meetingId,
      new Map(
        rows.map((r) => [r.noteId, { zoneId: r.zoneId, authorId: r.authorId, anonymous: r.anonymous }]),
      ),
    )
  }

  /** Whether this process holds the meeting's state. */
  knows(meetingId: string): boolean {
    return this.progressById.has(meetingId)
  }

  /** The meetings this process holds state for. */
  meetingIds(): string[] {
    return [...this.progressById.keys()]
  }

  /** Reads the meeting and its participants from the store; false if the meeting does not exist. */
  async load(meetingId: string): Promise<boolean> {
    const [meeting, participants] = await Promise.all([
      this.store.meeting(meetingId),
      this.store.participants(meetingId),
      this.loadReleased(meetingId),
    ])
    if (!meeting) {
      this.forget(meetingId)
      return false
    }
    this.templateIds.set(meetingId, meeting.templateId)
    this.progressById.set(meetingId, JSON.parse(meeting.progressJson) as MeetingProgress)
    // Someone removed is no longer judged as a participant: their updates are refused.
    for (const row of participants) {
      if (row.removedAt === null) this.participants.set(row.id, row)
      else this.participants.delete(row.id)
    }
    return true
  }

  /** Another instance changed the meeting: read it again if this process holds it. */
  async reload(meetingId: string): Promise<void> {
    if (this.knows(meetingId)) await this.load(meetingId)
  }

  remember(row: ParticipantRow): void {
    if (row.removedAt === null) this.participants.set(row.id, row)
  }

  /** The participant was removed from their meeting. */
  forgetParticipant(participantId: string): void {
    this.participants.delete(participantId)
  }

  setProgress(meetingId: string, progress: MeetingProgress): void {
    this.progressById.set(meetingId, progress)
  }

  /** The meeting was erased: nothing of it stays in memory. */
  forget(meetingId: string): void {
    for (const [id, row] of this.participants) if (row.meetingId === meetingId) this.participants.delete(id)
    this.progressById.delete(meetingId)
    this.templateIds.delete(meetingId)
    this.releasedById.delete(meetingId)
  }
}
