import { expect, it } from 'vitest'
import { CLOSE_CODE_RECOVERY, CloseCode } from '../../templates/src/closeCodes'

// y-websocket 3's default: no reconnect for 4400-4499, reconnect after anything else.
const stockReconnects = (code: number) => !(code >= 4400 && code < 4500)

it('says for every close code whether a stock client reconnects, and why not when it does not', () => {
  for (const code of Object.values(CloseCode)) {
    const recovery = CLOSE_CODE_RECOVERY[code]
    expect(recovery, `close code ${code} has no recovery decision`).toBeDefined()
    if (stockReconnects(code)) expect(recovery, `close code ${code}`).toBe('reconnects')
    else
      expect(typeof recovery === 'object' && recovery.permanent.length > 10, `close code ${code}`).toBe(true)
  }
})
