import { type FormEvent, type MouseEvent, useId, useState } from 'react'
import { LanguageToggle } from '../i18n/LanguageToggle'
import type { MessageKey } from '../i18n/messages'
import { useT } from '../i18n/useT'
import { boardPath, newRoomId, parseBoardInput } from '../roomId'
import { navigate } from '../router'
import { Brand } from '../ui/Brand'
import { useDocumentTitle } from '../ui/useDocumentTitle'

/** What Intervisiebord is, in two lines; start a new board or open one from a link. */
export function FrontPage() {
  const t = useT()
  useDocumentTitle(t('app.name'))
  const [input, setInput] = useState('')
  const [error, setError] = useState<MessageKey | null>(null)
  const inputId = useId()
  const hintId = useId()
  const errorId = useId()

  const openBoard = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault()
    if (!input.trim()) {
      setError('front.open.empty')
      return
    }
    const roomId = parseBoardInput(input)
    if (!roomId) {
      setError('front.open.invalid')
      return
    }
    navigate(boardPath(roomId))
  }

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
          <div className="field__row">
            <button
              type="button"
              className="button button--primary button--large"
              onClick={() => navigate(boardPath(newRoomId()))}
            >
              {t('front.new')}
            </button>
            <a className="button button--large" href="/nieuw" onClick={followInApp}>
              {t('newMeeting.front.cta')}
            </a>
          </div>
          <p className="field__hint">{t('newMeeting.front.hint')}</p>
        </section>

        <section className="card front__open" aria-labelledby="front-open-title">
          <h2 id="front-open-title" className="card__title">
            {t('front.open.heading')}
          </h2>
          <form onSubmit={openBoard} noValidate>
            <label className="field__label" htmlFor={inputId}>
              {t('front.open.label')}
            </label>
            <p className="field__hint" id={hintId}>
              {t('front.open.hint')}
            </p>
            <div className="field__row">
              <input
                id={inputId}
                className="field__input"
                type="text"
                inputMode="url"
                autoComplete="off"
                spellCheck={false}
                value={input}
                onChange={(event) => {
                  setInput(event.target.value)
                  setError(null)
                }}
                aria-describedby={error ? `${hintId} ${errorId}` : hintId}
                aria-invalid={error ? true : undefined}
              />
              <button type="submit" className="button">
                {t('front.open.submit')}
              </button>
            </div>
            {error ? (
              <p className="field__error" id={errorId} role="alert">
                {t(error)}
              </p>
            ) : null}
          </form>
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
