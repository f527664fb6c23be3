import { currentPhase, type MeetingProgress } from '../../../../shared/phaseMachine'
import type { RoleId } from '../../../../shared/schema'
import type { Template } from '../../../../shared/templateSchema'
import type { Language } from '../../i18n/language'
import { useT } from '../../i18n/useT'
import { instructionFor } from './phaseModel'

interface RoleLegendProps {
  template: Template
  progress: MeetingProgress
  language: Language
  roleName(role: RoleId): string
}

/**
 * "Wat doen de rollen?": each role of this method in a sentence, and during a phase what it does
 * now, so the group knows what to expect of each other. Folded away until someone opens it.
 */
export function RoleLegend({ template, progress, language, roleName }: RoleLegendProps) {
  const t = useT()
  const phase = progress.finished ? undefined : currentPhase(template, progress)
  return (
    <details className="role-legend">
      <summary className="role-legend__summary">{t('meeting.roles.title')}</summary>
      <dl className="role-legend__list">
        {template.roles.map((role) => {
          const now = phase ? instructionFor(phase, role)?.[language] : undefined
          return (
            <div key={role} className="role-legend__item">
              <dt className="role-legend__role">{roleName(role)}</dt>
              <dd className="role-legend__text">
                {t(`meeting.roleInfo.${role}`)}
                {now ? (
                  <span className="role-legend__now">
                    <strong>{t('meeting.roles.now')}</strong> {now}
                  </span>
                ) : null}
              </dd>
            </div>
          )
        })}
      </dl>
    </details>
  )
}
