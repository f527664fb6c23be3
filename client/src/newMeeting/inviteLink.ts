/**
 * The invite link of a meeting this browser created. The meeting page reads it back to show the
 * facilitator what to share; nobody else's browser has it.
 */
export function inviteStorageKey(meetingId: string): string {
  return `intervisiebord.invite.${meetingId}`
}

export function rememberInviteLink(meetingId: string, url: string): void {
  try {
    localStorage.setItem(inviteStorageKey(meetingId), url)
  } catch {
    // Private mode or storage full: the link is still on screen to copy.
  }
}
