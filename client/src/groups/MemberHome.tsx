import '../styles/groups.css'
import '../styles/people.css'
import { useEffect, useState } from 'react'
import { wordApiError } from '../api/apiErrors'
import { useLanguage, useT } from '../i18n/useT'
import { forgetLinkSecret, saveSession } from '../meeting/meetingAccess'
import { meetingApi } from '../meeting/meetingApi'
import { useServerAction } from '../meeting/panels/useServerAction'
import { navigate } from '../router'
import { LoadingView } from '../ui/LoadingView'
import { groupApi } from './groupApi'
import { MeetingName } from './MeetingName'
import { forgetMember, rememberMember } from './memberAccess'
import { fetchMemberMeetingKey } from './memberKeySharing'

type Home = Awaited<ReturnType<typeof groupApi.memberHome>>

/**
 * What a member's personal link opens: who they are in which group, and the group's meetings that
 * have not finished, each with "Meedoen". Joining goes with the personal credential alone: the
 * server makes them that member in the meeting, under their own name.
 */
export function MemberHome({ groupId, credential }: { groupId: string; credential: string }) {
  const t = useT()
  const language = useLanguage()
  const [home, setHome] = useState<{ ready: Home } | { failed: unknown } | null>(null)
  const action = useServerAction<string>()
  // Per meeting: whether this browser holds its key (unwrapped from this member's wrap, or from a link).
  const [keys, setKeys] = useState<Record<string, boolean>>({})
  useEffect(() => {
    let live = true
    groupApi.memberHome(groupId, credential).then(
      (ready) => {
        if (!live) return
        rememberMember(groupId, { credential, name: ready.member.name })
        forgetLinkSecret()
        setHome({ ready })
        for (const m of ready.meetings.filter((meeting) => !meeting.finished))
          fetchMemberMeetingKey(groupId, m.meetingId, credential).then((held) => {
            if (live) setKeys((now) => ({ ...now, [m.meetingId]: held }))
          })
      },
      (failed: unknown) => {
        if (!live) return
        forgetMember(groupId)
        setHome({ failed })
      },
    )
    return () => {
      live = false
    }
  }, [groupId, credential])

  if (home === null) return <LoadingView message={t('people.member.loading')} />
  if ('failed' in home)
    return (
      <p className="group-problem" role="alert">
        {wordApiError(t, home.failed)}
      </p>
    )
  const { group, member, meetings } = home.ready
  const open = meetings.filter((m) => !m.finished)
  const join = (meetingId: string) =>
    action.run(meetingId, async () => {
      // The key before the board: drafts are sealed and revealed notes read from the start.
      await fetchMemberMeetingKey(groupId, meetingId, credential)
      const session = await meetingApi.joinAsMember(meetingId, credential)
      saveSession(meetingId, { token: session.token, participantId: session.participant.id })
      navigate(`/m/${meetingId}`)
    })
  return (
    <>
      <div className="group-page__intro">
        <p className="group-page__kicker">{t('people.member.kicker')}</p>
        <h1 className="group-page__title">
          {t('people.member.hello', { name: member.name, group: group.name })}
        </h1>
        <p>{t('people.member.lead')}</p>
      </div>
      <section className="card group-card" aria-labelledby="member-meetings">
        <h2 className="card__title" id="member-meetings">
          {t('people.member.meetings')}
        </h2>
        {open.length === 0 ? (
          <p>{t('people.member.none')}</p>
        ) : (
          <ul className="member-home__meetings">
            {open.map((m) => (
              <li key={m.meetingId} className="member-home__meeting">
                <span>
                  <MeetingName meeting={m} language={language} timeZone={group.timeZone} />
                  {keys[m.meetingId] === false ? (
                    <span className="member-home__no-key">{t('people.member.noKey')}</span>
                  ) : null}
                </span>
                <button
                  type="button"
                  className="button button--primary"
                  disabled={action.pending !== null}
                  onClick={() => join(m.meetingId)}
                >
                  {action.pending === m.meetingId ? t('people.member.joining') : t('people.member.join')}
                </button>
              </li>
            ))}
          </ul>
        )}
        {action.error ? (
          <p className="field__error" role="alert">
            {action.error}
          </p>
        ) : null}
      </section>
    </>
  )
}
