/**
 * The page's translations: the host puts VS Code's bundle for the display language into the page
 * as JSON (html.ts), and `@vscode/l10n` reads it, so the page speaks the language of the rest of
 * the extension from the same bundle. main.ts imports this module first, before any module builds
 * a string. In English there is no bundle: every message is its own text.
 */
import * as l10n from '@vscode/l10n';

// (No document when unit tests load the page's modules in Node.)
const page = typeof document === 'undefined' ? undefined : document;
const data = page?.getElementById('webex-l10n')?.textContent;
if (data) {
  try {
    l10n.config({ contents: data });
  } catch {
    // A bundle that cannot be read leaves the page in English rather than without text.
  }
}

/** The language to format dates and numbers in: VS Code's display language (the page's `lang`). */
export const language: string | undefined = page?.documentElement.lang || undefined;
