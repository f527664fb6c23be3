import { LanguageToggle } from '../i18n/LanguageToggle'
import { useT } from '../i18n/useT'
import { Brand } from './Brand'
import { useDocumentTitle } from './useDocumentTitle'

/**
 * What is left of something erased (a meeting, a free board): a title, why it went, and the way
 * back to the front page. The reason is an alert: a screen reader hears why the board went away.
 */
export function GonePage({ title, reason }: { title: string; reason: string }) {
  const t = useT()
  useDocumentTitle(`${title} — ${t('app.name')}`)
  return (
    <div className="front">
      <header className="front__header">
        <Brand asLink />
        <LanguageToggle />
      </header>
      <main className="front__main">
        <section className="front__intro">
          <h1 className="front__title">{title}</h1>
          <p className="front__lead" role="alert">
            {reason}
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
