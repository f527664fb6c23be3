import { useT } from '../i18n/useT'
import { GonePage } from '../ui/GonePage'

/**
 * What is left of a free board once it was erased, by someone with its link (close 4411, or this
 * browser's own erase) or at the end of the retention period (4412): only the explanation.
 */
export function BoardErased({ expired }: { expired: boolean }) {
  const t = useT()
  return (
    <GonePage
      title={t('boardErased.title')}
      reason={expired ? t('boardErased.expired') : t('boardErased.body')}
    />
  )
}
