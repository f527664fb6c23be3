import '../../styles/keeping.css'
import { useCallback, useId } from 'react'
import type { MeetingExport } from '../../../../shared/exportFormat'
import { wordApiError } from '../../api/apiErrors'
import type { Language } from '../../i18n/language'
import { useT } from '../../i18n/useT'
import { downloadJson } from '../../report/download'
import { longDate, RetentionDaysForm } from '../../ui/retention/RetentionDaysForm'
import { type RetentionView, useRetentionDays } from '../../ui/retention/useRetentionDays'
import { useServerAction } from './useServerAction'

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
  const action = useServerAction<'save' | 'export'>()
  const load = useCallback(() => keeping.retention(), [keeping])
  const store = useCallback((days: number) => keeping.setDays(days), [keeping])
  const { view, loadError, days, type, saved, save } = useRetentionDays(load, store, action)
  const exportAll = async () => {
    await action.run('export', async () => {
      const file = await keeping.exportFile()
      downloadJson(`intervisiebord-${new Date().toISOString().slice(0, 10)}.json`, file)
    })
  }
  return (
    <section className="keeping" aria-labelledby={headingId}>
      <h3 className="people-panel__subtitle" id={headingId}>
        {t('keeping.title')}
      </h3>
      {view ? (
        <>
          <p className="keeping__until">{t('keeping.until', { date: longDate(view.keptUntil, language) })}</p>
          <p className="keeping__text">
            {t(view.followsGroup ? 'keeping.followsGroup' : 'keeping.explain', { days: String(view.days) })}
          </p>
          <RetentionDaysForm
            label={t('keeping.days', { max: String(view.maxDays) })}
            saveText={t('keeping.save')}
            savedText={t('keeping.saved')}
            maxDays={view.maxDays}
            currentDays={view.days}
            days={days}
            saved={saved}
            busy={action.pending !== null}
            onType={type}
            onSave={() => void save()}
            buttonClassName="button keeping__button"
          />
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
