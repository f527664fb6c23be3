import { useEffect } from 'react'
import { LanguageToggle } from '../i18n/LanguageToggle'
import { useT } from '../i18n/useT'
import { forgetReflection } from '../report/reflectionStore'
import { Brand } from '../ui/Brand'
import { useDocumentTitle } from '../ui/useDocumentTitle'
import { forgetDrafts } from './drafts/drafts'
import { forgetMeeting } from './meetingAccess'
import { forgetReturned } from './returned/returnedStore'

/**
 * What everyone sees once the meeting was erased (close 4410 by its facilitator, 4412 at the end of
 * its retention period): no board, no names, only the explanation. What this browser kept of the meeting (session, drafts, returned notes)
 * goes too: after the meeting it need not stay anywhere.
 */
export function MeetingErased({ meetingId, expired = false }: { meetingId: string; expired?: boolean }) {
  const t = useT()
  useDocumentTitle(`${t('erased.title')} — ${t('app.name')}`)
  useEffect(() => {
    forgetMeeting(meetingId)
    forgetDrafts(meetingId)
    forgetReturned(meetingId)
    forgetReflection(meetingId)
  }, [meetingId])
  return (
    <div className="front">
      <header className="front__header">
        <Brand asLink />
        <LanguageToggle />
      </header>
      <main className="front__main">
        <section className="front__intro">
          <h1 className="front__title">{t('erased.title')}</h1>
          {/* An alert, as the toast was: a screen reader hears why the board went away. */}
          <p className="front__lead" role="alert">
            {expired ? t('erased.expired') : t('erased.body')}
          </p>
          <p>
            <a className="button button--primary" href="/">
              {t('erased.toFront')}
            </a>
          </p>
        </section>
      </main>
    </div>
  )
}
