import '../../styles/sidePanels.css'
import { useCallback } from 'react'
import { atom, useValue } from 'tldraw'

/** The panels beside the canvas: the notes list and the participants. */
export type SidePanel = 'notes' | 'people'

/**
 * Below this screen width the canvas cannot spare both panels: one is open at a time, so a
 * 1280 px laptop keeps a canvas of 1280 - 17rem - 3rem (about 960 px).
 */
export const ONE_PANEL_BELOW = 1440
/** Below this width (a tablet upright) an open panel lies over the board (meeting.css) and both start folded. */
export const OVER_BOARD_BELOW = 900

/** The window's width, kept up to date: a tablet turned upright folds its panels unless chosen. */
const $width = atom('window width', typeof window === 'undefined' ? ONE_PANEL_BELOW : window.innerWidth)
if (typeof window !== 'undefined') window.addEventListener('resize', () => $width.set(window.innerWidth))

/** The panels as the person has set them; null until they fold or open one. */
const $chosen = atom<Record<SidePanel, boolean> | null>('side panels chosen', null)

/** Who looks, and whether the meeting has started (before it, the notes list is not there). */
export interface PanelViewer {
  facilitator: boolean
  started: boolean
}

/**
 * Where the panels start. On a wide screen both are open. On a laptop or landscape tablet one is:
 * the notes list once the meeting has started, before it the participants for the facilitator (who
 * hands out roles). On an upright tablet both are folded, except the facilitator's participants
 * before the start.
 */
export function startState(width: number, { facilitator, started }: PanelViewer): Record<SidePanel, boolean> {
  if (width >= ONE_PANEL_BELOW) return { notes: true, people: true }
  const people = facilitator && !started
  if (width < OVER_BOARD_BELOW) return { notes: false, people }
  return { notes: !people, people }
}

/**
 * One panel's folded state and its toggle. Opening a panel on a screen without room for both
 * folds the other, so the canvas never loses the width of two.
 */
export function useSidePanel(panel: SidePanel, viewer: PanelViewer): [boolean, () => void] {
  const { facilitator, started } = viewer
  const open = useValue(
    'side panel open',
    () => ($chosen.get() ?? startState($width.get(), { facilitator, started }))[panel],
    [panel, facilitator, started],
  )
  const toggle = useCallback(() => {
    const now = $chosen.get() ?? startState($width.get(), { facilitator, started })
    const opening = !now[panel]
    const next = { ...now, [panel]: opening }
    if (opening && $width.get() < ONE_PANEL_BELOW)
      for (const other of Object.keys(next) as SidePanel[]) if (other !== panel) next[other] = false
    $chosen.set(next)
  }, [panel, facilitator, started])
  return [!open, toggle]
}
