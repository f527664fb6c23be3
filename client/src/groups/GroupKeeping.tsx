import '../styles/keeping.css'
import { useEffect, useId, useState } from 'react'
import { wordApiError } from '../api/apiErrors'
import { useLanguage, useT } from '../i18n/useT'
import { downloadJson } from '../meeting/panels/KeepingSection'
import { useServerAction } from '../meeting/panels/useServerAction'
import { groupApi } from './groupApi'

type RetentionView = Awaited<ReturnType<typeof groupApi.retention>>

/**
 * The group page's card on keeping: until when the group is kept ("bewaard tot"), its days after
 * the last use (within the operator's maximum), and "Exporteren (JSON)": everything the group has
 * in one file, to keep or to import on another server.
 */
export function GroupKeeping({ groupId, name, secret }: { groupId: string; name: string; secret: string }) {
  const t = useT()
  const language = useLanguage()
  const headingId = useId()
  const inputId = useId()
  const [view, setView] = useState<RetentionView | null>(null)
  const [loadError, setLoadError] = useState<unknown>(null)
  const [days, setDays] = useState('')
  const [saved, setSaved] = useState(false)
  const action = useServerAction<'save' | 'export'>()

  useEffect(() => {
    let live = true
    groupApi.retention(groupId, secret).then(
      (loaded) => {
        if (!live) return
        setView(loaded)
        setDays(String(loaded.days))
      },
      (error: unknown) => live && setLoadError(error),
    )
    return () => {
      live = false
    }
  }, [groupId, secret])

  const save = () =>
    action.run('save', async () => {
      setSaved(false)
      const next = await groupApi.setRetentionDays(groupId, secret, Number(days))
      setView(next)
      setDays(String(next.days))
      setSaved(true)
    })
  const exportAll = () =>
    action.run('export', async () => {
      const file = await groupApi.exportFile(groupId, secret)
      const slug = name.replace(/[^\p{L}\p{N}]+/gu, '-').replace(/^-|-$/g, '') || 'groep'
      downloadJson(`intervisiebord-${slug}-${new Date().toISOString().slice(0, 10)}.json`, file)
    })
  const date = (ms: number) =>
    new Date(ms).toLocaleDateString(language === 'nl' ? 'nl-NL' : 'en-GB', { dateStyle: 'long' })

  return (
    <section className="card group-card group-keeping" aria-labelledby={headingId}>
      <h2 className="card__title" id={headingId}>
        {t('groupKeeping.title')}
      </h2>
      {view ? (
        <div>
          <p className="keeping__until">{t('groupKeeping.until', { date: date(view.keptUntil) })}</p>
          <p className="field__hint">{t('groupKeeping.explain', { days: String(view.days) })}</p>
          <div className="keeping__days">
            <label htmlFor={inputId}>{t('groupKeeping.days', { max: String(view.maxDays) })}</label>
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
              className="button"
              onClick={save}
              disabled={action.pending !== null || days === String(view.days)}
            >
              {t('groupKeeping.save')}
            </button>
          </div>
          {saved ? (
            <p className="keeping__saved" role="status">
              {t('groupKeeping.saved')}
            </p>
          ) : null}
        </div>
      ) : (
        <p className="keeping__text">{loadError ? wordApiError(t, loadError) : t('groupKeeping.loading')}</p>
      )}
      <div>
        <button
          type="button"
          className="button"
          onClick={exportAll}
          disabled={action.pending !== null}
          aria-busy={action.pending === 'export'}
        >
          {t('groupKeeping.export')}
        </button>
        <p className="field__hint">{t('groupKeeping.exportExplain')}</p>
      </div>
      {action.error ? (
        <p className="field__error" role="alert">
          {action.error}
        </p>
      ) : null}
    </section>
  )
}
