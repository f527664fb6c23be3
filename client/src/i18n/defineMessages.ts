/** A feature's dictionary: the English texts must cover exactly the Dutch keys (the type checks it). */
export function defineMessages<const N extends Record<string, string>>(
  nl: N,
  en: Record<keyof N, string>,
): { nl: N; en: Record<keyof N, string> } {
  return { nl, en }
}
