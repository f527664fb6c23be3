import { useEffect, useState } from 'react'

/** Runtime settings from the server (GET /api/config), read without a rebuild. */
export interface ServerConfig {
  tldrawLicenseKey: string | null
}

let cached: ServerConfig | null = null
let pending: Promise<ServerConfig> | null = null

/**
 * Fetches the server's config once per page. Null while loading; if the server cannot be asked,
 * the board goes on without a licence key (tldraw then shows its watermark).
 */
export function useServerConfig(): ServerConfig | null {
  const [config, setConfig] = useState<ServerConfig | null>(cached)
  useEffect(() => {
    if (config) return
    let cancelled = false
    void loadConfig().then((loaded) => {
      if (!cancelled) setConfig(loaded)
    })
    return () => {
      cancelled = true
    }
  }, [config])
  return config
}

function loadConfig(): Promise<ServerConfig> {
  pending ??= fetch('/api/config', { headers: { accept: 'application/json' } })
    .then((response) => (response.ok ? response.json() : null))
    .catch(() => null)
    .then((body: unknown) => {
      const key = (body as { tldrawLicenseKey?: unknown } | null)?.tldrawLicenseKey
      cached = { tldrawLicenseKey: typeof key === 'string' && key.length > 0 ? key : null }
      return cached
    })
  return pending
}
