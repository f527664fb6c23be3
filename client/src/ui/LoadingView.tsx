interface LoadingViewProps {
  message: string
  /** A second line, for when loading takes long. */
  detail?: string | null
  /** Centre in the whole window rather than in the parent. */
  fullPage?: boolean
}

/** A calm, centred "loading" message with a spinner. */
export function LoadingView({ message, detail, fullPage = false }: LoadingViewProps) {
  return (
    <div className={fullPage ? 'loading-view loading-view--page' : 'loading-view'} role="status">
      <div className="loading-view__spinner" aria-hidden="true" />
      <p className="loading-view__message">{message}</p>
      {detail ? <p className="loading-view__detail">{detail}</p> : null}
    </div>
  )
}
