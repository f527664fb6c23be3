import '../styles/newMeeting.css'
import { type ReactNode, useState } from 'react'
import type { Template } from '../../../shared/templateSchema'
import { groupLink, type KnownGroup } from '../groups/groupAccess'
import { shareGroupMeetingKeys } from '../groups/memberKeySharing'
import { LanguageToggle } from '../i18n/LanguageToggle'
import { useLanguage, useT } from '../i18n/useT'
import { makeMeetingKey, withKey } from '../meeting/drafts/meetingKey'
import { rememberInviteLink } from '../meeting/meetingAccess'
import { Brand } from '../ui/Brand'
import { LoadingView } from '../ui/LoadingView'
import { useDocumentTitle } from '../ui/useDocumentTitle'
import type { CreatedMeeting } from './createMeeting'
import { ImportMeetings } from './ImportMeetings'
import { type CreatedView, MeetingCreated } from './MeetingCreated'
import { MethodPicker } from './MethodPicker'
import { useTemplates } from './useTemplates'

/** `/nieuw`: choose a method from the library and create a meeting with it. */
export default function NewMeetingPage() {
  const t = useT()
  const language = useLanguage()
  useDocumentTitle(`${t('newMeeting.title')} — ${t('app.name')}`)
  const { state, retry } = useTemplates()
  const [created, setCreated] = useState<CreatedView | null>(null)
  const [importedShown, setImportedShown] = useState(false)

  const onCreated = (
    meeting: CreatedMeeting,
    title: string,
    template: Template,
    group: KnownGroup | null,
  ) => {
    const origin = window.location.origin
    // The meeting key is made here and travels only in the links' fragments (meeting/drafts/).
    const key = makeMeetingKey(meeting.meetingId)
    // Members who join through their personal link get the key wrapped for them (groups/).
    if (group)
      shareGroupMeetingKeys(group.id, group.secret, [meeting.meetingId]).catch(() => {
        // The group page wraps again on its next visit.
      })
    const facilitatorPath = withKey(meeting.facilitatorPath, key)
    const inviteUrl = `${origin}${withKey(meeting.invitePath, key)}`
    rememberInviteLink(meeting.meetingId, inviteUrl)
    setCreated({
      meetingId: meeting.meetingId,
      title,
      methodName: template.name[language],
      facilitatorPath,
      facilitatorUrl: `${origin}${facilitatorPath}`,
      inviteUrl,
      groupUrl: group ? groupLink(group.id, group.secret) : null,
    })
    window.scrollTo(0, 0)
  }

  // The picker fills the window on a large screen (see newMeeting.css); other views scroll.
  const appView = !created && !importedShown && state.status === 'ready' && state.templates.length > 0
  let content: ReactNode
  if (importedShown) {
    content = null
  } else if (created) {
    content = <MeetingCreated created={created} onAnother={() => setCreated(null)} />
  } else if (state.status === 'loading') {
    content = <LoadingView message={t('newMeeting.loading')} />
  } else if (state.status === 'failed') {
    content = (
      <div className="new-meeting__problem" role="alert">
        <p>{t('newMeeting.loadFailed')}</p>
        <button type="button" className="button" onClick={retry}>
          {t('newMeeting.retry')}
        </button>
      </div>
    )
  } else if (state.templates.length === 0) {
    content = <p className="new-meeting__problem">{t('newMeeting.libraryEmpty')}</p>
  } else {
    content = <MethodPicker templates={state.templates} onCreated={onCreated} />
  }

  return (
    <div className={appView ? 'new-meeting new-meeting--app' : 'new-meeting'}>
      <header className="new-meeting__header">
        <Brand asLink />
        <LanguageToggle />
      </header>
      <main className="new-meeting__main">
        {created || importedShown ? null : (
          <div className="new-meeting__intro">
            <h1 className="new-meeting__title">{t('newMeeting.title')}</h1>
            <p className="new-meeting__lead">{t('newMeeting.lead')}</p>
          </div>
        )}
        {created ? null : <ImportMeetings onImported={() => setImportedShown(true)} />}
        {content}
      </main>
    </div>
  )
}
