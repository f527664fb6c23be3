import { type Atom, atom, type Editor, react, type TLRecord, type TLShape } from 'tldraw'
import { draftZonesAt, draftZonesFor } from '../../../../templates/src/drafts/preparation'
import { ApiError } from '../../api/apiClient'
import { zoneOnBoard } from '../locks/boardPolicy'
import type { MeetingState } from '../meetingState'
import { textOf } from '../returned/returnedNotes'
import type { ReturnedStore } from '../returned/returnedStore'
import { draftApi } from './draftApi'
import { isDraft } from './drafts'
import { openDraft, sealDraft } from './sealing'

/** How long after the last keystroke the drafts are sealed and stored. */
const SAVE_DELAY_MS = 400
/** How long a revealed draft may take to come back on the board before it is given back. */
const REVEAL_GRACE_MS = 8000

export type DraftSaveState = 'idle' | 'saving' | 'saved' | 'failed'

/**
 * The author's side of sealed drafts: what I write in a private zone is sealed with the meeting
 * key and stored on the server (which cannot read it), so it reaches the board at the reveal even
 * if my browser is closed by then, and comes back on my other device. My browser never publishes
 * it itself: the begeleider's browser does, so nothing on the board ties a note to my client.
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
    this.stops.push(editor.store.listen(() => this.schedule(), { scope: 'document' }))
    this.stops.push(react('drafts at the reveal', () => this.watchReveal()))
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

  /** My drafts stored from another device (or before a reload) come back into this browser. */
  private async restore(): Promise<void> {
    let mine: Awaited<ReturnType<typeof draftApi.mine>>
    try {
      mine = await draftApi.mine(this.meetingId, this.token)
    } catch {
      return // Offline: what this browser kept itself (localStorage) is there; the next save sends it.
    }
    const records: TLRecord[] = []
    for (const draft of mine) {
      if (this.editor.store.has(draft.shapeId as TLRecord['id'])) continue
      try {
        const record = (await openDraft(this.key, this.meetingId, draft.shapeId, draft.sealed)) as TLRecord
        if (record.id === draft.shapeId)
          records.push({ ...record, meta: { ...record.meta, draft: true } } as TLRecord)
      } catch {
        // Sealed with another key (an older link): it cannot be read here.
      }
    }
    if (records.length > 0) this.editor.store.mergeRemoteChanges(() => this.editor.store.put(records))
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
    if (zones.length === 0) return
    const byZone = new Map<string, TLShape[]>(zones.map((z) => [z, []]))
    for (const shape of this.editor.getCurrentPageShapes()) {
      if (!isDraft(shape)) continue
      const zone = zoneOnBoard(this.editor, this.meeting, shape)
      if (zone !== null) byZone.get(zone)?.push(shape)
    }
    const ready = this.$ready.get()
    let failed = false
    for (const [zoneId, shapes] of byZone) {
      const fingerprint = JSON.stringify([ready.has(zoneId), shapes])
      if (this.stored.get(zoneId) === fingerprint) continue
      if (!this.stored.has(zoneId) && shapes.length === 0 && !ready.has(zoneId)) continue
      this.$saveState.set('saving')
      try {
        const drafts = await Promise.all(
          shapes.map(async (shape) => ({
            shapeId: shape.id,
            sealed: await sealDraft(this.key, this.meetingId, shape.id, shape),
          })),
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
   * At the reveal my drafts of the revealed zones come back from the begeleider's browser with
   * the same ids. What does not come back as I wrote it (typed after the last save, or stored
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
