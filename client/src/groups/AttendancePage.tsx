import '../styles/newMeeting.css'
import '../styles/groups.css'
import { type ReactNode, useEffect, useState } from 'react'
import type { AttendanceRow } from '../../../shared/groups/attendance'
import { ROLE_IDS, type RoleId } from '../../../shared/schema'
import { wordApiError } from '../api/apiErrors'
import { LanguageToggle } from '../i18n/LanguageToggle'
import type { MessageKey } from '../i18n/messages'
import { useLanguage, useT } from '../i18n/useT'
import { navigate } from '../router'
import { Brand } from '../ui/Brand'
import { LoadingView } from '../ui/LoadingView'
import { useDocumentTitle } from '../ui/useDocumentTitle'
import { groupPath } from './groupAccess'
import { groupApi } from './groupApi'
import { formatClock, formatDay } from './groupDates'
import { useGroup } from './useGroup'

/**
 * `/g/<id>/presentie`: the register of a group's meetings as a page to print and sign. The same
 * rows as the CSV (from the server, which leaves every word of the case out).
 */
export default function AttendancePage({ groupId }: { groupId: string }) {
  const t = useT()
  const { state, retry } = useGroup(groupId)
  const [register, setRegister] = useState<{ rows: AttendanceRow[]; timeZone: string } | null>(null)
  const [error, setError] = useState<unknown>(null)
  const secret = state.status === 'ready' ? state.secret : null
  useDocumentTitle(
    `${t('attendance.title')}${state.status === 'ready' ? ` ${state.group.name}` : ''} — ${t('app.name')}`,
  )
  useEffect(() => {
    if (!secret) return
    let live = true
    groupApi.attendance(groupId, secret).then(
      (answer) => live && setRegister({ rows: answer.rows as AttendanceRow[], timeZone: answer.timeZone }),
      (reason: unknown) => live && setError(reason),
    )
    return () => {
      live = false
    }
  }, [groupId, secret])

  let content: ReactNode
  if (state.status === 'noSecret') content = <p className="group-problem">{t('group.noSecret')}</p>
  else if (state.status === 'failed' || error)
    content = (
      <div className="group-problem" role="alert">
        <p>{wordApiError(t, state.status === 'failed' ? state.error : error)}</p>
        <button type="button" className="button" onClick={retry}>
          {t('newMeeting.retry')}
        </button>
      </div>
    )
  else if (state.status !== 'ready' || register === null)
    content = <LoadingView message={t('group.loading')} />
  else content = <Register name={state.group.name} rows={register.rows} timeZone={register.timeZone} />

  return (
    <div className="group-page attendance-root">
      <header className="new-meeting__header no-print">
        <Brand asLink />
        <div className="attendance-actions">
          <button type="button" className="button button--quiet" onClick={() => navigate(groupPath(groupId))}>
            {t('attendance.back')}
          </button>
          <button type="button" className="button button--primary" onClick={() => window.print()}>
            {t('attendance.print')}
          </button>
          <LanguageToggle />
        </div>
      </header>
      <main className="group-page__main attendance">{content}</main>
    </div>
  )
}

function Register({ name, rows, timeZone }: { name: string; rows: AttendanceRow[]; timeZone: string }) {
  const t = useT()
  const language = useLanguage()
  const role = (id: string) =>
    ROLE_IDS.includes(id as RoleId) ? t(`newMeeting.role.${id}` as MessageKey) : id
  const span = (from: number | null, to: number | null) =>
    from === null ? '' : `${formatClock(from, timeZone)}–${formatClock(to, timeZone)}`
  return (
    <>
      <div className="group-page__intro">
        <p className="group-page__kicker">{name}</p>
        <h1 className="group-page__title">{t('attendance.title')}</h1>
        <p className="attendance__lead">{t('attendance.lead')}</p>
        <p className="attendance__lead">{t('attendance.timeZone', { zone: timeZone })}</p>
      </div>
      {rows.length === 0 ? (
        <p>{t('attendance.empty')}</p>
      ) : (
        <table className="attendance-table">
          <thead>
            <tr>
              <th scope="col">{t('attendance.col.date')}</th>
              <th scope="col">{t('attendance.col.method')}</th>
              <th scope="col">{t('attendance.col.planned')}</th>
              <th scope="col">{t('attendance.col.actual')}</th>
              <th scope="col">{t('attendance.col.present')}</th>
            </tr>
          </thead>
          <tbody>
            {rows.map((row) => (
              <tr key={row.meetingId}>
                <td>{formatDay(row.date, language, timeZone)}</td>
                <td>{row.method[language]}</td>
                <td>{span(row.plannedStart, row.plannedEnd)}</td>
                <td>
                  {row.actualStart === null ? t('attendance.notHeld') : span(row.actualStart, row.actualEnd)}
                </td>
                <td>
                  {row.present.length === 0 ? (
                    t('attendance.nobody')
                  ) : (
                    <ul className="attendance-people">
                      {row.present.map((p) => (
                        // A guest came in by invite, not as a member: the register says so.
                        <li key={`${p.name}|${p.guest}|${p.role}|${p.minutes}`}>
                          {t(p.guest ? 'people.attendance.guest' : 'attendance.person', {
                            name: p.name,
                            role: role(p.role),
                            minutes: String(p.minutes),
                          })}
                        </li>
                      ))}
                    </ul>
                  )}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      <section className="attendance-sign" aria-label={t('attendance.sign.title')}>
        <h2 className="attendance-sign__title">{t('attendance.sign.title')}</h2>
        <div className="attendance-sign__lines">
          <div className="attendance-sign__line">{t('attendance.sign.name')}</div>
          <div className="attendance-sign__line">{t('attendance.sign.date')}</div>
          <div className="attendance-sign__line">{t('attendance.sign.signature')}</div>
        </div>
      </section>
    </>
  )
}
