import {
  atom,
  computed,
  createTLCurrentUser,
  createUserId,
  type Signal,
  type TLCurrentUser,
  type TLUser,
  type TLUserPreferences,
  UserRecordType,
} from 'tldraw'
import type { ParticipantView } from '../../../shared/wire'
import { $language, adoptEditorLocale } from '../i18n/languageSignal'

/**
 * The person at this browser as tldraw sees them in a meeting: id, name and colour are the
 * server's (the server also stamps them on presence), only the editor's own settings and the
 * language are this browser's.
 */
export function createMeetingUser(participant: Pick<ParticipantView, 'id' | 'name' | 'color'>): {
  user: TLCurrentUser
  $user: Signal<TLUser | null>
} {
  const $extra = atom<Record<string, unknown>>('editor settings', {})

  const $preferences = computed<TLUserPreferences>('meeting user preferences', () => ({
    ...$extra.get(),
    id: participant.id,
    name: participant.name,
    color: participant.color,
    locale: $language.get(),
  }))
  const user = createTLCurrentUser({
    userPreferences: $preferences,
    setUserPreferences: (preferences) => {
      const { id: _id, name: _name, color: _color, locale, ...extra } = preferences
      $extra.set(extra as Record<string, unknown>)
      adoptEditorLocale(locale)
    },
  })
  const $user = computed<TLUser | null>('meeting user record', () =>
    UserRecordType.create({
      id: createUserId(participant.id),
      name: participant.name,
      color: participant.color,
    }),
  )
  return { user, $user }
}
