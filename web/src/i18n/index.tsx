// The console's i18n layer: every text the user reads comes from a dictionary here, never
// inline. zh-CN is the default; English is the option (the language switch in the header, kept
// in localStorage). The English dictionary is typed against the Chinese one, so a missing key
// is a compile error. Interpolation: t('key', { n: 3 }) replaces {n}.
import { createContext, useCallback, useContext, useMemo, useState, type ReactNode } from 'react';
import en from './en';
import zhCN, { type MessageKey } from './zh-CN';

export type Locale = 'zh-CN' | 'en';
export type { MessageKey };

const dictionaries: Record<Locale, Record<MessageKey, string>> = { 'zh-CN': zhCN, en };
const LOCALE_KEY = 'hearth.locale';

export type Translate = (key: MessageKey, vars?: Record<string, string | number>) => string;

export function translate(locale: Locale, key: MessageKey, vars?: Record<string, string | number>): string {
  let text = dictionaries[locale][key] ?? key;
  if (vars) {
    for (const [k, v] of Object.entries(vars)) text = text.split(`{${k}}`).join(String(v));
  }
  return text;
}

interface I18nValue {
  locale: Locale;
  setLocale: (l: Locale) => void;
  t: Translate;
}

const I18nContext = createContext<I18nValue>({
  locale: 'zh-CN',
  setLocale: () => {},
  t: (key, vars) => translate('zh-CN', key, vars),
});

function initialLocale(): Locale {
  const saved = typeof localStorage !== 'undefined' ? localStorage.getItem(LOCALE_KEY) : null;
  return saved === 'en' ? 'en' : 'zh-CN';
}

export function I18nProvider({ children, locale: fixed }: { children: ReactNode; locale?: Locale }) {
  const [locale, setState] = useState<Locale>(fixed ?? initialLocale());
  const setLocale = useCallback((l: Locale) => {
    localStorage.setItem(LOCALE_KEY, l);
    document.documentElement.lang = l;
    setState(l);
  }, []);
  const value = useMemo<I18nValue>(
    () => ({ locale, setLocale, t: (key, vars) => translate(locale, key, vars) }),
    [locale, setLocale],
  );
  return <I18nContext.Provider value={value}>{children}</I18nContext.Provider>;
}

export function useI18n(): I18nValue {
  return useContext(I18nContext);
}

export function useT(): Translate {
  return useContext(I18nContext).t;
}
