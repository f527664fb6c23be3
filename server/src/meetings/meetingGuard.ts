import * as Y from 'yjs'
import type { AssetLimits } from '../../../shared/assetPolicy'
import { boardLayout } from '../../../shared/layout'
import { revealGraceOpen } from '../../../shared/permissions'
import { rulePhaseId } from '../../../shared/phaseMachine'
import { judgeChanges } from '../../../shared/recordPolicy'
import type { RecordLimits } from '../../../shared/recordText'
import type { LocalizedText } from '../../../shared/schema'
import { roleInTopicWalk } from '../../../shared/topicRole'
import type { Refusal } from '../../../shared/wire'
import type { RoomConnection } from '../rooms/connection'
import type { RoomView, UpdateGuard } from '../rooms/roomOptions'
import type { UpdateSection } from '../rooms/updateScan'
import type { ClientClaimStore } from '../storage/clientClaimStore'
import { ClientClaims } from './clientClaims'
import type { MeetingReader } from './meetingState'
import { recordProblem } from './recordValidation'
import { ShadowBoard } from './shadowBoard'

/** What else the guard judges by: the room's stored claims, and whether this process is current. */
export interface GuardContext {
  claims?: ClientClaimStore
  /** Why this process may not judge now (its meeting state may be stale), or null when it may. */
  stale?: () => Refusal | null
  /** The server's clock (the one that set the phase's start): the reveal's first moments. */
  now?: () => number
}

/**
 * The server half of the locks: every update to a meeting room is judged by what it would do,
 * tried on a private copy of the board first, against the phase in force when it arrives, the
 * zones it touches and the sender's current role, with the same rules the client uses
 * (shared/recordPolicy.ts). A refused update is dropped whole.
 */
export class MeetingGuard implements UpdateGuard {
  private readonly shadow: ShadowBoard
  private readonly claims: ClientClaims
  private readonly doc: Y.Doc

  constructor(
    private readonly meetings: MeetingReader,
    private readonly meetingId: string,
    room: RoomView,
    private readonly limits: Partial<RecordLimits> & Partial<AssetLimits> = {},
    private readonly context: GuardContext = {},
  ) {
    this.doc = room.doc
    this.shadow = new ShadowBoard(room.doc)
    this.claims = new ClientClaims(
      room.doc,
      (clientId) => room.presenceOwner(clientId),
      context.claims ? { roomId: room.id, claims: context.claims } : null,
    )
  }

  prepare(conn: RoomConnection, sections: readonly UpdateSection[]): Promise<void> | null {
    return conn.identity ? this.claims.prepare(sections, conn.identity.participantId) : null
  }

  check(conn: RoomConnection, update: Uint8Array, sections: readonly UpdateSection[]): Refusal | null {
    // Judged only by a meeting state this process knows is current (several instances).
    const stale = this.context.stale?.()
    if (stale) return stale
    const participant = conn.identity ? this.meetings.participant(conn.identity.participantId) : undefined
    const template = this.meetings.template(this.meetingId)
    const progress = this.meetings.progress(this.meetingId)
    if (!participant || !template || !progress) {
      return forbidden({
        nl: 'Je sessie is niet (meer) geldig.',
        en: 'Your session is not valid (any more).',
      })
    }
    if (
      participant.role === 'observer' &&
      sections.some((s) => s.to > Y.getState(this.doc.store, s.client))
    ) {
      return forbidden({
        nl: 'Als observator kijk je mee; je kunt het bord niet wijzigen.',
        en: 'As an observer you watch along; you cannot change the board.',
      })
    }
    // Clock ranges are per Yjs client: nobody may write in another participant's range.
    const claim = this.claims.check(sections, participant.id)
    if (!claim.ok && claim.unconfirmed) {
      return {
        code: 'outOfSync',
        nl: 'Je wijziging kon nu niet worden bevestigd; je bord is opnieuw geladen.',
        en: `Your change could not be confirmed just now; your board was reloaded (${claim.reason}).`,
      }
    }
    if (!claim.ok) {
      return forbidden({
        nl: 'Deze wijziging schrijft op naam van iemand anders en is geweigerd.',
        en: `This change writes in someone else's name (${claim.reason}).`,
      })
    }
    const effect = this.shadow.tryUpdate(update)
    if (!effect.ok) {
      if (effect.outOfSync) {
        return {
          code: 'outOfSync',
          nl: 'Je bord liep niet gelijk met de server en is opnieuw geladen.',
          en: `Your board was out of step with the server and has been reloaded (${effect.reason}).`,
        }
      }
      return forbidden({
        nl: 'Deze wijziging kan niet: alleen de server beheert de stand van de bijeenkomst.',
        en: `This change is not possible: ${effect.reason}; only the server manages the meeting's state.`,
      })
    }
    for (const change of effect.changes) {
      const problem = change.next ? recordProblem(change.next) : null
      if (problem) {
        return forbidden({
          nl: `Ongeldig element op het bord: ${problem}`,
          en: `Invalid board record: ${problem}`,
        })
      }
    }
    const index = effect.index
    const verdict = judgeChanges(
      {
        template,
        phaseId: rulePhaseId(template, progress),
        actor: {
          participantId: participant.id,
          // In the walk through the topics the topic's owner is its inbrenger (topicRole.ts).
          role: roleInTopicWalk(template, progress, participant.id, participant.role),
          name: participant.name,
        },
        rects: boardLayout(template),
        current: (id) => index.before(id),
        allShapes: () => index.shapesBefore(),
        allBindings: () => index.bindingsBefore(),
        limits: this.limits,
        allAssets: () => index.assetsBefore(),
        assetLimits: this.limits,
        releasedNote: (id) => this.meetings.releasedNote(this.meetingId, id),
        groups: progress.groups,
        revealGrace: revealGraceOpen(progress, (this.context.now ?? Date.now)()),
      },
      effect.changes,
    )
    if (!verdict.ok) return forbidden(verdict.reason)
    claim.commit()
    return null
  }

  accepted(): void {
    this.shadow.accepted()
  }

  serverChanged(update: Uint8Array): void {
    this.shadow.follow(update)
  }

  destroy(): void {
    this.shadow.destroy()
  }
}

function forbidden(reason: LocalizedText): Refusal {
  return { code: 'forbidden', ...reason }
}
