import type { useI18n } from 'vue-i18n';

type NumberFormat = ReturnType<typeof useI18n>['n'];

/** A file size as people read it: kB below a megabyte, MB above, in the screen's language. */
export function fileSize(n: NumberFormat, bytes: number): string {
  if (bytes < 1024 * 1024) return n(bytes / 1024, { style: 'unit', unit: 'kilobyte', maximumFractionDigits: 1 });
  return n(bytes / (1024 * 1024), { style: 'unit', unit: 'megabyte', maximumFractionDigits: 1 });
}
