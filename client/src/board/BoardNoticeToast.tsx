import type { BoardNotice } from '../collab/boardSession'
import { useLanguage, useT } from '../i18n/useT'

/** A message about the board itself, such as an undone change; stays until dismissed. */
export function BoardNoticeToast({ notice, onDismiss }: { notice: BoardNotice; onDismiss(): void }) {
  const t = useT()
  const language = useLanguage()
  let text: string
  switch (notice.kind) {
    case 'refused':
      text = notice.refusal[language] || t('notice.badUpdate')
      break
    case 'tooBig':
      text = t('notice.tooBig')
      break
    case 'badUpdate':
      text = t('notice.badUpdate')
      break
    case 'erased':
      text = t('notice.erased')
      break
  }
  return (
    <div className="notice" role="alert">
      <p className="notice__text">{text}</p>
      <button type="button" className="notice__close" onClick={onDismiss} aria-label={t('notice.dismiss')}>
        <svg viewBox="0 0 24 24" width="16" height="16" aria-hidden="true" focusable="false">
          <path d="M6 6l12 12M18 6L6 18" stroke="currentColor" strokeWidth="2" strokeLinecap="round" />
        </svg>
      </button>
    </div>
  )
}
