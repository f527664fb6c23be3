import {
  type Atom,
  atom,
  createShapeId,
  type Editor,
  react,
  type TLRecord,
  type TLShape,
  type TLShapeId,
  toRichText,
} from 'tldraw'
import { draftZonesAt, draftZonesFor } from '../../../../shared/drafts/preparation'
import { noteArea } from '../../../../shared/layout'
import { nextFreeSlot } from '../../../../shared/slots'
import { ApiError } from '../../api/apiClient'
import { occupiedIn } from '../layout/slotPlacement'
import { zoneOnBoard } from '../locks/boardPolicy'
import type { MeetingState } from '../meetingState'
import { textOf } from '../returned/returnedNotes'
import type { ReturnedStore } from '../returned/returnedStore'
import { draftApi } from './draftApi'
import { isDraft } from './drafts'
import { rememberMySeals } from './mySealedNotes'
import { openText, sealText } from './sealing'

/**
 * How long after the last keystroke the drafts are sealed and stored: short, so what was typed is
 * on the server before a closed tab could lose it; leaving the page sends at once (flush).
 */
const SAVE_DELAY_MS = 200
/** How long a revealed draft may take to come back on the board before it is given back. */
const REVEAL_GRACE_MS = 8000

export type DraftSaveState = 'idle' | 'saving' | 'saved' | 'failed'

/**
 * The author's side of sealed drafts: what I write in a private zone is sealed with the meeting
 * key (its text only) and stored on the server (which cannot read it) moments after each change,
 * so it reaches the board at the reveal even if my browser is closed by then, and comes back on
 * my other device. My browser never publishes it: the server places it at the reveal, so nothing
 * on the board ties a note to my client, and no other browser decides over it.
 */
export class DraftSync {
  readonly $ready: Atom<ReadonlySet<string>> = atom('ready zones', new Set())
  readonly $saveState: Atom<DraftSaveState> = atom('draft save state', 'idle')
  /** Zone → what was last stored, so an unchanged zone is not sent again. */
  private readonly stored = new Map<string, string>()
  private timer: ReturnType<typeof setTimeout> | null = null
  private saving = false
  private saveAgain = false
  /** Revealed drafts waiting to come back on the board. */
  private readonly awaiting = new Set<string>()
  private readonly stops: Array<() => void> = []

  constructor(
    private readonly editor: Editor,
    private readonly meeting: MeetingState,
    private readonly meetingId: string,
    private readonly token: string,
    private readonly key: CryptoKey,
    private readonly returned: ReturnedStore,
  ) {
    void this.restore()
    this.stops.push(
      editor.store.listen(
        ({ changes }) => {
          // Said at once: "bewaard" only once the server has it (a reveal takes only what it has).
          const drafts = [
            ...Object.values(changes.added),
            ...Object.values(changes.updated).map(([, to]) => to),
            ...Object.values(changes.removed),
          ]
          if (drafts.some(isDraft)) this.$saveState.set('saving')
          this.schedule()
        },
        { scope: 'document' },
      ),
    )
    this.stops.push(react('drafts at the reveal', () => this.watchReveal()))
    // Leaving the page (closing the tab, switching away on a phone): what waits is sent now; the
    // request is kept alive (draftApi.putMine), so it arrives after the page is gone.
    const flush = () => this.flush()
    const onHidden = () => {
      if (document.visibilityState === 'hidden') this.flush()
    }
    window.addEventListener('pagehide', flush)
    document.addEventListener('visibilitychange', onHidden)
    this.stops.push(() => {
      window.removeEventListener('pagehide', flush)
      document.removeEventListener('visibilitychange', onHidden)
    })
  }

  /** Saves now what would be saved after the delay. */
  flush(): void {
    if (!this.timer) return
    clearTimeout(this.timer)
    void this.save()
  }

  /** "Klaar" in the zones private for me now (or taken back). */
  setReady(ready: boolean): void {
    this.$ready.set(ready ? new Set(this.privateZones()) : new Set())
    this.schedule(0)
  }

  destroy(): void {
    if (this.timer) clearTimeout(this.timer)
    for (const stop of this.stops) stop()
  }

  /**
   * My drafts stored from another device (or before a reload) come back into this browser: each
   * as a note with its text in a free place of its zone (the seal holds the text only).
   */
  private async restore(): Promise<void> {
    let mine: Awaited<ReturnType<typeof draftApi.mine>>
    try {
      mine = await draftApi.mine(this.meetingId, this.token)
    } catch {
      return // Offline: what this browser kept itself (localStorage) is there; the next save sends it.
    }
    for (const draft of mine) {
      if (this.editor.store.has(draft.shapeId as TLRecord['id'])) continue
      let text: string
      try {
        text = await openText(this.key, this.meetingId, draft.shapeId, draft.sealed)
      } catch {
        continue // Sealed with another key (an older link): it cannot be read here.
      }
      const area = noteArea(this.meeting.template, draft.zoneId)
      const slot = nextFreeSlot(area, occupiedIn(this.editor, area)) ?? area
      this.editor.store.mergeRemoteChanges(() =>
        this.editor.createShape({
          id: (draft.shapeId.startsWith('shape:') ? draft.shapeId : createShapeId()) as TLShapeId,
          type: 'note',
          x: slot.x,
          y: slot.y,
          meta: { authorId: this.meeting.participantId, draft: true },
          props: { richText: toRichText(text) },
        }),
      )
    }
  }

  /** Zones where what I write is a sealed draft now (the rule the server stores drafts by). */
  privateZones(): string[] {
    const view = this.meeting.$view.get()
    const me = this.meeting.me()
    return view && me ? draftZonesFor(this.meeting.template, view.progress, me.role) : []
  }

  private schedule(delay = SAVE_DELAY_MS): void {
    if (this.timer) clearTimeout(this.timer)
    this.timer = setTimeout(() => void this.save(), delay)
  }

  /**
   * One save at a time: two in flight could arrive in the other order, and the older one
   * ("not klaar") would then stay on the server. A save asked for meanwhile runs after.
   */
  private async save(): Promise<void> {
    this.timer = null
    if (this.saving) {
      this.saveAgain = true
      return
    }
    this.saving = true
    try {
      await this.saveChanged()
    } finally {
      this.saving = false
    }
    if (this.saveAgain) {
      this.saveAgain = false
      await this.save()
    }
  }

  /** Seals and stores every private zone whose drafts or "klaar" changed since the last save. */
  private async saveChanged(): Promise<void> {
    const zones = this.privateZones()
    if (zones.length === 0) {
      this.$saveState.set('idle')
      return
    }
    const byZone = new Map<string, TLShape[]>(zones.map((z) => [z, []]))
    for (const shape of this.editor.getCurrentPageShapes()) {
      // A note not written in yet is no draft to keep (nor to reveal as an empty note).
      if (!isDraft(shape) || textOf(shape).trim() === '') continue
      const zone = zoneOnBoard(this.editor, this.meeting, shape)
      if (zone !== null) byZone.get(zone)?.push(shape)
    }
    const ready = this.$ready.get()
    let failed = false
    for (const [zoneId, shapes] of byZone) {
      // The text is all that is sealed: moving a draft or changing its colour sends nothing.
      const fingerprint = JSON.stringify([
        ready.has(zoneId),
        shapes.map((shape) => [shape.id, textOf(shape)]),
      ])
      if (this.stored.get(zoneId) === fingerprint) continue
      if (!this.stored.has(zoneId) && shapes.length === 0 && !ready.has(zoneId)) continue
      this.$saveState.set('saving')
      try {
        const drafts = await Promise.all(
          shapes.map(async (shape) => {
            const sealed = await sealText(this.key, this.meetingId, shape.id, textOf(shape))
            // At the reveal this browser shows it without opening it again.
            this.meeting.sealedNotes?.remember(sealed, textOf(shape))
            return { shapeId: shape.id, sealed }
          }),
        )
        // Before it is stored: so my screen knows the note as mine also when revealed anonymously.
        rememberMySeals(
          this.meetingId,
          this.meeting.participantId,
          drafts.map((d) => d.shapeId),
        )
        await draftApi.putMine(this.meetingId, this.token, zoneId, { drafts, ready: ready.has(zoneId) })
        this.stored.set(zoneId, fingerprint)
      } catch (error) {
        // The zone closed meanwhile (409): the reveal takes what was stored; anything else: retry.
        if (!(error instanceof ApiError && error.status === 409)) failed = true
      }
    }
    this.$saveState.set(failed ? 'failed' : 'saved')
    if (failed) this.schedule(3000)
  }

  /**
   * At the reveal my drafts of the revealed zones come back from the server with the same ids
   * (sealed; this browser opens them, sealedNoteCodec.ts). What does not come back as I wrote it (typed after the last save, or stored
   * nowhere) is given back to me as a returned note, and the local draft goes.
   */
  private watchReveal(): void {
    const view = this.meeting.$view.get()
    if (!view) return
    // Still hidden by the phase, whatever my access is now (a break is no reveal).
    const open = draftZonesAt(this.meeting.template, view.progress.phaseIndex)
    const revealed = this.editor
      .getCurrentPageShapes()
      .filter((shape) => isDraft(shape))
      .filter((shape) => {
        const zone = zoneOnBoard(this.editor, this.meeting, shape)
        return zone !== null && !open.has(zone) && !this.awaiting.has(shape.id)
      })
    if (revealed.length === 0) return
    const copies = revealed.map((shape) => ({ id: shape.id, text: textOf(shape) }))
    for (const { id } of copies) this.awaiting.add(id)
    setTimeout(() => {
      for (const { id } of copies) this.awaiting.delete(id)
      const late = copies.filter(({ id, text }) => {
        const now = this.editor.store.get(id)
        return !now || isDraft(now) || textOf(now) !== text
      })
      this.returned.add(
        late
          .filter(({ text }) => text.trim() !== '')
          .map(({ id, text }) => ({
            id,
            text,
            at: Date.now(),
            reason: {
              nl: 'Deze notitie kwam niet (zo) mee met de onthulling: ze was nog niet bewaard. Zet haar zelf op het bord.',
              en: 'This note did not come along with the reveal as you wrote it: it had not been saved yet. Put it on the board yourself.',
            },
          })),
      )
      const stale = late
        .map(({ id }) => id)
        .filter((id) => {
          const now = this.editor.store.get(id as TLRecord['id'])
          return now && isDraft(now)
        })
      if (stale.length > 0)
        this.editor.store.mergeRemoteChanges(() => this.editor.store.remove(stale as TLRecord['id'][]))
    }, REVEAL_GRACE_MS)
  }
}
