import type { Template } from '../../../shared/templateSchema'
import type { Translate } from '../i18n/useT'
import { differingStatedTotal, formatMinutes, repeatFacts, totalMinutes } from './methodFacts'

/**
 * How long a method takes, as the picker says it: "60 min", "100 min (bron: 75 min)" where the
 * source states another total, and "…, waarvan 15 min per onderwerp" for a repeated block.
 */
export function durationText(template: Template, t: Translate): string {
  const minutes = formatMinutes(totalMinutes(template))
  const stated = differingStatedTotal(template)
  let text =
    stated === null
      ? t('newMeeting.minutes', { minutes })
      : t('newMeeting.minutesStated', { minutes, stated: formatMinutes(stated) })
  const repeat = repeatFacts(template)
  if (repeat) {
    text += `, ${t('newMeeting.repeatMinutes', {
      minutes: formatMinutes(repeat.minutes),
      per: t(`newMeeting.per.${repeat.block.per}`),
    })}`
  }
  return text
}

/** "5 stappen". */
export function stepsText(template: Template, t: Translate): string {
  const count = template.phases.length
  return count === 1 ? t('newMeeting.steps.one') : t('newMeeting.steps.many', { count: String(count) })
}

/** "4 tot 12 personen, ideaal 8". */
export function groupSizeText(template: Template, t: Translate): string {
  const { min, max, ideal } = template.groupSize
  return ideal === undefined
    ? t('newMeeting.groupSize', { min: String(min), max: String(max) })
    : t('newMeeting.groupSizeIdeal', { min: String(min), max: String(max), ideal: String(ideal) })
}
