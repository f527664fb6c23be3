import { EraseButton } from '../ui/EraseButton'
import { boardApi } from './boardApi'

const TEXTS = {
  button: 'board.erase.button',
  short: 'board.erase.short',
  confirm: 'board.erase.confirm',
  yes: 'board.erase.yes',
  no: 'board.erase.no',
} as const

/**
 * Erase a free board for good, after a confirmation. Whoever has the link may: it is the only key
 * a free board has. The others with it open see that it was erased (close 4411).
 */
export function EraseBoardButton({ roomId, onErased }: { roomId: string; onErased(): void }) {
  return <EraseButton texts={TEXTS} erase={() => boardApi.erase(roomId)} onErased={onErased} />
}
