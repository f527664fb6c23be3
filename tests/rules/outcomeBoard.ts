import { expect } from 'vitest'
import { revealedNoteRecords } from '../../server/src/drafts/revealPlacement'
import { boardSeedRecords } from '../../server/src/meetings/boardSeed'
import type { StoredDraft } from '../../server/src/storage/draftStore'
import { type BoardRecord, DOCUMENT_ID } from '../../shared/boardRecords'
import { isPrivateFor } from '../../shared/drafts/privateWriting'
import { type RevealedNote, zonesRevealed } from '../../shared/drafts/sealedDrafts'
import { boardLayout, noteArea } from '../../shared/layout'
import { type OutcomeChoices, withChoices } from '../../shared/outcome/choices'
import { deriveOutcome, type OutcomeInput, type OutcomePerson } from '../../shared/outcome/meetingOutcome'
import { accessFor } from '../../shared/permissions'
import { initialProgress, type MeetingProgress } from '../../shared/phaseMachine'
import type { Actor, RecordChange } from '../../shared/recordPolicy'
import { SLOT_PITCH } from '../../shared/slots'
import type { Template } from '../../shared/templateSchema'
import { noteRecord } from '../helpers/records'
import { judgeOnBoard } from './judgeOnBoard'

/**
 * A meeting played on a board as the server would take it: the method's seed, then each change
 * judged by the shared rules in the phase it is made in and kept only when allowed (a refused
 * change fails the test). The outcome is then derived from the records the board ends with.
 * In a zone that is private for the writer (each writes for themself) a note is a sealed draft:
 * over the room it is refused, and the reveal puts it on the board as the server does
 * (revealPlacement.ts), seen as a browser with the meeting key sees it (its text opened).
 */
export class ScriptedMeeting {
  readonly records = new Map<string, BoardRecord>()
  progress: MeetingProgress = { ...initialProgress(0), phaseIndex: 0 }
  private count = 0
  private readonly perZone = new Map<string, number>()
  /** Sealed drafts not yet revealed, with the text their author's browser holds. */
  private readonly drafts: (StoredDraft & { text: string })[] = []
  private readonly released = new Map<string, RevealedNote>()

  constructor(
    readonly template: Template,
    readonly people: readonly OutcomePerson[],
  ) {
    for (const r of boardSeedRecords(template)) this.records.set(r.id, r)
  }

  get phaseId(): string {
    return this.template.phases[this.progress.phaseIndex]!.id
  }

  goto(phaseId: string): void {
    const index = this.template.phases.findIndex((p) => p.id === phaseId)
    if (index < 0) throw new Error(`no phase ${phaseId}`)
    const before = this.progress.phaseIndex
    this.progress = { ...this.progress, phaseIndex: index }
    this.reveal(zonesRevealed(this.template, before, index))
  }

  /** The server's reveal at the phase change: every draft of the zones on the board, opened. */
  private reveal(zones: string[]): void {
    const drafts = this.drafts.filter((d) => zones.includes(d.zoneId))
    if (drafts.length === 0) return
    for (const { record, row } of revealedNoteRecords(this.template, this.records, drafts, {
      anonymous: false,
    })) {
      const draft = drafts.find((d) => d.shapeId === record.id)!
      const opened = noteRecord({ id: record.id, x: 0, y: 0, authorId: row.authorId, text: draft.text })
      this.records.set(record.id, { ...record, props: { ...record.props, richText: opened.props!.richText } })
      this.released.set(record.id, { zoneId: row.zoneId, authorId: row.authorId, anonymous: row.anonymous })
    }
    this.drafts.splice(0, this.drafts.length, ...this.drafts.filter((d) => !zones.includes(d.zoneId)))
  }

  /** The begeleider orders a zone's notes into its slots, row by row, in the order given. */
  arrange(who: string, zoneId: string, ids: readonly string[]): void {
    const area = noteArea(this.template, zoneId)
    ids.forEach((id, slot) => {
      const prev = this.records.get(id)!
      const next = {
        ...prev,
        x: area.x + (slot % 3) * SLOT_PITCH,
        y: area.y + Math.floor(slot / 3) * SLOT_PITCH,
      }
      this.do(who, [{ id, prev, next }])
    })
  }

  actor(name: string): Actor {
    const person = this.people.find((p) => p.name === name)
    if (!person) throw new Error(`nobody called ${name}`)
    return { participantId: person.id, role: person.role }
  }

  /** Judges the changes as `who` in the current phase; applies them when allowed. */
  try(who: string, changes: RecordChange[]) {
    const existing = [...this.records.values()]
    const verdict = judgeOnBoard(this.template, this.phaseId, this.actor(who), changes, existing, {
      releasedNote: (id) => this.released.get(id),
      sealedTextOpened: true,
    })
    if (verdict.ok) {
      for (const c of changes) {
        if (c.next) this.records.set(c.id, c.next)
        else this.records.delete(c.id)
      }
    }
    return verdict
  }

  /** Like try, but the change must be allowed. */
  do(who: string, changes: RecordChange[]): void {
    const verdict = this.try(who, changes)
    expect(verdict, `${who} in ${this.phaseId}`).toEqual({ ok: true })
  }

  /**
   * A note with `text` by `who` in `zoneId`, in slot `slot` (three across) or the next one after
   * the slots used so far.
   */
  write(who: string, zoneId: string, text: string, slot?: number): string {
    const area = noteArea(this.template, zoneId)
    const inZone = slot ?? this.perZone.get(zoneId) ?? 0
    const id = `shape:n${++this.count}`
    const note = noteRecord({
      id,
      x: area.x + (inZone % 3) * SLOT_PITCH,
      y: area.y + Math.floor(inZone / 3) * SLOT_PITCH,
      authorId: this.actor(who).participantId,
      text,
    })
    if (this.writesPrivately(who, zoneId)) this.seal(who, zoneId, note, text)
    else this.do(who, [{ id, prev: null, next: note }])
    this.perZone.set(zoneId, Math.max(inZone + 1, this.perZone.get(zoneId) ?? 0))
    return id
  }

  private writesPrivately(who: string, zoneId: string): boolean {
    const actor = this.actor(who)
    return isPrivateFor(
      {
        template: this.template,
        phaseId: this.phaseId,
        actor,
        rects: boardLayout(this.template),
        current: (id) => this.records.get(id),
        allShapes: () => [],
        allBindings: () => [],
      },
      zoneId,
    )
  }

  /** A draft as DraftService.putOwn takes it: refused over the room, held to the zone's quota. */
  private seal(who: string, zoneId: string, note: BoardRecord, text: string): void {
    expect(this.try(who, [{ id: note.id, prev: null, next: note }]).ok, `${who} writes privately`).toBe(false)
    const participantId = this.actor(who).participantId
    const quota = accessFor(this.template, this.phaseId, zoneId, this.actor(who).role).quota
    const mine = this.drafts.filter((d) => d.participantId === participantId && d.zoneId === zoneId)
    if (quota !== undefined && mine.length >= quota) throw new Error(`draft_quota: ${who} in ${zoneId}`)
    this.drafts.push({ shapeId: note.id, zoneId, participantId, sealed: 'sealed-in-the-browser', text })
  }

  /** The inbrenger (or whoever) marks a note. */
  mark(who: string, id: string, rating: string): void {
    const prev = this.records.get(id)!
    this.do(who, [{ id, prev, next: { ...prev, meta: { ...prev.meta, rating } } }])
  }

  /** A change of the inbrenger's choices in the document record, judged. */
  choose(who: string, patch: Partial<OutcomeChoices>) {
    const prev = this.records.get(DOCUMENT_ID)!
    return this.try(who, [{ id: DOCUMENT_ID, prev, next: withChoices(prev, patch) }])
  }

  outcome(title = 'Intervisie team Noord') {
    return this.deriveWith({ title })
  }

  deriveWith(input: Partial<OutcomeInput>) {
    return deriveOutcome({
      template: this.template,
      title: 'Intervisie team Noord',
      progress: this.progress,
      participants: this.people,
      records: this.records.values(),
      ...input,
    })
  }
}
