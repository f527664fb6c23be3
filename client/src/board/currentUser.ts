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
  userTypeValidator,
} from 'tldraw'
import { $language, adoptEditorLocale } from '../i18n/languageSignal'
import { getIdentity, subscribeIdentity, updateIdentity } from '../user/identity'

/**
 * The person at this browser as tldraw sees them: user preferences (name, colour, locale and the
 * editor settings people change in tldraw's menus) and the `user` record used for presence and
 * attribution. Both follow our identity and language stores, and what tldraw changes is written
 * back to them, so there is one source of truth (localStorage, through those stores).
 */
const $identity = atom('identity', getIdentity())
subscribeIdentity(() => $identity.set(getIdentity()))

/** Stored editor preferences, only if tldraw accepts them (localStorage is not trusted). */
function validExtra(id: string, extra: Record<string, unknown>): Record<string, unknown> {
  try {
    userTypeValidator.validate({ ...extra, id })
    return extra
  } catch {
    return {}
  }
}

const $preferences = computed<TLUserPreferences>('user preferences', () => {
  const identity = $identity.get()
  return {
    ...validExtra(identity.id, identity.extra),
    id: identity.id,
    name: identity.name ?? '',
    color: identity.color,
    locale: $language.get(),
  }
})

function setPreferences(preferences: TLUserPreferences): void {
  const { id: _id, name, color, locale, ...extra } = preferences
  updateIdentity({
    name: name ?? null,
    color: color ?? getIdentity().color,
    extra: extra as Record<string, unknown>,
  })
  adoptEditorLocale(locale)
}

/** Passed to <Tldraw user={...}>. */
export const boardUser: TLCurrentUser = createTLCurrentUser({
  userPreferences: $preferences,
  setUserPreferences: setPreferences,
})

/** The `user` record of the person at this browser (presence and attribution). */
export const $currentUser: Signal<TLUser | null> = computed('current user', () => {
  const identity = $identity.get()
  return UserRecordType.create({
    id: createUserId(identity.id),
    name: identity.name ?? '',
    color: identity.color,
  })
})
