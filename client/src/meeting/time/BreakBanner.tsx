import { useT } from '../../i18n/useT'

/**
 * "Pauze" across the phase bar while the facilitator holds a break: the board is read-only for
 * everyone (the server refuses every change; the locks here explain it) until the break is lifted.
 */
export function BreakBanner() {
  const t = useT()
  return (
    <p className="break-banner" role="status">
      <strong className="break-banner__title">{t('time.break.title')}</strong> {t('time.break.text')}
    </p>
  )
}
