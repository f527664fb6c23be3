import type * as Y from 'yjs'
import { draftZonesFor } from '../../../templates/src/drafts/preparation'
import {
  type DraftProgress,
  type DraftUpload,
  type ReleasedDraft,
  zonesRevealed,
} from '../../../templates/src/drafts/sealedDrafts'
import { accessFor } from '../../../templates/src/permissions'
import type { MeetingProgress } from '../../../templates/src/phaseMachine'
import { rulePhaseId } from '../../../templates/src/phaseMachine'
import type { Template } from '../../../templates/src/schema'
import { meetingRoomId, RECORDS_ARRAY } from '../../../templates/src/wire'
import { MeetingError, requireFacilitator } from '../meetings/meetingError'
import type { MeetingState } from '../meetings/meetingState'
import type { RoomRegistry } from '../rooms/roomRegistry'
import { DraftIdTaken, type DraftStore, type OwnDraft } from '../storage/draftStore'
import type { ParticipantRow } from '../storage/meetingStore'

/**
 * Sealed drafts on the server (templates/src/drafts/sealedDrafts.ts). The server cannot read
 * them; what it decides is who may store, see and release them: an author stores only their own
 * and only in a zone that is private for them now; nobody else gets them before the reveal; at
 * the reveal they go to the begeleider's browser, which opens them and puts them on the board.
 */
export class DraftService {
  constructor(
    private readonly store: DraftStore,
    private readonly state: MeetingState,
    private readonly rooms: Pick<RoomRegistry, 'acquire' | 'released'>,
    /** Tells the other instances that the released notes changed (their guards read them). */
    private readonly changed: (meetingId: string) => Promise<void>,
  ) {}

  async putOwn(meetingId: string, actor: ParticipantRow, zoneId: string, upload: DraftUpload): Promise<void> {
    const { template, progress } = await this.meeting(meetingId)
    const access = accessFor(template, rulePhaseId(template, progress), zoneId, actor.role)
    if (!draftZonesFor(template, progress, actor.role).includes(zoneId)) {
      throw new MeetingError(
        409,
        'zone_not_private',
        `Zone "${zoneId}" is not yours to write in privately now.`,
        {
          zoneId,
        },
      )
    }
    if (access.quota !== undefined && upload.drafts.length > access.quota) {
      throw new MeetingError(400, 'draft_quota', `At most ${access.quota} notes in zone "${zoneId}".`, {
        zoneId,
        max: access.quota,
      })
    }
    try {
      await this.store.putDrafts(meetingId, actor.id, zoneId, upload.drafts, upload.ready)
    } catch (error) {
      if (error instanceof DraftIdTaken)
        throw new MeetingError(409, 'draft_id_taken', error.message, { shapeId: error.shapeId })
      throw error
    }
  }

  async own(meetingId: string, actor: ParticipantRow): Promise<OwnDraft[]> {
    return this.store.ownDrafts(meetingId, actor.id)
  }

  async progress(meetingId: string, actor: ParticipantRow): Promise<DraftProgress[]> {
    requireFacilitator(actor)
    return this.store.progress(meetingId)
  }

  async released(meetingId: string, actor: ParticipantRow): Promise<ReleasedDraft[]> {
    requireFacilitator(actor)
    return this.store.released(meetingId)
  }

  /**
   * The begeleider's browser put these released notes on the board: what the server finds there
   * is dropped from the drafts; the rest keeps waiting (a write that did not arrive is tried again).
   */
  async published(meetingId: string, actor: ParticipantRow, shapeIds: readonly string[]): Promise<number> {
    requireFacilitator(actor)
    const room = await this.rooms.acquire(meetingRoomId(meetingId))
    let onBoard: string[]
    try {
      const keys = new Set(boardKeys(room.doc))
      onBoard = shapeIds.filter((id) => keys.has(id))
    } finally {
      this.rooms.released(meetingRoomId(meetingId))
    }
    await this.store.dropReleased(meetingId, onBoard)
    await this.state.loadReleased(meetingId)
    await this.changed(meetingId)
    return onBoard.length
  }

  /** Called by the meeting service when the phase changed, before anyone is told. */
  async phaseChanged(meetingId: string, template: Template, before: MeetingProgress, after: MeetingProgress) {
    const zones = zonesRevealed(template, before.phaseIndex, after.phaseIndex)
    if (zones.length === 0) return
    // Prepared cases keep their bringer's name: choosing a case needs to know whose it is.
    await this.store.release(meetingId, zones, before.phaseIndex >= 0 && after.anonymousReveal === true)
    await this.state.loadReleased(meetingId)
  }

  private async meeting(meetingId: string): Promise<{ template: Template; progress: MeetingProgress }> {
    if (!this.state.knows(meetingId)) await this.state.load(meetingId)
    const template = this.state.template(meetingId)
    const progress = this.state.progress(meetingId)
    if (!template || !progress) throw new MeetingError(404, 'unknown_meeting', 'This meeting does not exist.')
    return { template, progress }
  }
}

function boardKeys(doc: Y.Doc): string[] {
  return doc
    .getArray<{ key: string }>(RECORDS_ARRAY)
    .toArray()
    .map((entry) => entry.key)
}
