import { useCallback, useEffect, useState } from 'react'
import { Template } from '../../../shared/templateSchema'
import { answer, api } from '../api/apiClient'

export type TemplatesState =
  | { status: 'loading' }
  | { status: 'failed' }
  | { status: 'ready'; templates: Template[] }

/**
 * The method library from `GET /api/templates`. The server has validated it already; we parse
 * it again (data from elsewhere is never trusted) and leave out a template that does not parse,
 * so one broken file of an organisation does not hide the whole library.
 */
export function useTemplates(): { state: TemplatesState; retry: () => void } {
  const [state, setState] = useState<TemplatesState>({ status: 'loading' })
  const [attempt, setAttempt] = useState(0)

  useEffect(() => {
    // `attempt` is read so that "try again" runs this effect anew.
    void attempt
    const controller = new AbortController()
    setState({ status: 'loading' })
    fetchTemplates(controller.signal).then(
      (templates) => setState({ status: 'ready', templates }),
      (error: unknown) => {
        if (!controller.signal.aborted) {
          console.warn('Could not load the method library', error)
          setState({ status: 'failed' })
        }
      },
    )
    return () => controller.abort()
  }, [attempt])

  const retry = useCallback(() => setAttempt((n) => n + 1), [])
  return { state, retry }
}

async function fetchTemplates(signal: AbortSignal): Promise<Template[]> {
  const body: { templates?: unknown } = await answer(api.api.templates.$get(undefined, { init: { signal } }))
  if (!Array.isArray(body.templates)) throw new Error('GET /api/templates: no templates array')
  const templates: Template[] = []
  for (const data of body.templates) {
    const parsed = Template.safeParse(data)
    if (parsed.success) templates.push(parsed.data)
    else console.warn('Template left out of the picker', parsed.error.issues)
  }
  return templates
}
