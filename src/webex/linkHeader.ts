/**
 * A parser for the HTTP `Link` header (RFC 8288 §3), enough for Webex pagination: Webex sends
 * `Link: <https://webexapis.com/v1/people?…>; rel="next"` and may add `first`/`prev` (notes §1 [PAG]).
 * Handles several links in one header (and several headers joined with ", "), quoted and bare
 * parameter values, escaped quotes, commas inside quotes, and `rel` holding several relation types.
 */

export interface LinkValue {
  /** The URI reference between `<` and `>`, unresolved. */
  target: string;
  /** Relation types from `rel`, lower-cased (`rel="next last"` gives `['next', 'last']`). */
  rel: string[];
  /** Other parameters by lower-cased name; the first occurrence wins (RFC 8288 §3.3 for rel). */
  params: Record<string, string>;
}

/** Parses a `Link` header value; malformed parts are skipped rather than failing the whole header. */
export function parseLinkHeader(header: string): LinkValue[] {
  const links: LinkValue[] = [];
  let i = 0;
  const n = header.length;

  const skipWs = (): void => {
    while (i < n && (header[i] === ' ' || header[i] === '\t')) {
      i++;
    }
  };
  // Skips to just after the next top-level comma (outside quotes and angle brackets).
  const skipToNextLink = (): void => {
    let quoted = false;
    while (i < n) {
      const c = header[i];
      if (quoted) {
        if (c === '\\') {
          i++;
        } else if (c === '"') {
          quoted = false;
        }
      } else if (c === '"') {
        quoted = true;
      } else if (c === ',') {
        i++;
        return;
      }
      i++;
    }
  };

  while (i < n) {
    skipWs();
    if (header[i] === ',') {
      i++;
      continue;
    }
    if (header[i] !== '<') {
      skipToNextLink();
      continue;
    }
    const close = header.indexOf('>', i + 1);
    if (close < 0) {
      break;
    }
    const link: LinkValue = { target: header.slice(i + 1, close).trim(), rel: [], params: {} };
    let relSeen = false;
    i = close + 1;
    for (;;) {
      skipWs();
      if (i >= n || header[i] === ',') {
        i++;
        break;
      }
      if (header[i] !== ';') {
        skipToNextLink();
        break;
      }
      i++;
      skipWs();
      const nameStart = i;
      while (i < n && !'=;, \t'.includes(header[i])) {
        i++;
      }
      // RFC 8288 §3.3: `title*`-style extended parameters keep their star; names are case-insensitive.
      const name = header.slice(nameStart, i).toLowerCase();
      skipWs();
      let value = '';
      if (header[i] === '=') {
        i++;
        skipWs();
        if (header[i] === '"') {
          i++;
          while (i < n && header[i] !== '"') {
            if (header[i] === '\\' && i + 1 < n) {
              i++;
            }
            value += header[i];
            i++;
          }
          i++; // closing quote
        } else {
          const valueStart = i;
          while (i < n && !';, \t'.includes(header[i])) {
            i++;
          }
          value = header.slice(valueStart, i);
        }
      }
      if (name === '') {
        continue;
      }
      if (name === 'rel') {
        if (!relSeen) {
          relSeen = true;
          link.rel = value.split(/[ \t]+/).filter((r) => r !== '').map((r) => r.toLowerCase());
        }
      } else if (!(name in link.params)) {
        link.params[name] = value;
      }
    }
    links.push(link);
  }
  return links;
}

/** The target of the first link whose `rel` includes `rel` (case-insensitive), if any. */
export function findLink(header: string | null | undefined, rel: string): string | undefined {
  if (header === null || header === undefined || header === '') {
    return undefined;
  }
  const wanted = rel.toLowerCase();
  return parseLinkHeader(header).find((l) => l.rel.includes(wanted))?.target;
}
