import type { MouseEvent } from 'react'
import { LanguageToggle } from '../i18n/LanguageToggle'
import { useT } from '../i18n/useT'
import { boardPath, newRoomId } from '../roomId'
import { navigate } from '../router'
import { Brand } from '../ui/Brand'
import { useDocumentTitle } from '../ui/useDocumentTitle'
import { OpenLinkForm } from './OpenLinkForm'

/** What Intervisiebord is, in two lines; start a meeting or a board, or open one from a link. */
export function FrontPage() {
  const t = useT()
  useDocumentTitle(t('app.name'))

  return (
    <div className="front">
      <header className="front__header">
        <Brand />
        <LanguageToggle />
      </header>
      <main className="front__main">
        <section className="front__intro" aria-labelledby="front-title">
          <h1 id="front-title" className="front__title">
            {t('front.title')}
          </h1>
          <p className="front__lead">{t('front.lead1')}</p>
          <p className="front__lead">{t('front.lead2')}</p>
          {/* A meeting with a method is what a group comes for; the blank board comes second. */}
          <div className="field__row">
            <a className="button button--primary button--large" href="/nieuw" onClick={followInApp}>
              {t('newMeeting.front.cta')}
            </a>
            <button
              type="button"
              className="button button--large"
              onClick={() => navigate(boardPath(newRoomId()))}
            >
              {t('front.new')}
            </button>
          </div>
          <p className="field__hint">{t('newMeeting.front.hint')}</p>
        </section>

        <section className="card front__open" aria-labelledby="front-open-title">
          <h2 id="front-open-title" className="card__title">
            {t('front.open.heading')}
          </h2>
          <OpenLinkForm />
        </section>

        <p className="front__privacy">{t('front.privacy')}</p>
      </main>
    </div>
  )
}

/** A plain link that the app follows itself (a modified click still opens a new tab). */
function followInApp(event: MouseEvent<HTMLAnchorElement>): void {
  if (event.metaKey || event.ctrlKey || event.shiftKey || event.altKey || event.button !== 0) return
  event.preventDefault()
  navigate(event.currentTarget.pathname)
}
