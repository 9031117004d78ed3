/**
 * The console's language: Vietnamese first, English behind a switch, remembered in the browser.
 * Every label comes from the one catalogue (domain/messages).
 */
import { createContext, useContext, useEffect, useMemo, useState, type ReactNode } from 'react';
import { catalogue, DEFAULT_LOCALE, fill, type Catalogue, type Locale, type UiKey } from '../../domain/messages/index.js';

interface I18n {
  locale: Locale;
  m: Catalogue;
  /** A console label, with `{name}` placeholders filled. */
  t: (key: UiKey, values?: Record<string, string | number>) => string;
  setLocale: (l: Locale) => void;
}

const STORAGE_KEY = 'postwatch.locale';
const I18nContext = createContext<I18n | null>(null);

const stored = (): Locale => {
  const v = globalThis.localStorage?.getItem(STORAGE_KEY);
  return v === 'en' || v === 'vi' ? v : DEFAULT_LOCALE;
};

export function I18nProvider({ children }: { children: ReactNode }) {
  const [locale, setLocale] = useState<Locale>(stored);
  useEffect(() => {
    localStorage.setItem(STORAGE_KEY, locale);
    document.documentElement.lang = catalogue(locale).lang;
  }, [locale]);
  const value = useMemo<I18n>(() => {
    const m = catalogue(locale);
    return { locale, m, t: (key, values) => fill(m.ui[key], values), setLocale };
  }, [locale]);
  return <I18nContext.Provider value={value}>{children}</I18nContext.Provider>;
}

export function useI18n(): I18n {
  const v = useContext(I18nContext);
  if (!v) throw new Error('useI18n outside I18nProvider');
  return v;
}
