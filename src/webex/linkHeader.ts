/**
 * A parser for the HTTP `Link` header (RFC 8288 §3), enough for Webex pagination: Webex sends
 * `Link: <https://webexapis.com/v1/people?…>; rel="next"` and may add `first`/`prev`
 * (developer.webex.com/pagination.html).
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
  const c = new Cursor(header);
  while (!c.done) {
    c.skipWhitespace();
    if (c.peek() === ',') {
      c.advance();
      continue;
    }
    if (c.peek() !== '<') {
      c.skipToNextLink();
      continue;
    }
    const close = header.indexOf('>', c.at + 1);
    if (close < 0) {
      break;
    }
    const link: LinkValue = { target: header.slice(c.at + 1, close).trim(), rel: [], params: {} };
    c.moveTo(close + 1);
    readParams(c, link);
    links.push(link);
  }
  return links;
}

/** Reads `; name=value` parameters into `link` up to the end of this link (a top-level comma). */
function readParams(c: Cursor, link: LinkValue): void {
  let relSeen = false;
  for (;;) {
    c.skipWhitespace();
    if (c.done || c.peek() === ',') {
      c.advance();
      return;
    }
    if (c.peek() !== ';') {
      c.skipToNextLink();
      return;
    }
    c.advance();
    const { name, value } = readParam(c);
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
}

/** One parameter after its `;`: a name, and a quoted or bare value (empty when there is no `=`). */
function readParam(c: Cursor): { name: string; value: string } {
  c.skipWhitespace();
  // RFC 8288 §3.3: `title*`-style extended parameters keep their star; names are case-insensitive.
  const name = c.readUntil('=;, \t').toLowerCase();
  c.skipWhitespace();
  if (c.peek() !== '=') {
    return { name, value: '' };
  }
  c.advance();
  c.skipWhitespace();
  return { name, value: c.peek() === '"' ? c.readQuoted() : c.readUntil(';, \t') };
}

/** A position in the header being parsed. */
class Cursor {
  private i = 0;

  constructor(private readonly text: string) {}

  get at(): number {
    return this.i;
  }

  get done(): boolean {
    return this.i >= this.text.length;
  }

  peek(): string | undefined {
    return this.text[this.i];
  }

  advance(): void {
    this.i++;
  }

  moveTo(position: number): void {
    this.i = position;
  }

  skipWhitespace(): void {
    while (this.i < this.text.length && (this.text[this.i] === ' ' || this.text[this.i] === '\t')) {
      this.i++;
    }
  }

  /** The text up to (not including) the first of `stops`, or to the end. */
  readUntil(stops: string): string {
    const start = this.i;
    while (this.i < this.text.length && !stops.includes(this.text[this.i])) {
      this.i++;
    }
    return this.text.slice(start, this.i);
  }

  /** A quoted string starting at its opening quote, with `\` escapes resolved; ends after the closing quote. */
  readQuoted(): string {
    const n = this.text.length;
    let value = '';
    this.i++;
    while (this.i < n && this.text[this.i] !== '"') {
      if (this.text[this.i] === '\\' && this.i + 1 < n) {
        this.i++;
      }
      value += this.text[this.i];
      this.i++;
    }
    this.i++; // closing quote
    return value;
  }

  /** Skips to just after the next top-level comma (outside quotes). */
  skipToNextLink(): void {
    let quoted = false;
    while (this.i < this.text.length) {
      const ch = this.text[this.i];
      if (quoted) {
        if (ch === '\\') {
          this.i++;
        } else if (ch === '"') {
          quoted = false;
        }
      } else if (ch === '"') {
        quoted = true;
      } else if (ch === ',') {
        this.i++;
        return;
      }
      this.i++;
    }
  }
}

/** The target of the first link whose `rel` includes `rel` (case-insensitive), if any. */
export function findLink(header: string | null | undefined, rel: string): string | undefined {
  if (header === null || header === undefined || header === '') {
    return undefined;
  }
  const wanted = rel.toLowerCase();
  return parseLinkHeader(header).find((l) => l.rel.includes(wanted))?.target;
}
