import { useState } from 'react'
import { useT } from '../i18n/useT'
import { ConfirmInPlace } from './ConfirmInPlace'
import { groupSecretFromHash, rememberGroup } from './groupAccess'
import { groupApi } from './groupApi'

/**
 * "Nieuwe groepslink maken": for a group link that went further than the facilitators. Asks
 * first, in place; the new secret replaces the old one in this browser and on the page.
 */
export function RenewGroupLink({
  groupId,
  name,
  secret,
  onRenewed,
}: {
  groupId: string
  name: string
  secret: string
  onRenewed(secret: string): void
}) {
  const t = useT()
  const [done, setDone] = useState(false)
  const renew = async () => {
    setDone(false)
    const { groupPath } = await groupApi.renewLink(groupId, secret)
    const fresh = groupSecretFromHash(groupPath.slice(groupPath.indexOf('#')))
    if (!fresh) throw new Error('the server sent a group link without its secret')
    rememberGroup({ id: groupId, name, secret: fresh })
    setDone(true)
    onRenewed(fresh)
  }
  return (
    <div className="group-renew">
      <ConfirmInPlace
        texts={{
          button: 'group.renew.button',
          confirm: 'group.renew.confirm',
          yes: 'group.renew.yes',
          no: 'group.renew.no',
        }}
        yesClass="button--primary"
        act={renew}
      />
      <p className="field__hint" role="status">
        {done ? t('group.renew.done') : ''}
      </p>
    </div>
  )
}
