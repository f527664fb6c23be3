import { type Atom, atom, type Editor, react, type TLRecord, type TLShape } from 'tldraw'
import { asAnonymousNote } from '../../../../templates/src/authorship'
import type { BoardRecord } from '../../../../templates/src/boardRecords'
import type { ReleasedDraft, ReleasedNote } from '../../../../templates/src/drafts/sealedDrafts'
import { noteArea } from '../../../../templates/src/layout'
import { nextFreeSlot, type Rect } from '../../../../templates/src/slots'
import { occupiedIn } from '../layout/slotPlacement'
import type { MeetingState } from '../meetingState'
import { draftApi } from './draftApi'
import { openDraft } from './sealing'

/** Tries again while released drafts are not yet confirmed on the board. */
const RETRY_MS = 2000

export type RevealProblem = null | 'unreadable' | 'failed'

/**
 * The begeleider's side of the reveal: after a phase change (and on opening the board) the
 * browser fetches the drafts the server released, opens them with the meeting key and puts them
 * on the board under their author's name, or under none in an anonymous reveal. The server then
 * finds them on the board and forgets the sealed copies. Authors need not be online for this.
 */
export class RevealPublisher {
  readonly $problem: Atom<RevealProblem> = atom('reveal problem', null)
  private running = false
  private retry: ReturnType<typeof setTimeout> | null = null
  private readonly stop: () => void

  constructor(
    private readonly editor: Editor,
    private readonly meeting: MeetingState,
    private readonly meetingId: string,
    private readonly token: string,
    private readonly key: CryptoKey | null,
  ) {
    let lastPhase: number | null = null
    this.stop = react('publish released drafts', () => {
      const phase = meeting.$view.get()?.progress.phaseIndex ?? null
      if (phase === null || phase === lastPhase) return
      lastPhase = phase
      void this.publish()
    })
  }

  destroy(): void {
    this.stop()
    if (this.retry) clearTimeout(this.retry)
  }

  private async publish(): Promise<void> {
    if (this.running || this.meeting.me()?.role !== 'begeleider') return
    this.running = true
    try {
      const released = await draftApi.released(this.meetingId, this.token)
      if (released.length === 0) return
      if (!this.key) {
        this.$problem.set('unreadable')
        return
      }
      const records = await this.open(released)
      this.meeting.$released.set(
        new Map(
          released.map((d): [string, ReleasedNote] => [
            d.shapeId,
            { zoneId: d.zoneId, authorId: d.authorId },
          ]),
        ),
      )
      const fresh = this.placeInSlots(
        records.filter((r) => !this.editor.store.has(r.id)),
        released,
      )
      if (fresh.length > 0) this.editor.run(() => this.editor.store.put(fresh))
      // Stored and sent once the room has it; the server checks the board itself.
      await new Promise((resolve) => setTimeout(resolve, 800))
      const { dropped } = await draftApi.published(
        this.meetingId,
        this.token,
        released.map((d) => d.shapeId),
      )
      this.$problem.set(records.length < released.length ? 'unreadable' : null)
      if (dropped < records.length) this.again()
    } catch {
      this.$problem.set('failed')
      this.again()
    } finally {
      this.running = false
    }
  }

  /**
   * Each note to a free slot of its zone: authors wrote without seeing each other's notes, so
   * theirs may lie on top of each other (a rule of the zone, not a choice of the author).
   */
  private placeInSlots(records: TLRecord[], released: readonly ReleasedDraft[]): TLRecord[] {
    const zoneOf = new Map(released.map((d) => [d.shapeId, d.zoneId]))
    const taken = new Map<string, Rect[]>()
    return records.map((record) => {
      const zoneId = zoneOf.get(record.id)
      const shape = record as TLShape
      // Slots are page positions: a note inside a group or frame keeps its place.
      if (
        !zoneId ||
        shape.typeName !== 'shape' ||
        shape.type !== 'note' ||
        !shape.parentId.startsWith('page:')
      )
        return record
      const area = noteArea(this.meeting.template, zoneId)
      const occupied = taken.get(zoneId) ?? occupiedIn(this.editor, area)
      const slot = nextFreeSlot(area, occupied)
      if (!slot) return record
      taken.set(zoneId, [...occupied, slot])
      return { ...shape, x: slot.x, y: slot.y }
    })
  }

  private again(): void {
    if (this.retry) clearTimeout(this.retry)
    this.retry = setTimeout(() => void this.publish(), RETRY_MS)
  }

  /** Opens each released draft; one that does not open with this key is left out (and said). */
  private async open(released: readonly ReleasedDraft[]): Promise<TLRecord[]> {
    const records: TLRecord[] = []
    for (const draft of released) {
      try {
        const record = (await openDraft(this.key!, this.meetingId, draft.shapeId, draft.sealed)) as TLRecord
        if (record.id !== draft.shapeId || record.typeName !== 'shape') continue
        const { authorId: _author, draft: _draft, ...meta } = (record.meta ?? {}) as Record<string, unknown>
        // Anonymous: no author, pair or last editor on it (tldraw prints the last editor's name).
        records.push(
          draft.authorId
            ? ({ ...record, meta: { ...meta, authorId: draft.authorId } } as TLRecord)
            : (asAnonymousNote(record as unknown as BoardRecord) as unknown as TLRecord),
        )
      } catch {
        // Not sealed with this browser's key.
      }
    }
    return records
  }
}
