/**
 * What markdown-it asks of the `entities` package, answered by the browser: the conversation page's
 * bundle maps `entities` here (esbuild.js) instead of shipping the package's 23 KB copy of the HTML
 * named-character table, which the webview already has. Unit tests in Node run markdown-it with the
 * real package; the UI tests' hostile space checks this one in Chromium.
 *
 * markdown-it only calls `decodeHTMLStrict` with `&name;` (its ENTITY_RE / NAMED_RE), and strict
 * means the whole name must be one: the HTML parser also decodes a legacy name that is only a
 * prefix (`&ampx;` gives `&x;`), leaving the rest and its semicolon. A whole name consumes the
 * semicolon, so a result still ending in one is such a prefix match, except `&semi;` itself.
 */
const NAMED = /^&[a-z][a-z0-9]{1,31};$/i;
const decoded = new Map<string, string>();

export function decodeHTMLStrict(text: string): string {
  if (!NAMED.test(text)) {
    return text;
  }
  let value = decoded.get(text);
  if (value === undefined) {
    // The input is letters and digits between & and ; (checked above): nothing here is markup.
    const parsed = new DOMParser().parseFromString(`<p>${text}</p>`, 'text/html').querySelector('p')?.textContent ?? text;
    value = parsed.endsWith(';') && text !== '&semi;' ? text : parsed;
    decoded.set(text, value);
  }
  return value;
}
