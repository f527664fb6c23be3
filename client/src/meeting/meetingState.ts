import { type Atom, atom, react } from 'tldraw'
import { rulePhaseId } from '../../../shared/phaseMachine'
import type { Template } from '../../../shared/templateSchema'
import { roleInTopicWalk } from '../../../shared/topicRole'
import { MEETING_MAP, MEETING_VIEW_KEY, type MeetingView, type ParticipantView } from '../../../shared/wire'
import type { BoardSession } from '../collab/boardSession'
import type { SealedNoteCodec } from './drafts/sealedNoteCodec'

/**
 * The meeting as this browser knows it, in tldraw signals so the canvas (locks, overlays, hidden
 * private notes) and React both follow it: the template, the view the server publishes in the
 * room's meeting map, and who I am in it. Read-only: only the server changes the meeting.
 */
export class MeetingState {
  readonly $view: Atom<MeetingView | null> = atom('meeting view', null)
  /** True while the board is being exported as a picture (report/boardImage): drafts stay out. */
  readonly $exporting: Atom<boolean> = atom('exporting the board', false)
  private unobserve: (() => void) | null = null
  private readonly stopWatching: () => void

  constructor(
    readonly template: Template,
    readonly participantId: string,
    readonly session: BoardSession,
    readonly meetingId = '',
    /** Revealed private notes, opened for this screen (drafts/sealedNoteCodec.ts). */
    readonly sealedNotes: SealedNoteCodec | null = null,
  ) {
    // Follow whichever room the session has bound (it starts over after a refusal).
    this.stopWatching = react('follow the meeting map', () => {
      const room = session.$room.get()
      this.unobserve?.()
      this.unobserve = null
      if (!room) return
      const map = room.doc.getMap(MEETING_MAP)
      const read = () => this.$view.set((map.get(MEETING_VIEW_KEY) as MeetingView | undefined) ?? null)
      map.observe(read)
      read()
      this.unobserve = () => map.unobserve(read)
    })
  }

  /**
   * Me as the server knows me now (my role can change during the meeting), with the role the
   * rules give me at this moment: in the walk through the topics, inbrenger of my own topic and
   * deelnemer for the others' (topicRole.ts, the same rule the server judges by).
   */
  me(): ParticipantView | null {
    const view = this.$view.get()
    const me = view?.participants.find((p) => p.id === this.participantId)
    if (!view || !me) return null
    const role = roleInTopicWalk(this.template, view.progress, me.id, me.role)
    return role === me.role ? me : { ...me, role }
  }

  /** The phase the rules judge against (FINISHED_PHASE_ID once the meeting is finished). */
  phaseId(): string {
    const view = this.$view.get()
    return view ? rulePhaseId(this.template, view.progress) : ''
  }

  destroy(): void {
    this.stopWatching()
    this.unobserve?.()
  }
}
