/**
 * The one message catalogue: Vietnamese first, English second. The console labels everything
 * from it; the API's human-readable outputs (CSV headers, printable reports) use it too.
 */
import type { Catalogue, Locale } from './catalogue.js';
import { en } from './en.js';
import { vi } from './vi.js';

export type { Catalogue, Locale } from './catalogue.js';
export type { UiKey } from './vi.js';
export type { ReportPhrase } from './reports-vi.js';
export * from './format.js';
export * from './keys.js';

export const LOCALES: readonly Locale[] = ['vi', 'en'];
export const DEFAULT_LOCALE: Locale = 'vi';

const CATALOGUES: Record<Locale, Catalogue> = { vi, en };

/** The catalogue of a language. */
export const catalogue = (locale: Locale): Catalogue => CATALOGUES[locale];

/** Fills `{name}` placeholders; a missing value leaves the placeholder visible rather than blank. */
export function fill(template: string, values: Record<string, string | number> = {}): string {
  return template.replace(/\{(\w+)\}/g, (m, k: string) => (k in values ? String(values[k]) : m));
}

/** A label of a key set that may hold codes the catalogue does not know (data from outside): the code itself then. */
export function labelOf<K extends string>(labels: Record<K, string>, code: string): string {
  return Object.hasOwn(labels, code) ? labels[code as K] : code;
}
