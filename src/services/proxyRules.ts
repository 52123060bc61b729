/**
 * Whether a request to the Webex API should go through VS Code's configured proxy (pure, unit-tested).
 * Loopback never does (a local Webex on 127.0.0.1 must not be sent to a corporate proxy), nor hosts
 * listed in `http.noProxy` (same matching as the usual NO_PROXY: exact host, `.suffix` or
 * `*.suffix`, optional `:port`, or `*` for everything).
 */
export function shouldUseProxy(target: string, noProxy: readonly string[]): boolean {
  let url: URL;
  try {
    url = new URL(target);
  } catch {
    return false;
  }
  const host = url.hostname.replace(/^\[|\]$/g, '').toLowerCase();
  if (host === 'localhost' || host === '::1' || /^127\./.test(host)) {
    return false;
  }
  const port = url.port || (url.protocol === 'https:' ? '443' : '80');
  for (const raw of noProxy) {
    const entry = raw.trim().toLowerCase();
    if (entry === '') {
      continue;
    }
    if (entry === '*') {
      return false;
    }
    const [pattern, entryPort] = splitPort(entry);
    if (entryPort !== undefined && entryPort !== port) {
      continue;
    }
    const suffix = pattern.replace(/^\*?\./, '');
    if (host === suffix || host.endsWith(`.${suffix}`)) {
      return false;
    }
  }
  return true;
}

function splitPort(entry: string): [string, string | undefined] {
  const match = /^(.*?)(?::(\d+))?$/.exec(entry);
  return match ? [match[1], match[2]] : [entry, undefined];
}
