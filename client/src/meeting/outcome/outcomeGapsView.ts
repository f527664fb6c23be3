import { type Editor, useValue } from 'tldraw'
import { adviceReached, type OutcomeGap, outcomeGaps } from '../../../../shared/outcome/outcomeGaps'
import type { Language } from '../../i18n/language'
import { readOutcome } from '../../report/readOutcome'
import type { MeetingState } from '../meetingState'

/**
 * What of the inbrenger's outcome is still empty (shared/outcome/outcomeGaps.ts), from
 * the advice phase on: the list asks the inbrenger for it, and finishing names it. Empty before
 * the advice, and in a method without advice.
 */
export function useOutcomeGaps(editor: Editor | null, meeting: MeetingState | null): OutcomeGap[] {
  const key = useValue('outcome gaps', () => {
    const view = meeting?.$view.get()
    if (!editor || !meeting || !view) return ''
    const { phaseIndex, finished } = view.progress
    if (phaseIndex < 0 || !adviceReached(meeting.template, phaseIndex, finished)) return ''
    return outcomeGaps(meeting.template, readOutcome(editor, meeting.template, view)).join(',')
  }, [editor, meeting])
  // A string, so that the board's every change does not hand out a new array.
  return key === '' ? [] : (key.split(',') as OutcomeGap[])
}

const WORDS: Record<Language, Record<OutcomeGap, string>> = {
  nl: { advice: 'het advies dat de inbrenger meeneemt', action: 'de actie van de inbrenger' },
  en: { advice: 'the advice the case presenter takes along', action: 'the case presenter’s action' },
}

/** The gaps in words, joined: "het advies dat de inbrenger meeneemt en de actie van de inbrenger". */
export function gapWords(language: Language, gaps: readonly OutcomeGap[]): string {
  const words = gaps.map((gap) => WORDS[language][gap])
  const and = language === 'nl' ? ' en ' : ' and '
  return words.length <= 1 ? (words[0] ?? '') : `${words.slice(0, -1).join(', ')}${and}${words.at(-1)}`
}
