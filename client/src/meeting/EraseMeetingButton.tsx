import { useLanguage, useT } from '../i18n/useT'
import { EraseButton } from '../ui/EraseButton'
import { SaveFirst } from '../ui/SaveFirst'
import { forgetMeetingHere } from './forgetMeetingHere'
import { meetingApi } from './meetingApi'
import { downloadMeetingExport, downloadMeetingReport } from './meetingDownloads'

const TEXTS = {
  button: 'meeting.erase.button',
  short: 'meeting.erase.short',
  confirm: 'meeting.erase.confirm',
  yes: 'meeting.erase.yes',
  no: 'meeting.erase.no',
} as const

/**
 * For the facilitator: erase the meeting for good once it is over (board, notes, names, links).
 * What is said in the group stays in the group, and after the meeting it need not stay anywhere.
 * The confirmation first offers the report and the export, the last chance to keep them.
 */
export function EraseMeetingButton({ meetingId, token }: { meetingId: string; token: string }) {
  const t = useT()
  const language = useLanguage()
  return (
    <EraseButton
      texts={TEXTS}
      erase={() => meetingApi.erase(meetingId, token)}
      onErased={() => {
        forgetMeetingHere(meetingId)
        window.location.assign('/')
      }}
      saveFirst={
        <SaveFirst
          heading={t('meeting.erase.saveFirst')}
          options={[
            {
              id: 'report',
              label: t('meeting.erase.saveReport'),
              save: () => downloadMeetingReport(meetingId, token, language),
            },
            {
              id: 'export',
              label: t('meeting.erase.saveExport'),
              save: () => downloadMeetingExport(meetingId, token),
            },
          ]}
        />
      }
    />
  )
}
