import type * as Y from 'yjs'
import type { BoardRecord } from '../../../shared/boardRecords'
import { CloseCode } from '../../../shared/closeCodes'
import type { RevealedNote } from '../../../shared/drafts/sealedDrafts'
import {
  applyCommand,
  initialProgress,
  type MeetingCommand,
  type MeetingProgress,
} from '../../../shared/phaseMachine'
import type { RoleId } from '../../../shared/schema'
import type { Template } from '../../../shared/templateSchema'
import { orderTopics, topicBlock, topicsAfterMove } from '../../../shared/topicWalk'
import {
  MEETING_MAP,
  MEETING_VIEW_KEY,
  type MeetingView,
  meetingRoomId,
  type ParticipantView,
} from '../../../shared/wire'
import { readBoardRecords as boardRecords, writeRecordsWhole } from '../board/boardRecords'
import { ApiError } from '../http/apiError'
import { DEFAULT_LIMITS } from '../limits'
import type { RoomRegistry } from '../rooms/roomRegistry'
import type { MeetingRow, MeetingStore, ParticipantRow } from '../storage/meetingStore'
import { notesInZone } from './boardNotes'
import { boardSeedRecords } from './boardSeed'
import { addCaseToList, type CaseChoiceHost, castCaseVote } from './caseChoice'
import { requireGroupMembers } from './groupMembers'
import { KeyedQueue } from './keyedQueue'
import { LOCAL_MEETING_BUS, type MeetingBus } from './meetingBus'
import {
  admit,
  type JoinHost,
  type JoinRequest,
  type MemberDirectory,
  participantView,
  type Session,
} from './meetingJoin'
import { type MeetingPreview, previewMeeting } from './meetingPreview'
import { invalidLink, requireFacilitator } from './meetingRefusals'
import { closeRemovedConnections, type RemovalHost, removeParticipant } from './meetingRemoval'
import type { MeetingState } from './meetingState'
import { hashSecret, newId, newSecret } from './secrets'

// Joins live in meetingJoin.ts; these names stay importable from here.
export { type JoinRequest, type MemberDirectory, NAME_LENGTH, type Session } from './meetingJoin'

/** How the connections of an erased meeting are closed: the code says why (client pages word it). */
export const MEETING_GONE = {
  facilitator: [CloseCode.meetingErased, 'meeting erased by the facilitator'],
  retention: [CloseCode.retentionExpired, 'meeting kept for its full retention period'],
} as const

/** The rooms a meeting writes its state into and closes when it is erased. */
export type MeetingRooms = Pick<RoomRegistry, 'acquire' | 'released' | 'discard' | 'evict' | 'peek'>

/** Hears every change of phase before anyone is told of it (the reveal of sealed drafts). */
export interface PhaseListener {
  phaseChanged(
    meetingId: string,
    template: Template,
    before: MeetingProgress,
    after: MeetingProgress,
  ): Promise<void>
}

/**
 * Meetings, people and roles. The meeting's state is the server's: it changes only through the
 * facilitator's commands here, is stored in the database, and is mirrored into the room's
 * document (MEETING_MAP), which clients may read but never write.
 */
export class MeetingService {
  /** Progress changes, one at a time per meeting in this process (see changeProgress). */
  private readonly progressQueue = new KeyedQueue()
  /** Joins, one at a time per meeting in this process: the cap and the names are checked fresh. */
  private readonly joinQueue = new KeyedQueue()
  private members: MemberDirectory | null = null

  constructor(
    private readonly store: MeetingStore,
    /** What the guard judges by (role, phase): written through on every change here. */
    private readonly state: MeetingState,
    private readonly rooms: MeetingRooms,
    private readonly templates: () => ReadonlyMap<string, Template>,
    private readonly bus: MeetingBus = LOCAL_MEETING_BUS,
    private readonly now: () => number = Date.now,
    private readonly phases: PhaseListener | null = null,
    /** People in one meeting at the same time (LIMIT_PARTICIPANTS_PER_MEETING). */
    private readonly participantCap: number = DEFAULT_LIMITS.participantsPerMeeting,
  ) {}

  /** The groups' members (set once the group service exists, which is built on this one). */
  setMemberDirectory(directory: MemberDirectory): void {
    this.members = directory
  }

  async create(
    templateId: string,
    title: string,
  ): Promise<{ meetingId: string; facilitatorSecret: string; inviteSecret: string }> {
    const template = this.templates().get(templateId)
    if (!template) {
      throw new ApiError(400, 'unknown_template', `Unknown method template "${templateId}".`, {
        templateId,
      })
    }
    const meetingId = newId()
    const facilitatorSecret = newSecret()
    const inviteSecret = newSecret()
    const row: MeetingRow = {
      id: meetingId,
      templateId,
      title: title.trim() || template.name.nl,
      facilitatorSecretHash: hashSecret(facilitatorSecret),
      inviteSecretHash: hashSecret(inviteSecret),
      progressJson: JSON.stringify(initialProgress(this.now())),
      createdAt: this.now(),
      retentionDays: null,
    }
    await this.store.insertMeeting(row)
    await this.state.load(meetingId)
    await this.withRoom(meetingId, (doc) => {
      writeRecordsWhole(doc, boardSeedRecords(template))
    })
    await this.publish(meetingId)
    return { meetingId, facilitatorSecret, inviteSecret }
  }

  /**
   * Opens a session as facilitator with the facilitator link's secret; with a member credential
   * too, as that member of the meeting's group (their name, their turn, their register line).
   */
  async facilitate(meetingId: string, request: JoinRequest): Promise<Session> {
    const meeting = await this.store.meeting(meetingId)
    if (!meeting || !request.secret || meeting.facilitatorSecretHash !== hashSecret(request.secret))
      throw invalidLink()
    return this.addParticipant(meeting, request, 'begeleider')
  }

  /**
   * Opens a session as participant: with the invite link's secret (a guest, under the name they
   * type), or with a member's personal credential alone (the member, under their name).
   */
  async join(meetingId: string, request: JoinRequest): Promise<Session> {
    const meeting = await this.store.meeting(meetingId)
    if (!meeting) throw invalidLink()
    if (request.member) return this.addParticipant(meeting, request, 'deelnemer')
    if (!request.secret || meeting.inviteSecretHash !== hashSecret(request.secret)) throw invalidLink()
    return this.addParticipant(meeting, request, 'deelnemer')
  }

  /** The participant a session token belongs to, if it belongs to this meeting (and was not removed). */
  async authenticate(
    token: string | null | undefined,
    meetingId: string,
  ): Promise<ParticipantRow | undefined> {
    if (!token) return undefined
    const row = await this.store.participantByTokenHash(hashSecret(token))
    if (!row || row.meetingId !== meetingId || row.removedAt !== null) return undefined
    this.state.remember(row)
    return row
  }

  /** The participant as this process knows them now (role changes apply at once). */
  participant(participantId: string): ParticipantRow | undefined {
    return this.state.participant(participantId)
  }

  template(meetingId: string): Template | undefined {
    return this.state.template(meetingId)
  }

  progress(meetingId: string): MeetingProgress | undefined {
    return this.state.progress(meetingId)
  }

  releasedNote(meetingId: string, shapeId: string): RevealedNote | undefined {
    return this.state.releasedNote(meetingId, shapeId)
  }

  /** A method from the library, as it is now (null: no longer in it). */
  libraryTemplate(templateId: string): Template | null {
    return this.templates().get(templateId) ?? null
  }

  async view(meetingId: string): Promise<MeetingView> {
    const [meeting, participants] = await Promise.all([
      this.store.meeting(meetingId),
      this.store.participants(meetingId),
    ])
    if (!meeting) throw new ApiError(404, 'unknown_meeting', 'This meeting does not exist.')
    return {
      meetingId,
      templateId: meeting.templateId,
      title: meeting.title,
      progress: JSON.parse(meeting.progressJson) as MeetingProgress,
      // Who is in the meeting now: someone removed is gone from the panel (the register keeps them).
      participants: participants.filter((p) => p.removedAt === null).map(toView),
    }
  }

  async command(meetingId: string, actor: ParticipantRow, command: MeetingCommand): Promise<MeetingProgress> {
    requireFacilitator(actor)
    // A round "om de beurt" goes over people of this meeting only.
    if (command.type === 'turnsStart') {
      const known = new Set((await this.store.participants(meetingId)).map((p) => p.id))
      const stranger = command.order.find((id) => !known.has(id))
      if (stranger !== undefined)
        throw new ApiError(404, 'unknown_participant', 'No such participant in this meeting.')
    }
    // A method that walks through topics reads them from the board when its block is entered.
    if (!this.state.knows(meetingId)) await this.state.load(meetingId)
    const block = topicBlock(this.template(meetingId) ?? { repeats: [] })
    let records: Map<string, BoardRecord> | null = null
    if (block) await this.withRoom(meetingId, (doc) => (records = boardRecords(doc)))
    const people = command.type === 'splitGroups' ? await this.store.participants(meetingId) : []
    return this.changeProgress(meetingId, (template, progress) => {
      requireGroupMembers(template, progress, command, people)
      const result = applyCommand(template, progress, command, this.now())
      // Each command has one way to be refused, so its type names the reason for the client.
      if (!result.ok) throw new ApiError(409, 'command_refused', result.error, { command: command.type })
      const next = result.progress
      if (!block) return next
      const read = () => (records ? orderTopics(notesInZone(template, records, block.topicsFrom)) : [])
      return {
        ...next,
        topics: topicsAfterMove(template, progress.phaseIndex, next.phaseIndex, next.topics, read),
      }
    })
  }

  /** One dot vote cast or taken back by the person of this session (caseChoice.ts). */
  vote(meetingId: string, actor: ParticipantRow, noteId: string, cast: boolean): Promise<MeetingProgress> {
    return castCaseVote(this.caseChoiceHost(), meetingId, actor, noteId, cast)
  }

  /** Puts a case on the case list in a participant's name (caseChoice.ts); resolves with its id. */
  addCaseToList(meetingId: string, participantId: string, text: string): Promise<string> {
    return addCaseToList(this.caseChoiceHost(), meetingId, participantId, text)
  }

  private caseChoiceHost(): CaseChoiceHost {
    return {
      changeProgress: (meetingId, change) => this.changeProgress(meetingId, change),
      withRoom: (meetingId, fn) => this.withRoom(meetingId, fn),
      participant: (participantId) => this.store.participant(participantId),
      template: async (meetingId) => {
        if (!this.state.knows(meetingId)) await this.state.load(meetingId)
        return this.template(meetingId)
      },
    }
  }

  /** Changes the progress one change at a time per meeting (a vote and a command at once lost one), read fresh. */
  private changeProgress(
    meetingId: string,
    change: (template: Template, progress: MeetingProgress) => MeetingProgress,
  ): Promise<MeetingProgress> {
    const run = async () => {
      // Decided only on state known to be current, and refused before anything is stored.
      this.bus.ensureCurrent()
      await this.state.load(meetingId)
      const template = this.template(meetingId)
      const progress = this.progress(meetingId)
      if (!template || !progress) throw new ApiError(404, 'unknown_meeting', 'This meeting does not exist.')
      const next = change(template, progress)
      await this.store.setProgress(meetingId, JSON.stringify(next))
      // Before anyone hears of the new phase: what it reveals is released first (drafts/).
      if (next.phaseIndex !== progress.phaseIndex)
        await this.phases?.phaseChanged(meetingId, template, progress, next)
      this.state.setProgress(meetingId, next)
      await this.bus.changed(meetingId)
      await this.publish(meetingId)
      return next
    }
    return this.progressQueue.run(meetingId, run)
  }

  async assignRole(
    meetingId: string,
    actor: ParticipantRow,
    participantId: string,
    role: RoleId,
  ): Promise<ParticipantView> {
    requireFacilitator(actor)
    if (!this.state.knows(meetingId)) await this.state.load(meetingId)
    const template = this.template(meetingId)
    const target = await this.store.participant(participantId)
    if (!template || !target || target.meetingId !== meetingId) {
      throw new ApiError(404, 'unknown_participant', 'No such participant in this meeting.')
    }
    if (!template.roles.includes(role)) {
      throw new ApiError(400, 'role_not_in_method', `The method "${template.id}" has no role "${role}".`, {
        role,
      })
    }
    const facilitators = (await this.store.participants(meetingId)).filter((p) => p.role === 'begeleider')
    if (target.role === 'begeleider' && role !== 'begeleider' && facilitators.length === 1) {
      throw new ApiError(409, 'last_facilitator', 'A meeting keeps at least one begeleider.')
    }
    this.bus.ensureCurrent()
    await this.store.setRole(participantId, role)
    const updated = { ...target, role }
    this.state.remember(updated)
    await this.bus.changed(meetingId)
    await this.publish(meetingId)
    return toView(updated)
  }

  /**
   * A new invite link for the facilitator to hand out. Only the secret's hash is stored, so the
   * current link cannot be read back: getting it from another browser means making a new one.
   * The old secret stops working at once; whoever already joined keeps their session.
   */
  async renewInvite(meetingId: string, actor: ParticipantRow): Promise<{ inviteSecret: string }> {
    requireFacilitator(actor)
    if (actor.meetingId !== meetingId || !(await this.store.meeting(meetingId))) {
      throw new ApiError(404, 'unknown_meeting', 'This meeting does not exist.')
    }
    const inviteSecret = newSecret()
    await this.store.setInviteSecretHash(meetingId, hashSecret(inviteSecret))
    return { inviteSecret }
  }

  /**
   * What the join screen shows someone holding a valid invite or facilitator secret. A wrong
   * secret gets the same refusal as a meeting that does not exist.
   */
  async preview(meetingId: string, secret: string): Promise<MeetingPreview & { groupId: string | null }> {
    const preview = await previewMeeting(this.store, this.templates(), meetingId, secret)
    // A member's browser that holds their personal link for this group joins as that member.
    return { ...preview, groupId: (await this.members?.groupOf(meetingId)) ?? null }
  }

  /**
   * Whether a meeting has this id. Ids carry 128 random bits and show in every meeting's address,
   * so this tells nothing to someone who does not already hold one; it lets a pasted bare code
   * lead to its meeting instead of to an empty free board of the same name.
   */
  async exists(meetingId: string): Promise<boolean> {
    return (await this.store.meeting(meetingId)) !== undefined
  }

  /**
   * Erases the meeting for good: its board (memory and disk), its state, its participants and
   * their sessions. Open connections are closed; every link and token stops working.
   */
  async erase(meetingId: string, actor: ParticipantRow): Promise<void> {
    requireFacilitator(actor)
    await this.eraseNow(meetingId, 'facilitator')
  }

  /** The retention sweep's way in: the same erasure, without a facilitator, its own close code. */
  async expire(meetingId: string): Promise<void> {
    await this.eraseNow(meetingId, 'retention')
  }

  private async eraseNow(meetingId: string, by: 'facilitator' | 'retention'): Promise<void> {
    const [code, reason] = MEETING_GONE[by]
    const roomId = meetingRoomId(meetingId)
    this.bus.ensureCurrent()
    // Nothing the room still holds unstored is stored any more; then the room's rows, the names
    // and the meeting go in one transaction (no token works after it); then the connections.
    this.rooms.discard(roomId)
    await this.store.erase(meetingId, roomId)
    await this.rooms.evict(roomId, code, reason)
    this.state.forget(meetingId)
    await this.bus.erased(meetingId, by)
  }

  /** Writes the meeting view into the room's document, where every client reads it. */
  async publish(meetingId: string): Promise<void> {
    const view = await this.view(meetingId)
    await this.withRoom(meetingId, (doc) => {
      doc.getMap(MEETING_MAP).set(MEETING_VIEW_KEY, view)
    })
  }

  /** The facilitator removes someone (meetingRemoval.ts). */
  remove(meetingId: string, actor: ParticipantRow, participantId: string): Promise<void> {
    return removeParticipant(this.removalHost(), meetingId, actor, participantId)
  }

  /** Closes this process's connections of people removed here or on another instance. */
  closeRemovedConnections(meetingId: string): void {
    closeRemovedConnections(this.removalHost(), meetingId)
  }

  private removalHost(): RemovalHost {
    const { store, state, rooms, bus, now } = this
    return { store, state, rooms, bus, now, publish: (meetingId) => this.publish(meetingId) }
  }

  private addParticipant(meeting: MeetingRow, request: JoinRequest, role: RoleId): Promise<Session> {
    const host: JoinHost = {
      store: this.store,
      state: this.state,
      members: this.members,
      cap: this.participantCap,
      now: this.now,
      announce: async (meetingId) => {
        // A newcomer needs no confirmation: each instance reads them from storage at their handshake.
        await this.bus.changed(meetingId).catch(() => {})
        await this.publish(meetingId)
      },
    }
    return this.joinQueue.run(meeting.id, () => admit(host, meeting, request, role))
  }

  /** Runs a server change on the meeting's room, loading it if nobody is connected. */
  private async withRoom(meetingId: string, fn: (doc: Y.Doc) => void): Promise<void> {
    const roomId = meetingRoomId(meetingId)
    const room = await this.rooms.acquire(roomId)
    try {
      room.transactAsServer(() => fn(room.doc))
      // Answered only once stored (and broadcast).
      await room.settled()
    } finally {
      this.rooms.released(roomId)
    }
  }
}

const toView = participantView
