import { type Atom, atom, type Editor } from 'tldraw'
import type { BoardSession } from '../../collab/boardSession'
import { FollowLead } from '../follow/followLead'
import type { MeetingState } from '../meetingState'
import { type AddNoteResult, addNoteInPlay } from './addNote'
import { addNoteShortcut } from './addNoteShortcut'
import { layoutMessages } from './layoutMessages'
import { keepPhaseInView } from './phaseView'
import { snapToSlots } from './snapToSlots'

/**
 * The layout of each meeting, for components tldraw renders itself (they take no props): the
 * meeting board makes one per meeting before the canvas renders (useMeetingLayout reads it).
 */
const layouts = new WeakMap<MeetingState, MeetingLayout>()

export function layoutOf(meeting: MeetingState): MeetingLayout | null {
  return layouts.get(meeting) ?? null
}

/**
 * The board's layout at work in one meeting: notes snap into slots, each phase brings its zones
 * into view, Shift+N and the add button place a note, and the group can follow the facilitator.
 * Made once per meeting; `attach` binds it to the editor when the canvas mounts. The canvas's
 * own components (action bar, zone overlay) find it by the meeting (useMeetingLayout).
 */
export class MeetingLayout {
  /** The person asked to see the whole board instead of the phase's zones. */
  readonly $wholeBoard = atom('whole board', false)
  readonly $editor: Atom<Editor | null> = atom('layout editor', null)
  readonly $follow: Atom<FollowLead | null> = atom('follow lead', null)

  constructor(
    readonly meeting: MeetingState,
    private readonly session: BoardSession,
  ) {
    layouts.set(meeting, this)
  }

  /**
   * Binds to the editor. Call after the locks are registered: a refused note is then taken back
   * before it would be snapped. Returns the detach function.
   */
  attach(editor: Editor): () => void {
    const follow = new FollowLead(editor, this.meeting, this.session)
    this.$editor.set(editor)
    this.$follow.set(follow)
    const stopSnapping = snapToSlots(editor, this.meeting)
    const stopShortcut = addNoteShortcut(editor, () => void this.addNote())
    // The canvas has its size only after the first layout.
    let stopView: (() => void) | null = null
    const frame = requestAnimationFrame(() => {
      stopView = keepPhaseInView(editor, this.meeting, this.$wholeBoard)
    })
    return () => {
      cancelAnimationFrame(frame)
      stopView?.()
      stopShortcut()
      stopSnapping()
      follow.destroy()
      this.$follow.set(null)
      this.$editor.set(null)
    }
  }

  /** Adds a note in the zone in play; says why not when the zone is full. */
  async addNote(): Promise<AddNoteResult> {
    const editor = this.$editor.get()
    if (!editor) return 'noZone'
    const result = await addNoteInPlay(editor, this.meeting)
    if (result === 'full') {
      const key = 'layout.addNote.full'
      this.session.$notice.set({
        kind: 'refused',
        refusal: { code: 'forbidden', nl: layoutMessages.nl[key], en: layoutMessages.en[key] },
      })
    }
    return result
  }
}
