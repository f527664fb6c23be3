import type { Template } from '../../../shared/templateSchema'
import type { MeetingStore } from '../storage/meetingStore'
import { invalidLink } from './meetingRefusals'
import { hashSecret } from './secrets'

/** What someone holding a valid link may know before joining: the join screen names these. */
export interface MeetingPreview {
  title: string
  method: { nl: string; en: string }
  /** The first facilitator's display name; null until a facilitator has joined. */
  facilitator: string | null
  /** Which link the secret belongs to. */
  link: 'invite' | 'facilitator'
}

/**
 * What the join screen shows someone holding a valid invite or facilitator secret. A wrong
 * secret gets the same refusal as a meeting that does not exist.
 */
export async function previewMeeting(
  store: MeetingStore,
  templates: ReadonlyMap<string, Template>,
  meetingId: string,
  secret: string,
): Promise<MeetingPreview> {
  const meeting = await store.meeting(meetingId)
  const hash = hashSecret(secret)
  const link =
    meeting?.inviteSecretHash === hash
      ? 'invite'
      : meeting?.facilitatorSecretHash === hash
        ? 'facilitator'
        : null
  const template = meeting ? templates.get(meeting.templateId) : undefined
  if (!meeting || !link) throw invalidLink()
  const facilitator = (await store.participants(meetingId)).find((p) => p.role === 'begeleider')
  return {
    title: meeting.title,
    method: template
      ? { nl: template.name.nl, en: template.name.en }
      : { nl: meeting.templateId, en: meeting.templateId },
    facilitator: facilitator?.name ?? null,
    link,
  }
}
