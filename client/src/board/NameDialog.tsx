import { type FormEvent, useEffect, useId, useRef, useState } from 'react'
import { useT } from '../i18n/useT'
import { cleanName, getIdentity, MAX_NAME_LENGTH, updateIdentity } from '../user/identity'
import { PALETTE } from '../user/palette'

interface NameDialogProps {
  /** First visit: there is no name yet, so the dialog cannot be dismissed without one. */
  required: boolean
  onDone(): void
}

/** "Hoe heet je?": name and cursor colour, asked once and kept in localStorage. */
export function NameDialog({ required, onDone }: NameDialogProps) {
  const t = useT()
  const dialogRef = useRef<HTMLDialogElement>(null)
  const inputRef = useRef<HTMLInputElement>(null)
  const [name, setName] = useState(() => getIdentity().name ?? '')
  const [color, setColor] = useState(() => getIdentity().color)
  const [showError, setShowError] = useState(false)
  const titleId = useId()
  const explainId = useId()
  const inputId = useId()
  const errorId = useId()

  useEffect(() => {
    const dialog = dialogRef.current
    if (dialog && !dialog.open) dialog.showModal()
    inputRef.current?.focus()
    return () => dialog?.close()
  }, [])

  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault()
    const cleaned = cleanName(name)
    if (!cleaned) {
      setShowError(true)
      inputRef.current?.focus()
      return
    }
    updateIdentity({ name: cleaned, color })
    onDone()
  }

  return (
    <dialog
      ref={dialogRef}
      className="dialog"
      aria-labelledby={titleId}
      aria-describedby={explainId}
      onCancel={(event) => {
        // Escape: allowed when changing a name, not before there is one.
        event.preventDefault()
        if (!required) onDone()
      }}
    >
      <form className="dialog__form" onSubmit={submit} noValidate>
        <h2 className="dialog__title" id={titleId}>
          {t('name.title')}
        </h2>
        <p className="dialog__text" id={explainId}>
          {t('name.explain')}
        </p>

        <label className="field__label" htmlFor={inputId}>
          {t('name.label')}
        </label>
        <input
          ref={inputRef}
          id={inputId}
          className="field__input"
          type="text"
          autoComplete="given-name"
          maxLength={MAX_NAME_LENGTH}
          value={name}
          onChange={(event) => {
            setName(event.target.value)
            setShowError(false)
          }}
          aria-invalid={showError ? true : undefined}
          aria-describedby={showError ? errorId : undefined}
        />
        {showError ? (
          <p className="field__error" id={errorId} role="alert">
            {t('name.required')}
          </p>
        ) : null}

        <fieldset className="swatches">
          <legend className="field__label">{t('name.colour')}</legend>
          <div className="swatches__list">
            {PALETTE.map((option) => (
              <label key={option.color} className="swatch" title={t(option.label)}>
                <input
                  className="swatch__input"
                  type="radio"
                  name="colour"
                  value={option.color}
                  checked={color === option.color}
                  onChange={() => setColor(option.color)}
                />
                <span className="swatch__dot" style={{ backgroundColor: option.color }} aria-hidden="true" />
                <span className="visually-hidden">{t(option.label)}</span>
              </label>
            ))}
          </div>
        </fieldset>

        <div className="dialog__actions">
          {required ? null : (
            <button type="button" className="button" onClick={onDone}>
              {t('name.cancel')}
            </button>
          )}
          <button type="submit" className="button button--primary">
            {required ? t('name.join') : t('name.save')}
          </button>
        </div>
      </form>
    </dialog>
  )
}
