import { useEffect, useReducer } from 'react'
import { msToNextTick } from './timerFormat'

/**
 * The server's time, for a display that re-renders just after each whole second counted from
 * `anchor` while `running` (a paused or finished timer does not change, so it does not tick).
 * The display therefore turns over on the same second on every screen. The clock is read during
 * render, so a change of phase or a resume shows the right time in its very first frame.
 */
export function useServerClock(serverNow: () => number, anchor: number, running: boolean): number {
  const [, rerender] = useReducer((n: number) => n + 1, 0)

  useEffect(() => {
    if (!running) return
    let timer: ReturnType<typeof setTimeout>
    const tick = () => {
      rerender()
      timer = setTimeout(tick, msToNextTick(serverNow(), anchor))
    }
    timer = setTimeout(tick, msToNextTick(serverNow(), anchor))
    return () => clearTimeout(timer)
  }, [serverNow, anchor, running])

  return serverNow()
}
