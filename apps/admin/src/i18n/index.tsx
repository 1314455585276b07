import { useQueryClient } from '@tanstack/react-query';
import dayjs from 'dayjs';
import 'dayjs/locale/zh-cn';
import { type ReactNode, createContext, useCallback, useContext, useMemo, useState } from 'react';
import { enUS } from './en-US';
import { type MessageKey, zhCN } from './zh-CN';

export type { MessageKey };
export type Locale = 'zh-CN' | 'en-US';
export type Translate = (key: MessageKey, params?: Record<string, string | number>) => string;

export const LOCALES: { value: Locale; label: string }[] = [
  { value: 'zh-CN', label: '简体中文' },
  { value: 'en-US', label: 'English' },
];

const STORAGE_KEY = 'aishang.locale';
const dictionaries: Record<Locale, Record<MessageKey, string>> = {
  'zh-CN': zhCN,
  'en-US': enUS,
};

function storedLocale(): Locale {
  const stored = localStorage.getItem(STORAGE_KEY);

  return stored === 'en-US' ? 'en-US' : 'zh-CN';
}

let currentLocale: Locale = storedLocale();

/** The language chosen now; the API client sends it as Accept-Language. */
export function getLocale(): Locale {
  return currentLocale;
}

function applyLocale(locale: Locale): void {
  currentLocale = locale;
  document.documentElement.lang = locale;
  dayjs.locale(locale === 'zh-CN' ? 'zh-cn' : 'en');
}

export function translate(
  locale: Locale,
  key: MessageKey,
  params?: Record<string, string | number>,
): string {
  const text = dictionaries[locale][key] ?? key;
  if (!params) return text;

  return text.replace(/\{(\w+)\}/g, (whole, name: string) =>
    name in params ? String(params[name]) : whole,
  );
}

interface I18nValue {
  locale: Locale;
  setLocale: (locale: Locale) => void;
  t: Translate;
  /** For keys built from server values (an audit action): the key's text, or the fallback. */
  tOr: (key: string, fallback: string) => string;
}

const I18nContext = createContext<I18nValue | null>(null);

/** Holds the language; a change is stored, and data is fetched again in the new language. */
export function I18nProvider({ children }: { children: ReactNode }) {
  const queryClient = useQueryClient();
  const [locale, setLocaleState] = useState<Locale>(() => {
    applyLocale(currentLocale);
    return currentLocale;
  });

  const setLocale = useCallback(
    (next: Locale) => {
      localStorage.setItem(STORAGE_KEY, next);
      applyLocale(next);
      setLocaleState(next);
      void queryClient.invalidateQueries();
    },
    [queryClient],
  );

  const value = useMemo<I18nValue>(
    () => ({
      locale,
      setLocale,
      t: (key, params) => translate(locale, key, params),
      tOr: (key, fallback) =>
        key in dictionaries[locale] ? dictionaries[locale][key as MessageKey] : fallback,
    }),
    [locale, setLocale],
  );

  return <I18nContext.Provider value={value}>{children}</I18nContext.Provider>;
}

export function useI18n(): I18nValue {
  const value = useContext(I18nContext);
  if (!value) throw new Error('useI18n outside I18nProvider');

  return value;
}

export function useT(): Translate {
  return useI18n().t;
}
