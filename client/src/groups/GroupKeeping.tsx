import '../styles/keeping.css'
import { useCallback, useId } from 'react'
import { wordApiError } from '../api/apiErrors'
import { useLanguage, useT } from '../i18n/useT'
import { useServerAction } from '../meeting/panels/useServerAction'
import { longDate, RetentionDaysForm } from '../ui/retention/RetentionDaysForm'
import { useRetentionDays } from '../ui/retention/useRetentionDays'
import { groupApi } from './groupApi'
import { downloadGroupExport } from './groupDownloads'

/**
 * The group page's card on keeping: until when the group is kept ("bewaard tot"), its days after
 * the last use (within the operator's maximum), and "Exporteren (JSON)": everything the group has
 * in one file, to keep or to import on another server.
 */
export function GroupKeeping({ groupId, name, secret }: { groupId: string; name: string; secret: string }) {
  const t = useT()
  const language = useLanguage()
  const headingId = useId()
  const action = useServerAction<'save' | 'export'>()
  const load = useCallback(() => groupApi.retention(groupId, secret), [groupId, secret])
  const store = useCallback(
    (days: number) => groupApi.setRetentionDays(groupId, secret, days),
    [groupId, secret],
  )
  const { view, loadError, days, type, saved, save } = useRetentionDays(load, store, action)
  const exportAll = () => action.run('export', () => downloadGroupExport(groupId, name, secret))
  return (
    <section className="card group-card group-keeping" aria-labelledby={headingId}>
      <h2 className="card__title" id={headingId}>
        {t('groupKeeping.title')}
      </h2>
      {view ? (
        <div>
          <p className="keeping__until">
            {t('groupKeeping.until', { date: longDate(view.keptUntil, language) })}
          </p>
          <p className="field__hint">{t('groupKeeping.explain', { days: String(view.days) })}</p>
          <RetentionDaysForm
            label={t('groupKeeping.days', { max: String(view.maxDays) })}
            saveText={t('groupKeeping.save')}
            savedText={t('groupKeeping.saved')}
            maxDays={view.maxDays}
            currentDays={view.days}
            days={days}
            saved={saved}
            busy={action.pending !== null}
            onType={type}
            onSave={() => void save()}
          />
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
