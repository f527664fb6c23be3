import './pairs.css'
import type { GroupSplit } from '../../../../shared/groupWork'
import type { ParticipantView } from '../../../../shared/wire'
import { useT } from '../../i18n/useT'
import { memberNames } from './pairLabels'

interface PairsStripProps {
  split: GroupSplit
  participants: readonly ParticipantView[]
  myId: string
}

/** Who works with whom, as everyone sees it above the board while the pairs work; mine marked. */
export function PairsStrip({ split, participants, myId }: PairsStripProps) {
  const t = useT()
  const nameOf = (id: string) => participants.find((p) => p.id === id)?.name ?? '?'
  return (
    <section className="pairs-strip" aria-label={t(`pairs.title.${split.kind}`)}>
      <strong>{t(`pairs.title.${split.kind}`)}:</strong>
      <ol className="pairs-strip__groups">
        {split.groups.map((group, i) => {
          const mine = group.members.includes(myId)
          return (
            <li
              key={group.id}
              className={mine ? 'pairs-strip__group pairs-strip__group--mine' : 'pairs-strip__group'}
              data-group={group.id}
            >
              <span className="pairs-strip__label">
                {t(`pairs.label.${split.kind}`, { n: String(i + 1) })}
              </span>{' '}
              {memberNames(group.members, nameOf)}
              {mine ? <span className="pairs-strip__mine"> ({t('pairs.yours')})</span> : null}
            </li>
          )
        })}
      </ol>
    </section>
  )
}
