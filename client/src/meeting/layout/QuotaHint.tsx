import type { QuotaLeft } from '../../../../shared/quota'
import { useT } from '../../i18n/useT'
import { quotaMessage } from './quotaCount'

interface QuotaHintProps {
  zoneId: string
  quota: QuotaLeft
  className: string
  /** Announce changes (once on the page: the one beside the add button). */
  live?: boolean
}

/** "nog 2 vragen" beside the add button and in the zone's header. */
export function QuotaHint({ zoneId, quota, className, live = false }: QuotaHintProps) {
  const t = useT()
  return (
    <span
      className={className}
      aria-live={live ? 'polite' : undefined}
      data-left={quota.left}
      title={t('layout.quota.title', { placed: String(quota.placed), quota: String(quota.quota) })}
    >
      {t(quotaMessage(zoneId, quota.left), { n: String(quota.left) })}
    </span>
  )
}
