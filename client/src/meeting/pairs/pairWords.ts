import type { Translate } from '../../i18n/useT'
import type { PairWords } from './pairLabels'

/** The words that name groups, in the chosen language; unknown people as "?" (left the meeting). */
export function pairWords(t: Translate, names: ReadonlyMap<string, string>): PairWords {
  return {
    label: (kind, n) => t(`pairs.label.${kind}`, { n: String(n) }),
    nameOf: (id) => names.get(id) ?? '?',
    earlier: t('pairs.earlier'),
    none: t('pairs.none'),
  }
}
