import type { MeetingCommand } from '../../../templates/src/phaseMachine'
import type { RoleId, Template } from '../../../templates/src/schema'
import type { MeetingView, ParticipantView } from '../../../templates/src/wire'

/** The meeting API (server/src/meetings/meetingRoutes.ts). Failures reject with the server's message. */
async function call<T>(
  path: string,
  init: { body?: unknown; token?: string; method?: string } = {},
): Promise<T> {
  const res = await fetch(`/api${path}`, {
    method: init.method ?? (init.body === undefined ? 'GET' : 'POST'),
    headers: {
      ...(init.body === undefined ? {} : { 'Content-Type': 'application/json' }),
      ...(init.token ? { Authorization: `Bearer ${init.token}` } : {}),
    },
    body: init.body === undefined ? undefined : JSON.stringify(init.body),
  })
  const data = (await res.json().catch(() => ({}))) as T & { error?: string; message?: string }
  if (!res.ok) throw new ApiError(res.status, data.error ?? 'error', data.message ?? res.statusText)
  return data
}

export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
  ) {
    super(message)
  }
}

export interface SessionAnswer {
  token: string
  participant: ParticipantView
  meetingId: string
}

export const meetingApi = {
  facilitate: (meetingId: string, secret: string, name: string) =>
    call<SessionAnswer>(`/meetings/${meetingId}/facilitate`, { body: { secret, name } }),
  join: (meetingId: string, secret: string, name: string) =>
    call<SessionAnswer>(`/meetings/${meetingId}/join`, { body: { secret, name } }),
  get: (meetingId: string, token: string) =>
    call<{ view: MeetingView; you: { id: string; role: RoleId; name: string } }>(`/meetings/${meetingId}`, {
      token,
    }),
  command: (meetingId: string, token: string, command: MeetingCommand) =>
    call<unknown>(`/meetings/${meetingId}/commands`, { body: command, token }),
  assignRole: (meetingId: string, token: string, participantId: string, role: RoleId) =>
    call<unknown>(`/meetings/${meetingId}/roles`, { body: { participantId, role }, token }),
  erase: (meetingId: string, token: string) =>
    call<unknown>(`/meetings/${meetingId}`, { method: 'DELETE', token }),
  template: (templateId: string) => call<{ template: Template }>(`/templates/${templateId}`),
  time: () => call<{ now: number }>('/time'),
}
