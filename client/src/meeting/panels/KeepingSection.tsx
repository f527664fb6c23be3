import '../../styles/keeping.css'
import { useEffect, useId, useState } from 'react'
import type { MeetingExport } from '../../../../templates/src/exportFormat'
import { wordApiError } from '../../api/apiErrors'
import type { Language } from '../../i18n/language'
import { useT } from '../../i18n/useT'
import { useServerAction } from './useServerAction'

/** How long the meeting is kept, as the server says it (server/src/lifecycle/meetingRetention.ts). */
export interface RetentionView {
  days: number
  maxDays: number
  keptUntil: number
  /** A meeting of a group without days of its own: kept as long as its group. */
  followsGroup?: boolean
}

/** The facilitator's access to the meeting's keeping: its retention and its export. */
export interface MeetingKeeping {
  retention(): Promise<RetentionView>
  setDays(days: number): Promise<RetentionView>
  exportFile(): Promise<MeetingExport>
}

/**
 * For the facilitator, in the participants panel: until when the meeting is kept ("bewaard tot"),
 * the number of days after the last activity (within the operator's maximum), and the export of
 * everything as one JSON file. Small on purpose: most meetings keep the default.
 */
export function KeepingSection({ keeping, language }: { keeping: MeetingKeeping; language: Language }) {
  const t = useT()
  const headingId = useId()
  const inputId = useId()
  const [view, setView] = useState<RetentionView | null>(null)
  const [loadError, setLoadError] = useState<unknown>(null)
  const [days, setDays] = useState('')
  const [saved, setSaved] = useState(false)
  const action = useServerAction<'save' | 'export'>()

  useEffect(() => {
    let live = true
    keeping.retention().then(
      (loaded) => {
        if (!live) return
        setView(loaded)
        setDays(String(loaded.days))
      },
      (error) => live && setLoadError(error),
    )
    return () => {
      live = false
    }
  }, [keeping])

  const save = async () => {
    setSaved(false)
    await action.run('save', async () => {
      const next = await keeping.setDays(Number(days))
      setView(next)
      setDays(String(next.days))
      setSaved(true)
    })
  }
  const exportAll = async () => {
    await action.run('export', async () => {
      const file = await keeping.exportFile()
      downloadJson(`intervisiebord-${new Date().toISOString().slice(0, 10)}.json`, file)
    })
  }
  const date = (ms: number) =>
    new Date(ms).toLocaleDateString(language === 'nl' ? 'nl-NL' : 'en-GB', { dateStyle: 'long' })

  return (
    <section className="keeping" aria-labelledby={headingId}>
      <h3 className="people-panel__subtitle" id={headingId}>
        {t('keeping.title')}
      </h3>
      {view ? (
        <>
          <p className="keeping__until">{t('keeping.until', { date: date(view.keptUntil) })}</p>
          <p className="keeping__text">
            {t(view.followsGroup ? 'keeping.followsGroup' : 'keeping.explain', { days: String(view.days) })}
          </p>
          <div className="keeping__days">
            <label htmlFor={inputId}>{t('keeping.days', { max: String(view.maxDays) })}</label>
            <input
              id={inputId}
              type="number"
              inputMode="numeric"
              min={1}
              max={view.maxDays}
              value={days}
              onChange={(e) => {
                setDays(e.target.value)
                setSaved(false)
              }}
            />
            <button
              type="button"
              className="button keeping__button"
              onClick={save}
              disabled={action.pending !== null || days === String(view.days)}
            >
              {t('keeping.save')}
            </button>
          </div>
          {saved ? (
            <p className="keeping__saved" role="status">
              {t('keeping.saved')}
            </p>
          ) : null}
        </>
      ) : (
        <p className="keeping__text">{loadError ? wordApiError(t, loadError) : t('keeping.loading')}</p>
      )}
      <button
        type="button"
        className="button keeping__button"
        onClick={exportAll}
        disabled={action.pending !== null}
        aria-busy={action.pending === 'export'}
      >
        {t('keeping.export')}
      </button>
      <p className="keeping__text">{t('keeping.exportExplain')}</p>
      {action.error ? (
        <p className="field__error" role="alert">
          {action.error}
        </p>
      ) : null}
    </section>
  )
}

/** Offers a JSON value as a file download. */
export function downloadJson(fileName: string, value: unknown): void {
  const url = URL.createObjectURL(new Blob([JSON.stringify(value, null, 2)], { type: 'application/json' }))
  const link = document.createElement('a')
  link.href = url
  link.download = fileName
  document.body.append(link)
  link.click()
  link.remove()
  setTimeout(() => URL.revokeObjectURL(url), 10_000)
}
