import type { RoleId } from '../../../shared/schema'
import type { Template } from '../../../shared/templateSchema'
import type { Language } from '../i18n/language'
import type { Translate } from '../i18n/useT'

/** A role as this method names it ("gespreksleider"), or its general name ("begeleider"). */
export function roleName(template: Template, role: RoleId, language: Language, t: Translate): string {
  return template.roleLabels[role]?.[language] ?? t(`newMeeting.role.${role}`)
}

/** The method's roles in its own order, named as the method names them. */
export function roleNames(template: Template, language: Language, t: Translate): string[] {
  return template.roles.map((role) => roleName(template, role, language, t))
}
