import type { Language } from '../i18n/language'
import { formatClock, formatDay } from './groupDates'

/** A meeting as the group's pages list it (server: GroupService.seriesEntry). */
export interface SeriesMeeting {
  title: string
  date: number
  timed: boolean
  method: { nl: string; en: string }
}

/**
 * A meeting of the series by the name its facilitator gave it, with its day, its time when one was
 * planned or it started, and its method: two meetings on one day are told apart by name and hour.
 * A title that is only the method's name (the default) is not said twice.
 */
export function MeetingName({
  meeting,
  language,
  timeZone,
}: {
  meeting: SeriesMeeting
  language: Language
  timeZone: string
}) {
  const day = formatDay(meeting.date, language, timeZone)
  const when = meeting.timed ? `${day}, ${formatClock(meeting.date, timeZone)}` : day
  const method = meeting.method[language]
  const onlyMethod = meeting.title === meeting.method.nl || meeting.title === meeting.method.en
  return (
    <span className="meeting-name">
      <span className="meeting-name__title">{onlyMethod ? method : meeting.title}</span>
      <span className="meeting-name__when">{onlyMethod ? when : `${when} · ${method}`}</span>
    </span>
  )
}
