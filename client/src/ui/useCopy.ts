import { useCallback, useEffect, useState } from 'react'
import { copyText } from './copyText'

export type CopyResult = 'idle' | 'copied' | 'failed'

/** Copy to the clipboard with feedback that goes back to idle by itself (sooner after success). */
export function useCopy(): { result: CopyResult; copy: (text: string) => void } {
  const [result, setResult] = useState<CopyResult>('idle')
  useEffect(() => {
    if (result === 'idle') return
    const timer = setTimeout(() => setResult('idle'), result === 'copied' ? 2500 : 6000)
    return () => clearTimeout(timer)
  }, [result])
  const copy = useCallback((text: string) => {
    copyText(text).then(
      () => setResult('copied'),
      () => setResult('failed'),
    )
  }, [])
  return { result, copy }
}
