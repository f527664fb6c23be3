import { z } from 'zod'

/**
 * A round "om de beurt": the facilitator starts it over the members present, in an order everyone
 * sees; one person has the turn; next (heard), skip (passes, not heard), back, end. Part of the
 * meeting's progress, changed only by the facilitator's commands on the server.
 */
export const TurnRound = z.object({
  /** Participant ids in the order of the round. */
  order: z.array(z.string().min(1).max(64)).min(1).max(50),
  /** Index into `order` of whose turn it is; order.length once everyone has had theirs. */
  at: z.number().int().min(0),
  /** Who has had their turn (heard). */
  heard: z.array(z.string()),
  /** Who passed (skipped) and has not been heard since. */
  skipped: z.array(z.string()),
})
export type TurnRound = z.infer<typeof TurnRound>

export type TurnCommand =
  | { type: 'turnsStart'; order: string[] }
  | { type: 'turnsNext' }
  | { type: 'turnsSkip' }
  | { type: 'turnsBack' }
  | { type: 'turnsEnd' }

export type TurnResult = { ok: true; turns: TurnRound | null } | { ok: false; error: string }

/** Applies one turn command to the round in progress (null: none). */
export function applyTurnCommand(turns: TurnRound | null, cmd: TurnCommand): TurnResult {
  if (cmd.type === 'turnsStart') {
    if (new Set(cmd.order).size !== cmd.order.length)
      return { ok: false, error: 'each person comes once in a round' }
    return { ok: true, turns: { order: [...cmd.order], at: 0, heard: [], skipped: [] } }
  }
  if (!turns) return { ok: false, error: 'no round is in progress' }
  const current = turns.order[turns.at]
  switch (cmd.type) {
    case 'turnsNext':
      if (current === undefined) return { ok: false, error: 'everyone has had their turn' }
      return {
        ok: true,
        turns: {
          ...turns,
          at: turns.at + 1,
          heard: turns.heard.includes(current) ? turns.heard : [...turns.heard, current],
          skipped: turns.skipped.filter((id) => id !== current),
        },
      }
    case 'turnsSkip':
      if (current === undefined) return { ok: false, error: 'everyone has had their turn' }
      return {
        ok: true,
        turns: {
          ...turns,
          at: turns.at + 1,
          skipped:
            turns.heard.includes(current) || turns.skipped.includes(current)
              ? turns.skipped
              : [...turns.skipped, current],
        },
      }
    case 'turnsBack':
      if (turns.at === 0) return { ok: false, error: 'this is the first turn' }
      return { ok: true, turns: { ...turns, at: turns.at - 1 } }
    case 'turnsEnd':
      return { ok: true, turns: null }
  }
}

export type TurnState = 'current' | 'heard' | 'skipped' | 'waiting'

/** Each person of the round in order, with where they stand; for the board. */
export function turnList(turns: TurnRound): Array<{ participantId: string; state: TurnState }> {
  return turns.order.map((participantId, index) => ({
    participantId,
    state:
      index === turns.at
        ? 'current'
        : turns.heard.includes(participantId)
          ? 'heard'
          : turns.skipped.includes(participantId)
            ? 'skipped'
            : 'waiting',
  }))
}
