import type { MeetingCommand } from '../../../shared/phaseMachine'
import type { Translate } from '../i18n/useT'
import { ApiError } from './apiClient'
import { type ApiErrorKey, apiErrorMessages } from './apiErrorMessages'

// The words are data of their own (apiErrorMessages.ts): the message catalogue reads them
// without importing what words an error with a translator.
export { type ApiErrorKey, apiErrorMessages } from './apiErrorMessages'

/** Which text and which values word a failure. Pure, so a test can walk every code. */
export interface ApiErrorText {
  key: ApiErrorKey
  values?: Record<string, string>
}

/** What a refusal of each command most likely means (the server's data names the command). */
const REFUSED: Partial<Record<MeetingCommand['type'], ApiErrorKey>> = {
  start: 'api.command_refused.start',
  next: 'api.command_refused.next',
  previous: 'api.command_refused.previous',
  goto: 'api.command_refused.goto',
  nextRound: 'api.command_refused.nextRound',
  pause: 'api.command_refused.pause',
  resume: 'api.command_refused.resume',
  extend: 'api.command_refused.extend',
  takeTime: 'api.command_refused.takeTime',
  turnsStart: 'api.command_refused.turnsStart',
  turnsNext: 'api.command_refused.turnsNext',
  turnsSkip: 'api.command_refused.turnsSkip',
  turnsBack: 'api.command_refused.turnsBack',
  turnsEnd: 'api.command_refused.turnsEnd',
  breakStart: 'api.command_refused.breakStart',
  breakEnd: 'api.command_refused.breakEnd',
  revealMode: 'api.command_refused.revealMode',
  setVotes: 'api.command_refused.setVotes',
  closeVoting: 'api.command_refused.closeVoting',
  splitGroups: 'api.command_refused.splitGroups',
  endGroups: 'api.command_refused.endGroups',
}

const VOTE_REFUSED: Record<string, ApiErrorKey> = {
  notOpen: 'api.vote_refused.notOpen',
  noVotesLeft: 'api.vote_refused.noVotesLeft',
  notVoted: 'api.vote_refused.notVoted',
  notOnList: 'api.vote_refused.notOnList',
  notAllowed: 'api.vote_refused.notAllowed',
}

const CASE_REFUSED: Record<string, ApiErrorKey> = {
  tooLong: 'api.case_refused.tooLong',
  empty: 'api.case_refused.empty',
  listFull: 'api.case_refused.listFull',
}

/** Our words for a failed call: by the server's code and data; anything else gets a code to quote. */
export function describeApiError(error: unknown): ApiErrorText {
  if (!(error instanceof ApiError)) {
    // fetch rejects with a TypeError when the server cannot be reached.
    return error instanceof TypeError ? { key: 'api.network' } : { key: 'api.unknown', values: { code: '?' } }
  }
  const text = (value: unknown) =>
    typeof value === 'string' || typeof value === 'number' ? String(value) : '?'
  const { code, data } = error
  switch (code) {
    case 'network':
    case 'invalid_json':
    case 'invalid_link':
    case 'invalid_session':
    case 'unknown_meeting':
    case 'not_facilitator':
    case 'unknown_participant':
    case 'role_not_in_method':
    case 'last_facilitator':
    case 'not_a_free_board':
    case 'no_case_list':
    case 'internal':
    case 'zone_not_private':
    case 'not_revealed':
    case 'not_your_revealed':
    case 'not_anonymous':
    case 'revealed_removed':
    case 'invalid_group_link':
    case 'no_look_back':
    case 'not_previous_inbrenger':
    case 'group_member_refused':
    case 'name_taken':
    case 'cannot_remove_self':
    case 'invalid_member_link':
    case 'unknown_member':
    case 'not_reflection_author':
    case 'reflection_signed_off':
    case 'no_reflection':
      return { key: `api.${code}` }
    case 'meeting_full':
      return { key: 'api.meeting_full', values: { max: text(data.max) } }
    case 'not_current':
    case 'not_confirmed':
    case 'meeting_not_in_group':
    case 'too_many_member_keys':
    case 'invalid_member_key':
    case 'member_key_missing':
    case 'import_off':
    case 'import_code_wrong':
    case 'import_busy':
    case 'import_failed':
      return { key: `api.${code}` }
    case 'too_many_creations':
      return { key: 'api.too_many_creations', values: { retryAfter: text(data.retryAfter) } }
    case 'draft_quota':
    case 'body_too_large':
      return { key: `api.${code}`, values: { max: text(data.max) } }
    case 'invalid_name':
      return { key: 'api.invalid_name', values: { min: text(data.min), max: text(data.max) } }
    case 'unknown_template':
      return { key: 'api.unknown_template', values: { templateId: text(data.templateId) } }
    case 'invalid_body':
      if (data.max !== undefined && data.field === 'title')
        return { key: 'api.invalid_body.titleTooLong', values: { max: text(data.max) } }
      if (data.max !== undefined && data.issue === 'too_big')
        return { key: 'api.invalid_body.tooLong', values: { max: text(data.max) } }
      return { key: 'api.invalid_body', values: { field: text(data.field) } }
    case 'retention_out_of_range':
      return { key: 'api.retention_out_of_range', values: { min: text(data.min), max: text(data.max) } }
    case 'invalid_import':
      return { key: 'api.invalid_import', values: { field: text(data.field), problem: text(data.problem) } }
    case 'import_too_large':
      return { key: 'api.import_too_large', values: { max: text(data.max) } }
    case 'command_refused':
      return { key: REFUSED[data.command as MeetingCommand['type']] ?? 'api.command_refused' }
    case 'vote_refused':
      return { key: VOTE_REFUSED[text(data.reason)] ?? 'api.vote_refused' }
    case 'case_refused':
      return { key: CASE_REFUSED[text(data.reason)] ?? 'api.case_refused', values: { max: text(data.max) } }
    default:
      return { key: 'api.unknown', values: { code: `${code} (${error.status})` } }
  }
}

/** A failed call in both languages, for what keeps its reason (a returned note). */
export function apiErrorInBoth(error: unknown): { nl: string; en: string } {
  const { key, values } = describeApiError(error)
  const fill = (text: string) =>
    text.replace(/\{(\w+)\}/g, (_, name: string) => values?.[name] ?? `{${name}}`)
  return { nl: fill(apiErrorMessages.nl[key]), en: fill(apiErrorMessages.en[key]) }
}

/** A failed call in the chosen language: `setError(wordApiError(t, failure))`. */
export function wordApiError(t: Translate, error: unknown): string {
  const { key, values } = describeApiError(error)
  return t(key, values)
}
