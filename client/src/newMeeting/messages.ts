import { defineMessages } from '../i18n/defineMessages'

/** Texts of the new-meeting screen (method picker). Dutch first; English must have the same keys. */
export const newMeetingMessages = defineMessages(
  {
    'newMeeting.title': 'Nieuwe bijeenkomst',
  },
  {
    'newMeeting.title': 'New meeting',
  },
)
