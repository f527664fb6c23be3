/** What `POST /api/meetings` answers: the meeting and its two links (paths with a secret fragment). */
export interface CreatedMeeting {
  meetingId: string
  /** `/m/<id>#begeleider=<secret>`: makes whoever opens it the facilitator. */
  facilitatorPath: string
  /** `/m/<id>#uitnodiging=<secret>`: for the group. */
  invitePath: string
}

/** A refusal with the server's own words (`{ error, message }`), or none when the server was unreachable. */
export class CreateMeetingError extends Error {
  constructor(readonly serverMessage: string | null) {
    super(serverMessage ?? 'The server could not be reached')
  }
}

/** Creates a meeting with a method; rejects with a CreateMeetingError. */
export async function createMeeting(templateId: string, title: string): Promise<CreatedMeeting> {
  let response: Response
  try {
    response = await fetch('/api/meetings', {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', Accept: 'application/json' },
      body: JSON.stringify({ templateId, title }),
    })
  } catch {
    throw new CreateMeetingError(null)
  }
  const body = (await response.json().catch(() => null)) as Record<string, unknown> | null
  if (!response.ok) {
    const message = typeof body?.message === 'string' ? body.message : `HTTP ${response.status}`
    throw new CreateMeetingError(message)
  }
  if (
    typeof body?.meetingId !== 'string' ||
    typeof body.facilitatorPath !== 'string' ||
    typeof body.invitePath !== 'string' ||
    !body.facilitatorPath.startsWith('/') ||
    !body.invitePath.startsWith('/')
  ) {
    throw new CreateMeetingError(`HTTP ${response.status}: unexpected answer`)
  }
  return { meetingId: body.meetingId, facilitatorPath: body.facilitatorPath, invitePath: body.invitePath }
}
