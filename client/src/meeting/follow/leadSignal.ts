/**
 * "Iedereen naar mijn beeld": the facilitator puts a lead in their presence (awareness) state,
 * `{ at }`, a new number each time they bring the group along. Everyone else starts following
 * the facilitator's view when a new lead appears. Only a lead from a state the server stamped as
 * the begeleider's counts (the server writes `identity` on every presence state from the
 * connection's session; a client cannot claim it), so nobody else can move others' screens.
 */

/** The awareness field that carries the lead. */
export const LEAD_FIELD = 'lead'

export interface Lead {
  /** The facilitator's participant id, as the server stamped it. */
  participantId: string
  /** Changes every time the facilitator brings the group along. */
  at: number
}

/**
 * The lead to follow among the room's presence states: the newest lead of a state the server
 * stamped as the begeleider's, other than my own connection's; null when there is none.
 */
export function leadIn(states: ReadonlyMap<number, unknown>, myClientId: number): Lead | null {
  let found: Lead | null = null
  for (const [clientId, state] of states) {
    if (clientId === myClientId || !isObject(state)) continue
    const identity = state.identity
    const lead = state[LEAD_FIELD]
    if (!isObject(identity) || identity.role !== 'begeleider' || typeof identity.participantId !== 'string')
      continue
    if (!isObject(lead) || typeof lead.at !== 'number' || !Number.isFinite(lead.at)) continue
    if (!found || lead.at > found.at) found = { participantId: identity.participantId, at: lead.at }
  }
  return found
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value)
}
