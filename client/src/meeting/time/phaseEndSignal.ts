import type { TimerView } from '../../../../shared/phaseMachine'

/**
 * Whether the phase's time ran out between two readings of the same phase's timer: the signal
 * goes once, at the moment the countdown reaches zero, not when someone opens the board on a phase
 * that is already over time, and not after "+5 min" takes it back under.
 */
export function phaseTimeRanOut(before: TimerView | null, after: TimerView | null): boolean {
  if (!before || !after || after.paused) return false
  return before.remainingMs > 0 && after.remainingMs === 0
}

const SOUND_KEY = 'intervisiebord.phaseEndSound'

/** The person's own choice of a sound at the end of a phase; off unless they turned it on. */
export function loadSoundChoice(): boolean {
  try {
    return localStorage.getItem(SOUND_KEY) === 'on'
  } catch {
    return false
  }
}

export function saveSoundChoice(on: boolean): void {
  try {
    localStorage.setItem(SOUND_KEY, on ? 'on' : 'off')
  } catch {
    // Storage may be unavailable (private mode); the choice then lasts this page only.
  }
}

/** A short soft tone (WebAudio, no file to load); silent where audio is not allowed yet. */
export function playSoftTone(): void {
  try {
    const context = new AudioContext()
    const oscillator = context.createOscillator()
    const gain = context.createGain()
    oscillator.frequency.value = 660
    gain.gain.setValueAtTime(0.0001, context.currentTime)
    gain.gain.exponentialRampToValueAtTime(0.15, context.currentTime + 0.05)
    gain.gain.exponentialRampToValueAtTime(0.0001, context.currentTime + 0.8)
    oscillator.connect(gain).connect(context.destination)
    oscillator.start()
    oscillator.stop(context.currentTime + 0.85)
    oscillator.onended = () => void context.close()
  } catch {
    // No audio here: the visual signal is enough.
  }
}
