import { useT } from '../i18n/useT'
import { boardPath } from '../roomId'
import { useCopy } from '../ui/useCopy'

/** "Link kopiëren": the board's URL is what people share. */
export function CopyLinkButton({ roomId }: { roomId: string }) {
  const t = useT()
  const { result, copy: copyUrl } = useCopy()
  const copy = () => copyUrl(`${window.location.origin}${boardPath(roomId)}`)

  return (
    <div className="copy-link">
      <button type="button" className="button button--quiet" onClick={copy}>
        <svg viewBox="0 0 24 24" width="16" height="16" aria-hidden="true" focusable="false">
          <path
            d="M10 14a4 4 0 0 0 5.66 0l3-3a4 4 0 0 0-5.66-5.66l-1 1M14 10a4 4 0 0 0-5.66 0l-3 3a4 4 0 0 0 5.66 5.66l1-1"
            fill="none"
            stroke="currentColor"
            strokeWidth="2"
            strokeLinecap="round"
          />
        </svg>
        <span>{result === 'copied' ? t('board.linkCopied') : t('board.copyLink')}</span>
      </button>
      <span className="copy-link__feedback" role="status" aria-live="polite">
        {result === 'failed' ? t('board.copyFailed') : ''}
      </span>
    </div>
  )
}
