import { defineMessages } from '../i18n/defineMessages'

/** Texts of the meeting board (phases, roles, locks). Dutch first; English must have the same keys. */
export const meetingMessages = defineMessages(
  {
    'meeting.loading': 'Bijeenkomst laden…',
  },
  {
    'meeting.loading': 'Loading meeting…',
  },
)
