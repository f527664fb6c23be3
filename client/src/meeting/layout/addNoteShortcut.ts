import type { Editor } from 'tldraw'

/**
 * Shift+N adds a note without a pointer. tldraw uses N (the note tool), Ctrl/Cmd+Enter (style
 * panel) and no Shift+N. Ignored while typing anywhere (a field, a note being edited) and while a
 * menu is open. Returns the stop function.
 */
export function addNoteShortcut(editor: Editor, add: () => void): () => void {
  const onKeyDown = (event: KeyboardEvent) => {
    if (event.key.toLowerCase() !== 'n' || !event.shiftKey) return
    if (event.ctrlKey || event.metaKey || event.altKey || event.repeat || event.isComposing) return
    if (typing(event.target) || editor.getEditingShapeId() !== null || editor.menus.hasAnyOpenMenus()) return
    event.preventDefault()
    add()
  }
  const doc = editor.getContainer().ownerDocument
  doc.addEventListener('keydown', onKeyDown)
  return () => doc.removeEventListener('keydown', onKeyDown)
}

function typing(target: EventTarget | null): boolean {
  if (!(target instanceof HTMLElement)) return false
  if (target.isContentEditable) return true
  const tag = target.tagName
  return (
    tag === 'TEXTAREA' ||
    tag === 'SELECT' ||
    (tag === 'INPUT' && !INPUT_BUTTONS.has((target as HTMLInputElement).type))
  )
}

const INPUT_BUTTONS = new Set(['button', 'checkbox', 'radio', 'submit', 'reset', 'range', 'color', 'file'])
