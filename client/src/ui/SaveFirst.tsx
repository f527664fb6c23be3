import '../styles/saveFirst.css'
import { useServerAction } from '../meeting/panels/useServerAction'

/** One thing to keep before erasing: its button's words and the download behind it. */
export interface SaveOption {
  id: string
  label: string
  save(): Promise<void>
}

/**
 * In an erase confirmation, before "yes": the files that can still be kept (the report, the
 * export, the register), each a download. Erasing is for good; keeping should be one click away
 * at the moment someone decides.
 */
export function SaveFirst({ heading, options }: { heading: string; options: readonly SaveOption[] }) {
  const action = useServerAction<string>()
  return (
    <fieldset className="save-first">
      <legend className="save-first__heading">{heading}</legend>
      <div className="save-first__buttons">
        {options.map((option) => (
          <button
            key={option.id}
            type="button"
            className="button"
            disabled={action.pending !== null}
            aria-busy={action.pending === option.id}
            onClick={() => void action.run(option.id, option.save)}
          >
            {option.label}
          </button>
        ))}
      </div>
      {action.error ? (
        <p className="field__error" role="alert">
          {action.error}
        </p>
      ) : null}
    </fieldset>
  )
}
