import { DefaultCursor, type TLCursorProps, useEditor, useValue } from 'tldraw'

/**
 * Someone else's pointer on the board. Over a note it shows without its name tag: the tag is as
 * large as a line of the note's text and would cover it. The pointer keeps its colour, and the
 * name comes back as soon as it leaves the note.
 */
export function QuietCursor(props: TLCursorProps) {
  const editor = useEditor()
  const x = props.point?.x
  const y = props.point?.y
  const overNote = useValue(
    'pointer over a note',
    () =>
      x !== undefined &&
      y !== undefined &&
      editor.getShapeAtPoint({ x, y }, { hitInside: true, filter: (shape) => shape.type === 'note' }) !==
        undefined,
    [editor, x, y],
  )
  return <DefaultCursor {...props} name={overNote ? null : props.name} />
}
