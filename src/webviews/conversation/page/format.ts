/** Times and days in VS Code's display language and the viewer's time zone (the page runs where the user is). */
import * as l10n from '@vscode/l10n';
import { language } from './l10n';

const time = new Intl.DateTimeFormat(language, { hour: 'numeric', minute: '2-digit' });
const full = new Intl.DateTimeFormat(language, { dateStyle: 'full', timeStyle: 'short' });
const weekdayDate = new Intl.DateTimeFormat(language, { weekday: 'long', month: 'long', day: 'numeric' });
const withYear = new Intl.DateTimeFormat(language, { weekday: 'long', year: 'numeric', month: 'long', day: 'numeric' });

/** `YYYY-MM-DD` of the local day, the key messages are grouped by. */
export function localDay(iso: string): string {
  const d = new Date(iso);
  return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;
}

/** "10:42" */
export function shortTime(iso: string): string {
  return time.format(new Date(iso));
}

/** "Wednesday, 4 March 2026 at 10:42", for tooltips and screen readers. */
export function fullTime(iso: string): string {
  return full.format(new Date(iso));
}

/** "Today", "Yesterday", "Monday, 2 March", or with the year when it is not this year. */
export function dayLabel(dayKey: string, now = new Date()): string {
  const [y, m, d] = dayKey.split('-').map(Number);
  const day = new Date(y, m - 1, d);
  const today = new Date(now.getFullYear(), now.getMonth(), now.getDate());
  const days = Math.round((today.getTime() - day.getTime()) / 86_400_000);
  if (days === 0) {
    return l10n.t('Today');
  }
  if (days === 1) {
    return l10n.t('Yesterday');
  }
  return (y === now.getFullYear() ? weekdayDate : withYear).format(day);
}

/** Up to two initials of a name or email, for the avatar. */
export function initials(name: string): string {
  const words = name
    .replace(/@.*$/, '')
    .split(/[\s._-]+/)
    .filter((w) => w.length > 0);
  const letters = words.length > 1 ? [words[0], words[words.length - 1]] : words.slice(0, 1);
  return letters.map((w) => [...w][0]?.toUpperCase() ?? '').join('') || '?';
}

/** A stable colour slot (0–5) for a person, so each author keeps one avatar colour. */
export function colorSlot(id: string): number {
  let h = 0;
  for (let i = 0; i < id.length; i++) {
    h = (h * 31 + id.charCodeAt(i)) | 0;
  }
  return Math.abs(h) % 6;
}

/** "812 B", "4.2 KB", "13 MB": a file's size as people read it (powers of 1024, like VS Code). */
export function formatBytes(bytes: number): string {
  const units = ['B', 'KB', 'MB', 'GB'];
  let value = bytes;
  let unit = 0;
  while (value >= 1024 && unit < units.length - 1) {
    value /= 1024;
    unit++;
  }
  const shown = unit === 0 || value >= 10 ? String(Math.round(value)) : value.toFixed(1).replace(/\.0$/, '');
  return `${shown} ${units[unit]}`;
}

const CODE_EXTENSIONS = new Set(
  'ts tsx js jsx mjs cjs py java kt c h cc cpp hpp cs go rs rb php swift scala sh ps1 sql json yaml yml toml xml html css scss ipynb'.split(' '),
);
const ARCHIVE_EXTENSIONS = new Set('zip gz tgz tar bz2 xz 7z rar jar vsix'.split(' '));

/** The codicon for a file, from its type when Webex gave one, else from its name. */
export function fileIcon(name: string, contentType?: string): string {
  const type = (contentType ?? '').toLowerCase().split(';')[0].trim();
  const extension = /\.([a-z0-9]{1,8})$/i.exec(name)?.[1]?.toLowerCase() ?? '';
  if (/^(image|video|audio)\//.test(type) || /^(png|jpe?g|gif|webp|bmp|svg|heic|mp4|mov|webm|mp3|m4a|wav|ogg)$/.test(extension)) {
    return 'file-media';
  }
  if (type === 'application/pdf' || extension === 'pdf') {
    return 'file-pdf';
  }
  if (/(zip|gzip|x-tar|x-7z|x-rar|java-archive)/.test(type) || ARCHIVE_EXTENSIONS.has(extension)) {
    return 'file-zip';
  }
  if (CODE_EXTENSIONS.has(extension) || /^(application\/(json|xml|javascript)|text\/(x-|javascript|css|html))/.test(type)) {
    return 'file-code';
  }
  if (type.startsWith('text/') || /^(txt|md|markdown|csv|log|rtf)$/.test(extension)) {
    return 'file-text';
  }
  return 'file';
}
