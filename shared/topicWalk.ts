import { z } from 'zod'
import { authorOf, type BoardRecord, ratingOf } from './boardRecords'
import { plainTextOf } from './outcome/noteText'
import type { RepeatBlock } from './schema'
import type { Template } from './templateSchema'

/**
 * Walking through the topics (quick advice rounds, method 3): a repeat block per topic takes the
 * topics of a zone (`topicsFrom`) highest score first. The order is frozen into the meeting's
 * progress when the block is entered, so every screen shows the same "Onderwerp 2 van 3" and a
 * score changed later does not reshuffle the rounds; round n is the nth topic.
 */
export const Topic = z.object({
  noteId: z.string().max(200),
  text: z.string().max(500),
  authorId: z.string().max(64).nullable(),
  score: z.number().int().min(1).max(10).nullable(),
})
export type Topic = z.infer<typeof Topic>

/** A note of the topics zone with what the order needs: its score, its place on the board. */
export interface TopicNote {
  record: BoardRecord
  x: number
  y: number
}

/**
 * The topics highest score first; unscored topics last; equal scores in the board's reading
 * order (top to bottom, left to right), ids breaking ties, so the order is the same everywhere.
 */
export function orderTopics(notes: readonly TopicNote[]): Topic[] {
  const scored = notes.map((n) => ({ ...n, score: scoreOf(n.record) }))
  scored.sort(
    (a, b) =>
      (b.score ?? 0) - (a.score ?? 0) ||
      a.y - b.y ||
      a.x - b.x ||
      (a.record.id < b.record.id ? -1 : a.record.id > b.record.id ? 1 : 0),
  )
  return scored.map(({ record, score }) => ({
    noteId: record.id,
    text: plainTextOf(record).slice(0, 500),
    authorId: authorOf(record),
    score,
  }))
}

function scoreOf(record: BoardRecord): number | null {
  const value = Number(ratingOf(record))
  return Number.isInteger(value) && value >= 1 && value <= 10 ? value : null
}

/** The block per topic that takes its topics from a zone, if the template has one. */
export function topicBlock(
  template: Pick<Template, 'repeats'>,
): (RepeatBlock & { topicsFrom: string }) | undefined {
  const block = template.repeats.find((b) => b.per === 'topic' && b.topicsFrom !== undefined)
  return block as (RepeatBlock & { topicsFrom: string }) | undefined
}

/** Whether a phase index lies within a block. */
export function inBlock(template: Template, block: RepeatBlock, phaseIndex: number): boolean {
  const from = template.phases.findIndex((p) => p.id === block.from)
  const to = template.phases.findIndex((p) => p.id === block.to)
  return phaseIndex >= from && phaseIndex <= to && from >= 0
}

/**
 * The topics to keep after a move from phase `before` to phase `after`: read afresh (`read`) when
 * the move enters the topic block from outside it, kept otherwise.
 */
export function topicsAfterMove(
  template: Template,
  before: number,
  after: number,
  kept: readonly Topic[] | null | undefined,
  read: () => Topic[],
): Topic[] | null {
  const block = topicBlock(template)
  if (!block) return kept ? [...kept] : null
  const entering = inBlock(template, block, after) && !inBlock(template, block, before)
  return entering ? read() : kept ? [...kept] : null
}

/** The topic of the current round: "Onderwerp 2 van 3", or null outside the topic walk. */
export function currentTopic(
  template: Template,
  progress: { phaseIndex: number; round: number; topics?: readonly Topic[] | null },
): { topic: Topic; index: number; count: number } | null {
  const block = topicBlock(template)
  if (!block || !progress.topics || !inBlock(template, block, progress.phaseIndex)) return null
  const topic = progress.topics[progress.round - 1]
  return topic ? { topic, index: progress.round, count: progress.topics.length } : null
}

/**
 * The topic a note was written for: the client stamps notes made during the topic walk with the
 * topic then on (meta.topicId), since the advice zones are the same for every topic.
 */
export function topicIdOf(record: { meta?: Record<string, unknown> }): string | null {
  const id = record.meta?.topicId
  return typeof id === 'string' ? id : null
}
