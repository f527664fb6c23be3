import { useState } from 'react'
import { DefaultStylePanel, type TLUiStylePanelProps } from 'tldraw'
import { useT } from '../../i18n/useT'

/**
 * tldraw's style panel, folded until asked for: open it stays over the top-right of the canvas,
 * over the notes people are reading. On a phone tldraw shows it in its own pop-up already.
 */
export function FoldedStylePanel(props: TLUiStylePanelProps) {
  const t = useT()
  const [open, setOpen] = useState(false)
  if (props.isMobile) return <DefaultStylePanel {...props} />
  return (
    <div className="folded-style">
      <button
        type="button"
        className="canvas-actions__button folded-style__toggle"
        aria-expanded={open}
        title={open ? undefined : t('layout.style.showTitle')}
        onClick={() => setOpen((value) => !value)}
      >
        {open ? t('layout.style.hide') : t('layout.style.show')}
      </button>
      {open ? <DefaultStylePanel {...props} /> : null}
    </div>
  )
}
