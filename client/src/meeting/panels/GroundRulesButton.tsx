import { useEffect, useId, useRef, useState } from 'react'
import { useT } from '../../i18n/useT'
import type { MeetingUiProps } from '../meetingUi'
import { GroundRulesContent } from './GroundRulesContent'

export type GroundRulesButtonProps = Pick<MeetingUiProps, 'template' | 'language'>

/** "Spelregels": reopens the ground rules in a dialog, for anyone, at any moment of the meeting. */
export function GroundRulesButton({ template, language }: GroundRulesButtonProps) {
  const t = useT()
  const [open, setOpen] = useState(false)
  const buttonRef = useRef<HTMLButtonElement>(null)

  const close = () => {
    setOpen(false)
    buttonRef.current?.focus()
  }

  return (
    <>
      <button
        ref={buttonRef}
        type="button"
        className="button button--quiet ground-rules-button"
        title={t('meeting.rules.openHint')}
        aria-haspopup="dialog"
        onClick={() => setOpen(true)}
      >
        <svg viewBox="0 0 24 24" width="16" height="16" aria-hidden="true" focusable="false">
          <path
            d="M6 3h9l3 3v15H6zM9 10h6M9 14h6M9 18h4"
            fill="none"
            stroke="currentColor"
            strokeWidth="2"
            strokeLinecap="round"
            strokeLinejoin="round"
          />
        </svg>
        <span>{t('meeting.rules.open')}</span>
      </button>
      {open ? <GroundRulesDialog template={template} language={language} onClose={close} /> : null}
    </>
  )
}

function GroundRulesDialog({ template, language, onClose }: GroundRulesButtonProps & { onClose(): void }) {
  const t = useT()
  const dialogRef = useRef<HTMLDialogElement>(null)
  const titleId = useId()

  useEffect(() => {
    const dialog = dialogRef.current
    if (dialog && !dialog.open) dialog.showModal()
    return () => dialog?.close()
  }, [])

  return (
    <dialog
      ref={dialogRef}
      className="dialog rules-dialog"
      aria-labelledby={titleId}
      onCancel={(event) => {
        event.preventDefault()
        onClose()
      }}
    >
      <header className="rules-dialog__header">
        <div>
          <h2 className="dialog__title" id={titleId}>
            {t('meeting.rules.title')}
          </h2>
          <p className="rules-card__method">{t('meeting.rules.method', { name: template.name[language] })}</p>
        </div>
        <button type="button" className="rules-dialog__close" onClick={onClose}>
          <svg viewBox="0 0 24 24" width="18" height="18" aria-hidden="true" focusable="false">
            <path
              d="M6 6l12 12M18 6 6 18"
              fill="none"
              stroke="currentColor"
              strokeWidth="2"
              strokeLinecap="round"
            />
          </svg>
          <span className="visually-hidden">{t('meeting.rules.close')}</span>
        </button>
      </header>
      <div className="rules-dialog__body">
        <GroundRulesContent template={template} language={language} />
      </div>
      <div className="rules-dialog__footer">
        <button type="button" className="button button--primary" onClick={onClose}>
          {t('meeting.rules.close')}
        </button>
      </div>
    </dialog>
  )
}
