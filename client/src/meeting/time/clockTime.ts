/**
 * A server time (ms) as a wall-clock time on this screen ("14:35"): the server's clock corrected
 * by how far this browser's clock is off (`serverNow() - Date.now()`).
 */
export function clockTime(serverMs: number, offsetMs: number, language: string): string {
  return new Date(serverMs - offsetMs).toLocaleTimeString(language === 'nl' ? 'nl-NL' : 'en-GB', {
    hour: '2-digit',
    minute: '2-digit',
  })
}

/** Whole minutes of a shift, rounded towards zero so a few seconds over do not read as a minute. */
export function shiftMinutes(shiftMs: number): number {
  return Math.trunc(shiftMs / 60_000)
}
