import { useEffect } from 'react'
import { useT } from '../i18n/useT'
import { GonePage } from '../ui/GonePage'
import { forgetMeetingHere } from './forgetMeetingHere'

/**
 * What everyone sees once the meeting was erased (close 4410 by its facilitator, 4412 at the end of
 * its retention period): no board, no names, only the explanation. What this browser kept of the
 * meeting goes too.
 */
export function MeetingErased({ meetingId, expired = false }: { meetingId: string; expired?: boolean }) {
  const t = useT()
  useEffect(() => forgetMeetingHere(meetingId), [meetingId])
  return <GonePage title={t('erased.title')} reason={expired ? t('erased.expired') : t('erased.body')} />
}
