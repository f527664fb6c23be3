import { type ReactNode, useId } from 'react'
import { useT } from '../i18n/useT'
import { useCopy } from '../ui/useCopy'

interface LinkBoxProps {
  title: string
  explanation: ReactNode
  url: string
  /** A stable hook for tests and styles: "facilitator" or "invite". */
  kind: string
}

/** A link to hand on: what it is for, the full URL (selectable) and a copy button with feedback. */
export function LinkBox({ title, explanation, url, kind }: LinkBoxProps) {
  const t = useT()
  const inputId = useId()
  const textId = useId()
  const { result, copy: copyUrl } = useCopy()
  const copy = () => copyUrl(url)

  return (
    <section className={`link-box link-box--${kind}`} aria-labelledby={`${inputId}-title`}>
      <h2 className="link-box__title" id={`${inputId}-title`}>
        <label htmlFor={inputId}>{title}</label>
      </h2>
      <p className="link-box__text" id={textId}>
        {explanation}
      </p>
      <div className="link-box__row">
        <input
          id={inputId}
          className="field__input link-box__url"
          type="text"
          readOnly
          value={url}
          spellCheck={false}
          aria-describedby={textId}
          data-link={kind}
          onFocus={(event) => event.currentTarget.select()}
        />
        <button type="button" className="button link-box__copy" onClick={copy}>
          {result === 'copied' ? t('newMeeting.created.copied') : t('newMeeting.created.copy')}
          <span className="visually-hidden">: {title}</span>
        </button>
      </div>
      <p className="link-box__feedback" role="status">
        {result === 'failed' ? t('newMeeting.created.copyFailed') : null}
        {result === 'copied' ? (
          <span className="visually-hidden">{t('newMeeting.created.copied')}</span>
        ) : null}
      </p>
    </section>
  )
}
