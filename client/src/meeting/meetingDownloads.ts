import type { Language } from '../i18n/language'
import { downloadJson, downloadText } from '../report/download'
import { reportFileName } from '../report/reportAccess'
import { meetingApi } from './meetingApi'

/**
 * The facilitator's files of a meeting, from the server's export (which derives the summary
 * report from the board as the report page does): the report as Markdown, or everything as JSON.
 */
export async function downloadMeetingReport(meetingId: string, token: string, language: Language) {
  const file = await meetingApi.exportFile(meetingId, token)
  const meeting = file.meetings[0]
  if (!meeting?.report) throw new Error('no report')
  downloadText(reportFileName(meeting.title, 'verslag'), meeting.report[language])
}

export async function downloadMeetingExport(meetingId: string, token: string) {
  const file = await meetingApi.exportFile(meetingId, token)
  downloadJson(`intervisiebord-${new Date().toISOString().slice(0, 10)}.json`, file)
}
