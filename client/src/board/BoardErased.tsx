import { LanguageToggle } from '../i18n/LanguageToggle'
import { useT } from '../i18n/useT'
import { Brand } from '../ui/Brand'
import { useDocumentTitle } from '../ui/useDocumentTitle'

/**
 * What is left of a free board once it was erased, by someone with its link (close 4411, or this
 * browser's own erase) or at the end of the retention period (4412): only the explanation.
 */
export function BoardErased({ expired }: { expired: boolean }) {
  const t = useT()
  useDocumentTitle(`${t('boardErased.title')} — ${t('app.name')}`)
  return (
    <div className="front">
      <header className="front__header">
        <Brand asLink />
        <LanguageToggle />
      </header>
      <main className="front__main">
        <section className="front__intro">
          <h1 className="front__title">{t('boardErased.title')}</h1>
          <p className="front__lead" role="alert">
            {expired ? t('boardErased.expired') : t('boardErased.body')}
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
