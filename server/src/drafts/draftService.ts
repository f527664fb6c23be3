import { draftZonesFor } from '../../../shared/drafts/preparation'
import { REVEALED_META_KEYS, removedByFacilitator } from '../../../shared/drafts/revealedNotes'
import { type DraftProgress, type DraftUpload, zonesRevealed } from '../../../shared/drafts/sealedDrafts'
import { accessFor } from '../../../shared/permissions'
import type { MeetingProgress } from '../../../shared/phaseMachine'
import { rulePhaseId } from '../../../shared/phaseMachine'
import type { Template } from '../../../shared/templateSchema'
import { meetingRoomId } from '../../../shared/wire'
import { readBoardRecords as boardRecords, writeRecordsWhole } from '../board/boardRecords'
import { ApiError } from '../http/apiError'
import { KeyedQueue } from '../meetings/keyedQueue'
import { requireFacilitator } from '../meetings/meetingRefusals'
import type { MeetingState } from '../meetings/meetingState'
import type { RoomRegistry } from '../rooms/roomRegistry'
import type { DraftStore, OwnDraft } from '../storage/draftStore'
import type { ParticipantRow } from '../storage/meetingStore'
import { type RevealOptions, removedNote, revealedNoteRecords } from './revealPlacement'

/**
 * Sealed drafts on the server (shared/drafts/sealedDrafts.ts). The server cannot read
 * them; what it decides is who may store and see them, and it reveals them itself: an author
 * stores only their own and only in a zone that is private for them now; nobody else gets them;
 * at the phase change that reveals a zone the server places every draft of it on the board, still
 * sealed, for everyone at once, whoever is or is not there.
 */
export class DraftService {
  /** Saves and reveals of one meeting, one at a time: a save cannot slip past the reveal. */
  private readonly queue = new KeyedQueue()

  constructor(
    private readonly store: DraftStore,
    private readonly state: MeetingState,
    private readonly rooms: Pick<RoomRegistry, 'acquire' | 'released'>,
  ) {}

  putOwn(meetingId: string, actor: ParticipantRow, zoneId: string, upload: DraftUpload): Promise<void> {
    return this.queue.run(meetingId, async () => {
      const { template, progress } = await this.meeting(meetingId)
      const access = accessFor(template, rulePhaseId(template, progress), zoneId, actor.role)
      if (!draftZonesFor(template, progress, actor.role).includes(zoneId)) {
        throw new ApiError(
          409,
          'zone_not_private',
          `Zone "${zoneId}" is not yours to write in privately now.`,
          {
            zoneId,
          },
        )
      }
      if (access.quota !== undefined && upload.drafts.length > access.quota) {
        throw new ApiError(400, 'draft_quota', `At most ${access.quota} notes in zone "${zoneId}".`, {
          zoneId,
          max: access.quota,
        })
      }
      await this.store.putDrafts(meetingId, actor.id, zoneId, upload.drafts, upload.ready)
    })
  }

  async own(meetingId: string, actor: ParticipantRow): Promise<OwnDraft[]> {
    return this.store.ownDrafts(meetingId, actor.id)
  }

  async progress(meetingId: string, actor: ParticipantRow): Promise<DraftProgress[]> {
    requireFacilitator(actor)
    return this.store.progress(meetingId)
  }

  /**
   * Called by the meeting service when the phase changed, before anyone is told: the zones the
   * change reveals get every stored draft placed on the board by the server, in the same step.
   * Going back to a writing phase later starts a new round; what was revealed stays revealed.
   */
  phaseChanged(meetingId: string, template: Template, before: MeetingProgress, after: MeetingProgress) {
    const zones = zonesRevealed(template, before.phaseIndex, after.phaseIndex)
    if (zones.length === 0) return Promise.resolve()
    return this.queue.run(meetingId, async () => {
      const anonymous = before.phaseIndex >= 0 && after.anonymousReveal === true
      await this.reveal(meetingId, template, zones, { anonymous, groups: after.groups ?? null })
    })
  }

  /**
   * The begeleider removes a revealed note: visibly (it stays on the board, says so, its text
   * gone), never silently and never by writing in its place.
   */
  async removeRevealed(meetingId: string, actor: ParticipantRow, noteId: string): Promise<void> {
    requireFacilitator(actor)
    if (!this.state.knows(meetingId)) await this.state.load(meetingId)
    if (!this.state.releasedNote(meetingId, noteId))
      throw new ApiError(404, 'not_revealed', 'No revealed note with this id in this meeting.', {
        noteId,
      })
    await this.withRoom(meetingId, (room) => {
      const record = boardRecords(room.doc).get(noteId)
      if (!record) throw new ApiError(404, 'not_revealed', 'The note is no longer on the board.', { noteId })
      room.transactAsServer(() => writeRecordsWhole(room.doc, [removedNote(record)]))
    })
  }

  /**
   * The author's new text for her anonymously revealed note, sealed in her browser: written into
   * the room by the server, so no Yjs item on the note carries her client id (anonymousRevealed.ts).
   * Refused to anyone but the author (the server's own store says who), and once the note is gone,
   * removed by the begeleider, or named.
   */
  resealAnonymous(meetingId: string, actor: ParticipantRow, noteId: string, sealed: string): Promise<void> {
    return this.queue.run(meetingId, async () => {
      if (!this.state.knows(meetingId)) await this.state.load(meetingId)
      const note = this.state.releasedNote(meetingId, noteId)
      // Somebody else's note answers as if there were none: the answer must not tell whose it is.
      if (!note || note.authorId !== actor.id)
        throw new ApiError(404, 'not_your_revealed', 'You have no revealed note with this id here.', {
          noteId,
        })
      if (!note.anonymous)
        throw new ApiError(409, 'not_anonymous', 'This note names its author; change it on the board.', {
          noteId,
        })
      await this.withRoom(meetingId, (room) => {
        const record = boardRecords(room.doc).get(noteId)
        if (!record)
          throw new ApiError(404, 'not_revealed', 'The note is no longer on the board.', { noteId })
        if (removedByFacilitator(record))
          throw new ApiError(409, 'revealed_removed', 'The facilitator removed this note.', { noteId })
        const meta = { ...(record.meta as Record<string, unknown>), [REVEALED_META_KEYS.sealed]: sealed }
        room.transactAsServer(() => writeRecordsWhole(room.doc, [{ ...record, meta }]))
      })
    })
  }

  private async reveal(meetingId: string, template: Template, zones: string[], how: RevealOptions) {
    const drafts = await this.store.draftsIn(meetingId, zones)
    await this.withRoom(meetingId, async (room) => {
      const placed = revealedNoteRecords(template, boardRecords(room.doc), drafts, how)
      await this.store.reveal(
        meetingId,
        zones,
        placed.map((p) => p.row),
      )
      // The guard knows them before any client can touch them.
      await this.state.loadReleased(meetingId)
      if (placed.length === 0) return
      room.transactAsServer(() =>
        writeRecordsWhole(
          room.doc,
          placed.map(({ record }) => record),
        ),
      )
    })
  }

  private async withRoom(
    meetingId: string,
    fn: (room: Awaited<ReturnType<RoomRegistry['acquire']>>) => void | Promise<void>,
  ): Promise<void> {
    const roomId = meetingRoomId(meetingId)
    const room = await this.rooms.acquire(roomId)
    try {
      await fn(room)
      await room.settled()
    } finally {
      this.rooms.released(roomId)
    }
  }

  private async meeting(meetingId: string): Promise<{ template: Template; progress: MeetingProgress }> {
    // Read fresh: the phase is stored before its reveal runs, so a save queued behind a reveal
    // sees the zone closed (and its author gets the text back) instead of storing it unrevealed.
    await this.state.load(meetingId)
    const template = this.state.template(meetingId)
    const progress = this.state.progress(meetingId)
    if (!template || !progress) throw new ApiError(404, 'unknown_meeting', 'This meeting does not exist.')
    return { template, progress }
  }
}
