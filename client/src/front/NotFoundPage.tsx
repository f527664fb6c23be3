import { LanguageToggle } from '../i18n/LanguageToggle'
import { useT } from '../i18n/useT'
import { Brand } from '../ui/Brand'
import { useDocumentTitle } from '../ui/useDocumentTitle'

/** A path we do not know; also used for board links with a malformed room id, and closed doors. */
export function NotFoundPage({ message, title }: { message?: string; title?: string }) {
  const t = useT()
  const heading = title ?? t('notFound.title')
  useDocumentTitle(`${heading} — ${t('app.name')}`)
  return (
    <div className="front">
      <header className="front__header">
        <Brand asLink />
        <LanguageToggle />
      </header>
      <main className="front__main">
        <section className="front__intro">
          <h1 className="front__title">{heading}</h1>
          {message ? <p className="front__lead">{message}</p> : null}
          <p>
            <a className="button button--primary" href="/">
              {t('board.toFront')}
            </a>
          </p>
        </section>
      </main>
    </div>
  )
}
