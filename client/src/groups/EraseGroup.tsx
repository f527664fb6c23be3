import { useT } from '../i18n/useT'
import { SaveFirst } from '../ui/SaveFirst'
import { ConfirmInPlace } from './ConfirmInPlace'
import { forgetGroup } from './groupAccess'
import { groupApi } from './groupApi'
import { downloadGroupExport, downloadRegisterCsv } from './groupDownloads'

/**
 * "Groep wissen": the group's name, members, series and register go for good; the meetings stay
 * (each facilitator erases their own). Asks first, in place, and offers the export and the
 * register before the yes.
 */
export function EraseGroup({
  groupId,
  name,
  secret,
  onErased,
}: {
  groupId: string
  name: string
  secret: string
  onErased(): void
}) {
  const t = useT()
  return (
    <section className="group-erase" aria-labelledby="group-erase-title">
      <h2 className="group-erase__title" id="group-erase-title">
        {t('group.erase.title')}
      </h2>
      <p className="field__hint">{t('group.erase.text')}</p>
      <ConfirmInPlace
        texts={{
          button: 'group.erase.button',
          confirm: 'group.erase.confirm',
          yes: 'group.erase.yes',
          no: 'group.erase.no',
        }}
        yesClass="button--danger"
        act={async () => {
          await groupApi.erase(groupId, secret)
          forgetGroup(groupId)
          onErased()
        }}
        saveFirst={
          <SaveFirst
            heading={t('group.erase.saveFirst')}
            options={[
              {
                id: 'export',
                label: t('group.erase.saveExport'),
                save: () => downloadGroupExport(groupId, name, secret),
              },
              {
                id: 'register',
                label: t('group.erase.saveRegister'),
                save: () => downloadRegisterCsv(groupId, name, secret),
              },
            ]}
          />
        }
      />
    </section>
  )
}
