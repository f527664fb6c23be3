import { useCallback } from 'react'
import type { RoleId } from '../../../../shared/schema'
import type { Template } from '../../../../shared/templateSchema'
import type { Language } from '../../i18n/language'
import { useT } from '../../i18n/useT'
import { methodRoleLabel } from './phaseModel'

/** A role as this method names it ("gespreksleider"), else its general name ("begeleider"). */
export function useRoleName(template: Template, language: Language): (role: RoleId) => string {
  const t = useT()
  return useCallback(
    (role: RoleId) => methodRoleLabel(template, role)?.[language] ?? t(`meeting.role.${role}`),
    [template, language, t],
  )
}
