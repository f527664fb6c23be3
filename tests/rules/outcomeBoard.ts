import { expect } from 'vitest'
import { boardSeedRecords } from '../../server/src/meetings/boardSeed'
import { type BoardRecord, DOCUMENT_ID } from '../../templates/src/boardRecords'
import { noteArea } from '../../templates/src/layout'
import { type OutcomeChoices, withChoices } from '../../templates/src/outcome/choices'
import {
  deriveOutcome,
  type OutcomeInput,
  type OutcomePerson,
} from '../../templates/src/outcome/meetingOutcome'
import { initialProgress, type MeetingProgress } from '../../templates/src/phaseMachine'
import type { Actor, RecordChange } from '../../templates/src/recordPolicy'
import { SLOT_PITCH } from '../../templates/src/slots'
import type { Template } from '../../templates/src/templateSchema'
import { noteRecord } from '../helpers/records'
import { judgeOnBoard } from './judgeOnBoard'

/**
 * A meeting played on a board as the server would take it: the method's seed, then each change
 * judged by the shared rules in the phase it is made in and kept only when allowed (a refused
 * change fails the test). The outcome is then derived from the records the board ends with.
 */
export class ScriptedMeeting {
  readonly records = new Map<string, BoardRecord>()
  progress: MeetingProgress = { ...initialProgress(0), phaseIndex: 0 }
  private count = 0
  private readonly perZone = new Map<string, number>()

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
    this.progress = { ...this.progress, phaseIndex: index }
  }

  actor(name: string): Actor {
    const person = this.people.find((p) => p.name === name)
    if (!person) throw new Error(`nobody called ${name}`)
    return { participantId: person.id, role: person.role }
  }

  /** Judges the changes as `who` in the current phase; applies them when allowed. */
  try(who: string, changes: RecordChange[]) {
    const existing = [...this.records.values()]
    const verdict = judgeOnBoard(this.template, this.phaseId, this.actor(who), changes, existing)
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
    this.do(who, [{ id, prev: null, next: note }])
    this.perZone.set(zoneId, Math.max(inZone + 1, this.perZone.get(zoneId) ?? 0))
    return id
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
