import type * as Y from 'yjs'
import { CloseCode } from '../../../templates/src/closeCodes'
import {
  applyCommand,
  initialProgress,
  type MeetingCommand,
  type MeetingProgress,
} from '../../../templates/src/phaseMachine'
import type { RoleId, Template } from '../../../templates/src/schema'
import {
  MEETING_MAP,
  MEETING_VIEW_KEY,
  type MeetingView,
  meetingRoomId,
  type ParticipantView,
  RECORDS_ARRAY,
} from '../../../templates/src/wire'
import type { RoomRegistry } from '../rooms/roomRegistry'
import type { MeetingRow, MeetingStore, ParticipantRow } from '../storage/meetingStore'
import { boardSeedRecords } from './boardSeed'
import { hashSecret, newId, newSecret } from './secrets'

const COLORS = ['#1f6feb', '#d1242f', '#1a7f37', '#8250df', '#bf8700', '#0a7f8c', '#cf222e', '#6e7781']

/**
 * A failure the caller turns into an HTTP answer `{ error: code, ...data }`: a stable code and the
 * numbers or names the client needs to word it in its own language. The message is for logs and
 * curl; no client shows it.
 */
export class MeetingError extends Error {
  constructor(
    readonly status: 400 | 403 | 404 | 409,
    readonly code: string,
    message: string,
    readonly data: Readonly<Record<string, string | number>> = {},
  ) {
    super(message)
  }
}

/** A display name's length after trimming, as the server enforces it. */
export const NAME_LENGTH = { min: 1, max: 40 } as const

/** What someone holding a valid link may know before joining: the join screen names these. */
export interface MeetingPreview {
  title: string
  method: { nl: string; en: string }
  /** The first facilitator's display name; null until a facilitator has joined. */
  facilitator: string | null
  /** Which link the secret belongs to. */
  link: 'invite' | 'facilitator'
}

export interface Session {
  token: string
  participant: ParticipantView
  meetingId: string
}

/**
 * Meetings, people and roles. The meeting's state is the server's: it changes only through the
 * facilitator's commands here, is stored in the database, and is mirrored into the room's
 * document (MEETING_MAP), which clients may read but never write.
 */
export class MeetingService {
  /** Participants by id, so every incoming update checks the current role without a query. */
  private readonly participantCache = new Map<string, ParticipantRow>()
  /** Meeting progress by id, likewise; written through on every command. */
  private readonly progressCache = new Map<string, MeetingProgress>()
  private readonly templateIds = new Map<string, string>()

  constructor(
    private readonly store: MeetingStore,
    private readonly registry: RoomRegistry,
    private readonly templates: () => ReadonlyMap<string, Template>,
    private readonly now: () => number = Date.now,
  ) {}

  create(
    templateId: string,
    title: string,
  ): { meetingId: string; facilitatorSecret: string; inviteSecret: string } {
    const template = this.templates().get(templateId)
    if (!template) {
      throw new MeetingError(400, 'unknown_template', `Unknown method template "${templateId}".`, {
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
    }
    this.store.insertMeeting(row)
    this.withRoom(meetingId, (doc) => {
      const records = doc.getArray(RECORDS_ARRAY)
      records.push(boardSeedRecords(template).map((val) => ({ key: val.id, val })))
    })
    this.publish(meetingId)
    return { meetingId, facilitatorSecret, inviteSecret }
  }

  /** Opens a session as facilitator with the facilitator link's secret. */
  facilitate(meetingId: string, secret: string, name: string): Session {
    const meeting = this.store.meeting(meetingId)
    if (!meeting || meeting.facilitatorSecretHash !== hashSecret(secret)) throw invalidLink()
    return this.addParticipant(meeting, name, 'begeleider')
  }

  /** Opens a session as participant with the invite link's secret. */
  join(meetingId: string, secret: string, name: string): Session {
    const meeting = this.store.meeting(meetingId)
    if (!meeting || meeting.inviteSecretHash !== hashSecret(secret)) throw invalidLink()
    return this.addParticipant(meeting, name, 'deelnemer')
  }

  /** The participant a session token belongs to, if it belongs to this meeting. */
  authenticate(token: string | null | undefined, meetingId: string): ParticipantRow | undefined {
    if (!token) return undefined
    const row = this.store.participantByTokenHash(hashSecret(token))
    if (!row || row.meetingId !== meetingId) return undefined
    return this.participant(row.id)
  }

  /** The participant as the server knows them now (role changes apply at once). */
  participant(participantId: string): ParticipantRow | undefined {
    let row = this.participantCache.get(participantId)
    if (!row) {
      row = this.store.participant(participantId)
      if (row) this.participantCache.set(participantId, row)
    }
    return row
  }

  template(meetingId: string): Template | undefined {
    const templateId = this.templateIds.get(meetingId) ?? this.store.meeting(meetingId)?.templateId
    if (templateId) this.templateIds.set(meetingId, templateId)
    return templateId ? this.templates().get(templateId) : undefined
  }

  progress(meetingId: string): MeetingProgress | undefined {
    let progress = this.progressCache.get(meetingId)
    if (!progress) {
      const meeting = this.store.meeting(meetingId)
      if (!meeting) return undefined
      progress = JSON.parse(meeting.progressJson) as MeetingProgress
      this.progressCache.set(meetingId, progress)
    }
    return progress
  }

  view(meetingId: string): MeetingView {
    const meeting = this.store.meeting(meetingId)
    if (!meeting) throw new MeetingError(404, 'unknown_meeting', 'This meeting does not exist.')
    return {
      meetingId,
      templateId: meeting.templateId,
      title: meeting.title,
      progress: this.progress(meetingId)!,
      participants: this.store.participants(meetingId).map(toView),
    }
  }

  command(meetingId: string, actor: ParticipantRow, command: MeetingCommand): MeetingProgress {
    requireFacilitator(actor)
    const template = this.template(meetingId)
    const progress = this.progress(meetingId)
    if (!template || !progress) throw new MeetingError(404, 'unknown_meeting', 'This meeting does not exist.')
    const result = applyCommand(template, progress, command, this.now())
    // Each command has one way to be refused, so its type names the reason for the client.
    if (!result.ok) throw new MeetingError(409, 'command_refused', result.error, { command: command.type })
    this.store.setProgress(meetingId, JSON.stringify(result.progress))
    this.progressCache.set(meetingId, result.progress)
    this.publish(meetingId)
    return result.progress
  }

  assignRole(meetingId: string, actor: ParticipantRow, participantId: string, role: RoleId): ParticipantView {
    requireFacilitator(actor)
    const template = this.template(meetingId)
    const target = this.participant(participantId)
    if (!template || !target || target.meetingId !== meetingId) {
      throw new MeetingError(404, 'unknown_participant', 'No such participant in this meeting.')
    }
    if (!template.roles.includes(role)) {
      throw new MeetingError(
        400,
        'role_not_in_method',
        `The method "${template.id}" has no role "${role}".`,
        {
          role,
        },
      )
    }
    const facilitators = this.store.participants(meetingId).filter((p) => p.role === 'begeleider')
    if (target.role === 'begeleider' && role !== 'begeleider' && facilitators.length === 1) {
      throw new MeetingError(409, 'last_facilitator', 'A meeting keeps at least one begeleider.')
    }
    this.store.setRole(participantId, role)
    const updated = { ...target, role }
    this.participantCache.set(participantId, updated)
    this.publish(meetingId)
    return toView(updated)
  }

  /**
   * A new invite link for the facilitator to hand out. Only the secret's hash is stored, so the
   * current link cannot be read back: getting it from another browser means making a new one.
   * The old secret stops working at once; whoever already joined keeps their session.
   */
  renewInvite(meetingId: string, actor: ParticipantRow): { inviteSecret: string } {
    requireFacilitator(actor)
    if (actor.meetingId !== meetingId || !this.store.meeting(meetingId)) {
      throw new MeetingError(404, 'unknown_meeting', 'This meeting does not exist.')
    }
    const inviteSecret = newSecret()
    this.store.setInviteSecretHash(meetingId, hashSecret(inviteSecret))
    return { inviteSecret }
  }

  /**
   * What the join screen shows someone holding a valid invite or facilitator secret. A wrong
   * secret gets the same refusal as a meeting that does not exist.
   */
  preview(meetingId: string, secret: string): MeetingPreview {
    const meeting = this.store.meeting(meetingId)
    const hash = hashSecret(secret)
    const link =
      meeting?.inviteSecretHash === hash
        ? 'invite'
        : meeting?.facilitatorSecretHash === hash
          ? 'facilitator'
          : null
    const template = meeting ? this.templates().get(meeting.templateId) : undefined
    if (!meeting || !link) throw invalidLink()
    const facilitator = this.store.participants(meetingId).find((p) => p.role === 'begeleider')
    return {
      title: meeting.title,
      method: template
        ? { nl: template.name.nl, en: template.name.en }
        : { nl: meeting.templateId, en: meeting.templateId },
      facilitator: facilitator?.name ?? null,
      link,
    }
  }

  /**
   * Whether a meeting has this id. Ids carry 128 random bits and show in every meeting's address,
   * so this tells nothing to someone who does not already hold one; it lets a pasted bare code
   * lead to its meeting instead of to an empty free board of the same name.
   */
  exists(meetingId: string): boolean {
    return this.store.meeting(meetingId) !== undefined
  }

  /**
   * Erases the meeting for good: its board (memory and disk), its state, its participants and
   * their sessions. Open connections are closed; every link and token stops working.
   */
  erase(meetingId: string, actor: ParticipantRow): void {
    requireFacilitator(actor)
    const participantIds = this.store.participants(meetingId).map((p) => p.id)
    // The room's rows go in the same transaction as the names: a checkpoint between the two
    // would leave the names in the database file.
    this.store.erase(meetingId, () =>
      this.registry.erase(
        meetingRoomId(meetingId),
        CloseCode.meetingErased,
        'meeting erased by the facilitator',
      ),
    )
    for (const id of participantIds) this.participantCache.delete(id)
    this.progressCache.delete(meetingId)
    this.templateIds.delete(meetingId)
  }

  /** Writes the meeting view into the room's document, where every client reads it. */
  publish(meetingId: string): void {
    const view = this.view(meetingId)
    this.withRoom(meetingId, (doc) => {
      doc.getMap(MEETING_MAP).set(MEETING_VIEW_KEY, view)
    })
  }

  private addParticipant(meeting: MeetingRow, rawName: string, role: RoleId): Session {
    const name = rawName.trim()
    if (name.length < NAME_LENGTH.min || name.length > NAME_LENGTH.max) {
      throw new MeetingError(400, 'invalid_name', 'A display name has 1 to 40 characters.', NAME_LENGTH)
    }
    const token = newSecret()
    const count = this.store.participants(meeting.id).length
    const row: ParticipantRow = {
      id: newId(),
      meetingId: meeting.id,
      name,
      role,
      color: COLORS[count % COLORS.length]!,
      tokenHash: hashSecret(token),
      createdAt: this.now(),
    }
    this.store.insertParticipant(row)
    this.participantCache.set(row.id, row)
    this.publish(meeting.id)
    return { token, participant: toView(row), meetingId: meeting.id }
  }

  /** Runs a server change on the meeting's room, loading it if nobody is connected. */
  private withRoom(meetingId: string, fn: (doc: Y.Doc) => void): void {
    const roomId = meetingRoomId(meetingId)
    const room = this.registry.acquire(roomId)
    try {
      room.transactAsServer(() => fn(room.doc))
    } finally {
      this.registry.released(roomId)
    }
  }
}

function toView(row: ParticipantRow): ParticipantView {
  return { id: row.id, name: row.name, role: row.role, color: row.color }
}

function requireFacilitator(actor: ParticipantRow): void {
  if (actor.role !== 'begeleider') {
    throw new MeetingError(403, 'not_facilitator', 'Only the begeleider can do this.')
  }
}

function invalidLink(): MeetingError {
  // The same answer whether or not the meeting exists.
  return new MeetingError(403, 'invalid_link', 'This link is not valid (any more).')
}
