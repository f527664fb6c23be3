import '../styles/newMeeting.css'
import '../styles/groups.css'
import type { ReactNode } from 'react'
import { useEffect, useState } from 'react'
import { wordApiError } from '../api/apiErrors'
import { LanguageToggle } from '../i18n/LanguageToggle'
import { useLanguage, useT } from '../i18n/useT'
import { LinkBox } from '../newMeeting/LinkBox'
import { navigate } from '../router'
import { Brand } from '../ui/Brand'
import { LoadingView } from '../ui/LoadingView'
import { useDocumentTitle } from '../ui/useDocumentTitle'
import { EraseGroup } from './EraseGroup'
import { GroupKeeping } from './GroupKeeping'
import { groupLink, groupPath, knownGroup } from './groupAccess'
import { downloadRegisterCsv } from './groupDownloads'
import { MeetingName } from './MeetingName'
import { MemberHome } from './MemberHome'
import { MemberLinks } from './MemberLinks'
import { knownMember, memberCredentialFromHash } from './memberAccess'
import { shareMeetingKeys } from './memberKeySharing'
import { RenewGroupLink } from './RenewGroupLink'
import { type GroupView, useGroup } from './useGroup'

/**
 * `/g/<id>#groep=…`: a group's series, whose turn it is next, its register and the next meeting.
 * `/g/<id>#lid=…` (a member's personal link, or a member's browser coming back): their own page.
 */
export default function GroupPage({ groupId }: { groupId: string }) {
  const [member] = useState(
    () =>
      memberCredentialFromHash() ?? (knownGroup(groupId) ? null : (knownMember(groupId)?.credential ?? null)),
  )
  if (member) return <MemberPage groupId={groupId} credential={member} />
  return <GroupLinkPage groupId={groupId} />
}

function MemberPage({ groupId, credential }: { groupId: string; credential: string }) {
  const t = useT()
  useDocumentTitle(`${t('people.member.kicker')} — ${t('app.name')}`)
  return (
    <div className="group-page">
      <header className="new-meeting__header">
        <Brand asLink />
        <LanguageToggle />
      </header>
      <main className="group-page__main">
        <MemberHome groupId={groupId} credential={credential} />
      </main>
    </div>
  )
}

function GroupLinkPage({ groupId }: { groupId: string }) {
  const t = useT()
  const { state, retry, renewed } = useGroup(groupId)
  const [erased, setErased] = useState(false)
  useDocumentTitle(`${state.status === 'ready' ? state.group.name : t('group.kicker')} — ${t('app.name')}`)
  let content: ReactNode
  if (state.status === 'loading') content = <LoadingView message={t('group.loading')} />
  else if (state.status === 'noSecret') content = <p className="group-problem">{t('group.noSecret')}</p>
  else if (state.status === 'failed')
    content = (
      <div className="group-problem" role="alert">
        <p>{wordApiError(t, state.error)}</p>
        <button type="button" className="button" onClick={retry}>
          {t('newMeeting.retry')}
        </button>
      </div>
    )
  else if (erased)
    content = (
      <p className="group-problem" role="status">
        {t('group.erased')}
      </p>
    )
  else
    content = (
      <GroupOverview
        group={state.group}
        secret={state.secret}
        onErased={() => setErased(true)}
        onRenewed={renewed}
      />
    )
  return (
    <div className="group-page">
      <header className="new-meeting__header">
        <Brand asLink />
        <LanguageToggle />
      </header>
      <main className="group-page__main">{content}</main>
    </div>
  )
}

function GroupOverview({
  group,
  secret,
  onErased,
  onRenewed,
}: {
  group: GroupView
  secret: string
  onErased(): void
  onRenewed(secret: string): void
}) {
  const t = useT()
  const language = useLanguage()
  const [csvError, setCsvError] = useState(false)
  // This browser may hold keys of the group's meetings: wrap them for every member, so members
  // who join through their personal link (a renewed one too) can read and seal private notes.
  useEffect(() => {
    shareMeetingKeys(group.id, secret, group).catch(() => {
      // Tried again on the next visit; members can still open the invitation link once.
    })
  }, [group, secret])
  const download = () => {
    setCsvError(false)
    downloadRegisterCsv(group.id, group.name, secret).catch(() => setCsvError(true))
  }
  const { inbrenger, begeleider } = group.next
  return (
    <>
      <div className="group-page__intro">
        <p className="group-page__kicker">{t('group.kicker')}</p>
        <h1 className="group-page__title">{group.name}</h1>
      </div>
      <div className="group-page__grid">
        <section className="card group-card" aria-labelledby="group-next">
          <h2 className="card__title" id="group-next">
            {t('group.next.title')}
          </h2>
          {inbrenger || begeleider ? (
            <ul className="group-next">
              {inbrenger ? <li>{t('group.next.inbrenger', { name: inbrenger })}</li> : null}
              {begeleider ? <li>{t('group.next.begeleider', { name: begeleider })}</li> : null}
            </ul>
          ) : (
            <p>{t('group.noMembers')}</p>
          )}
          <p className="field__hint">{t('group.next.hint')}</p>
          <button
            type="button"
            className="button button--primary group-card__action"
            onClick={() => navigate(`/nieuw?groep=${group.id}`)}
          >
            {t('group.newMeeting')}
          </button>
        </section>
        <section className="card group-card" aria-labelledby="group-meetings">
          <h2 className="card__title" id="group-meetings">
            {t('group.meetings')}
          </h2>
          {group.meetings.length === 0 ? (
            <p>{t('group.noMeetings')}</p>
          ) : (
            <ol className="group-meetings">
              {group.meetings.map((m) => (
                <li key={m.meetingId}>
                  <MeetingName meeting={m} language={language} timeZone={group.timeZone} />
                  <span className="group-meetings__state">
                    {t(
                      m.finished
                        ? 'group.state.finished'
                        : m.started
                          ? 'group.state.started'
                          : 'group.state.planned',
                    )}
                  </span>
                </li>
              ))}
            </ol>
          )}
          <div className="group-card__actions">
            <button
              type="button"
              className="button"
              onClick={() => navigate(`${groupPath(group.id)}/presentie`)}
            >
              {t('group.attendance.print')}
            </button>
            <button type="button" className="button button--quiet" onClick={download}>
              {t('group.attendance.csv')}
            </button>
          </div>
          {csvError ? (
            <p className="field__error" role="alert">
              {t('group.attendance.csvFailed')}
            </p>
          ) : null}
        </section>
        <section className="card group-card group-card--members" aria-labelledby="group-members">
          <h2 className="card__title" id="group-members">
            {t('group.members')}
          </h2>
          {group.members.length === 0 ? (
            <p>{t('group.noMembers')}</p>
          ) : (
            <MemberLinks groupId={group.id} secret={secret} members={group.members} />
          )}
        </section>
        <GroupKeeping groupId={group.id} name={group.name} secret={secret} />
      </div>
      <LinkBox
        kind="group"
        title={t('group.link.title')}
        explanation={t('group.link.text')}
        url={groupLink(group.id, secret)}
      />
      <RenewGroupLink groupId={group.id} name={group.name} secret={secret} onRenewed={onRenewed} />
      <EraseGroup groupId={group.id} name={group.name} secret={secret} onErased={onErased} />
    </>
  )
}
