import { useEffect } from 'react'
import { useT } from '../i18n/useT'
import { GonePage } from '../ui/GonePage'
import { dropSession } from './meetingAccess'

/**
 * What someone the facilitator removed sees (close 4403): no board, only what happened. The
 * session this browser kept goes (the server revoked it); their own drafts stay theirs.
 */
export function MeetingRemoved({ meetingId }: { meetingId: string }) {
  const t = useT()
  useEffect(() => dropSession(meetingId), [meetingId])
  return <GonePage title={t('people.removed.title')} reason={t('people.removed.body')} />
}
