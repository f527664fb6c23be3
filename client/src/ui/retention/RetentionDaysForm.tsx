import { useId } from 'react'

/** The days field with its save button and "saved", the same for a meeting and a group. */
export function RetentionDaysForm({
  label,
  saveText,
  savedText,
  maxDays,
  currentDays,
  days,
  saved,
  busy,
  onType,
  onSave,
  buttonClassName = 'button',
}: {
  label: string
  saveText: string
  savedText: string
  maxDays: number
  currentDays: number
  days: string
  saved: boolean
  busy: boolean
  onType(value: string): void
  onSave(): void
  buttonClassName?: string
}) {
  const inputId = useId()
  return (
    <>
      <div className="keeping__days">
        <label htmlFor={inputId}>{label}</label>
        <input
          id={inputId}
          type="number"
          inputMode="numeric"
          min={1}
          max={maxDays}
          value={days}
          onChange={(e) => onType(e.target.value)}
        />
        <button
          type="button"
          className={buttonClassName}
          onClick={onSave}
          disabled={busy || days === String(currentDays)}
        >
          {saveText}
        </button>
      </div>
      {saved ? (
        <p className="keeping__saved" role="status">
          {savedText}
        </p>
      ) : null}
    </>
  )
}

/** A date as "31 januari 2027" / "31 January 2027". */
export function longDate(ms: number, language: 'nl' | 'en'): string {
  return new Date(ms).toLocaleDateString(language === 'nl' ? 'nl-NL' : 'en-GB', { dateStyle: 'long' })
}
