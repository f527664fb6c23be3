import { LANGUAGES, setLanguage } from './language'
import { useLanguage, useT } from './useT'

/** NL / EN switch: two toggle buttons in a labelled group, each named by what it shows. */
export function LanguageToggle() {
  const t = useT()
  const language = useLanguage()
  return (
    <fieldset className="language-toggle">
      <legend className="visually-hidden">{t('lang.label')}</legend>
      {LANGUAGES.map((option) => (
        <button
          key={option}
          type="button"
          lang={option}
          className="language-toggle__option"
          aria-pressed={language === option}
          // The visible "NL" is the name (a label that differs from it fails voice control); the
          // language in full is the description.
          title={t(`lang.${option}`)}
          onClick={() => setLanguage(option)}
        >
          {option.toUpperCase()}
        </button>
      ))}
    </fieldset>
  )
}
