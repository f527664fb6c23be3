import type { MouseEvent } from 'react'
import { useT } from '../i18n/useT'
import { navigate } from '../router'

/** The product mark and name; a link to the start page where that makes sense. */
export function Brand({ asLink = false }: { asLink?: boolean }) {
  const t = useT()
  const content = (
    <>
      <svg
        className="brand__mark"
        viewBox="0 0 32 32"
        width="28"
        height="28"
        aria-hidden="true"
        focusable="false"
      >
        <rect x="1" y="1" width="30" height="30" rx="7" fill="currentColor" />
        <rect x="7" y="8" width="8" height="7" rx="1.5" fill="#fff" />
        <rect x="17" y="8" width="8" height="7" rx="1.5" fill="#fff" opacity="0.75" />
        <rect x="7" y="17" width="8" height="7" rx="1.5" fill="#fff" opacity="0.75" />
        <rect x="17" y="17" width="8" height="7" rx="1.5" fill="#fff" />
      </svg>
      <span className="brand__name">{t('app.name')}</span>
    </>
  )
  if (!asLink) return <span className="brand">{content}</span>
  const onClick = (event: MouseEvent<HTMLAnchorElement>) => {
    if (event.metaKey || event.ctrlKey || event.shiftKey || event.button !== 0) return
    event.preventDefault()
    navigate('/')
  }
  return (
    <a className="brand brand--link" href="/" onClick={onClick} aria-label={t('app.homeLink')}>
      {content}
    </a>
  )
}
