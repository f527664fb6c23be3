/**
 * The fixed vocabularies of a method template (roles, actions, kinds), apart from its zod schema
 * (schema.ts, templateSchema.ts): pages that only read a template use these without loading zod.
 * schema.ts re-exports them.
 */

export const ROLE_IDS = [
  'begeleider',
  'inbrenger',
  'deelnemer',
  'binnengroep',
  'buitengroep',
  'observer',
  'verslaglegger',
] as const

/**
 * What a role may do in a zone:
 * - add: place new notes or shapes in the zone (counted against `quota`);
 * - editOwn: change, move within the zone, or remove what you placed yourself;
 * - editAny: change, move within the zone, or remove anything in the zone;
 * - move: rearrange anything within the zone (cluster, sort) without changing its content;
 * - rate: set the rating of a note (W/N/K, a mark, a score), nothing else.
 */
export const ACTIONS = ['add', 'editOwn', 'editAny', 'move', 'rate'] as const

/** Work in pairs or subgroups in a phase (groupWork.ts): the facilitator splits the group. */
export const GROUP_WORK_KINDS = ['pairs', 'subgroups'] as const

export const ZONE_KINDS = ['flap', 'column', 'area', 'list', 'form'] as const
export const RATING_SCALES = ['wnk', 'mark', 'score10'] as const
/**
 * What a zone holds for the meeting's outcome (shared/outcome): the case, the group's
 * questions, the group's problem definitions, the inbrenger's own (re)formulated question, what
 * else the group worked out (reported under the zone's own title: associations, strengths, what
 * is going on), the advice, the action, the evaluation. A zone without it is worked in but not
 * reported (a list of candidate cases, the chairs of a seating plan).
 */
export const OUTCOME_KINDS = [
  'case',
  'questions',
  'definitions',
  'definition',
  'discussion',
  'advice',
  'action',
  'evaluation',
] as const
export type OutcomeKind = (typeof OUTCOME_KINDS)[number]
