/**
 * The service catalog (u2c): where the device service (wdm) of this account lives. An internal,
 * undocumented service, used as webex-js-sdk does (`@webex/webex-core` `services.js`
 * `_fetchNewServiceHostmap`) and fbradyirl/webex_bot (`_get_device_url`).
 */
import { WebexApiError } from '../errors';
import { isRecord } from '../text';
import type { ServiceHttp } from './serviceHttp';

/** The commercial cloud's catalog (webex-js-sdk `@webex/webex-core` `config.js`, `u2c`). */
export const U2C_URL = 'https://u2c.wbx2.com/u2c/api/v1';
/** The FedRAMP cloud's catalog (webex-js-sdk's FedRAMP services, `service-fed-ramp.js`). */
export const FEDRAMP_U2C_URL = 'https://u2c.gov.ciscospark.com/u2c/api/v1';

const COMMERCIAL_API_HOSTS = new Set(['webexapis.com', 'api.ciscospark.com']);
const FEDRAMP_API_HOSTS = new Set(['api-usgov.webex.com']);

/**
 * The catalog base for a REST API base URL: the commercial or FedRAMP u2c for the public clouds;
 * for any other base (the local Webex) `<origin>/u2c/api/v1` on the same host. `override`
 * (a setting) wins when given.
 */
export function u2cBaseUrlFor(apiBaseUrl: string, override?: string): string {
  if (override !== undefined && override.trim() !== '') {
    return override.trim().replace(/\/+$/, '');
  }
  const base = new URL(apiBaseUrl);
  if (COMMERCIAL_API_HOSTS.has(base.hostname)) {
    return U2C_URL;
  }
  if (FEDRAMP_API_HOSTS.has(base.hostname)) {
    return FEDRAMP_U2C_URL;
  }
  return `${base.origin}/u2c/api/v1`;
}

export interface ServiceCatalog {
  /** Service name → base URL, e.g. `wdm` → `https://wdm-a.wbx2.com/wdm/api/v1`. */
  serviceLinks: Record<string, string>;
}

/** `GET {u2c}/catalog?format=hostmap` with the bearer token. */
export async function fetchServiceCatalog(http: ServiceHttp, u2cBaseUrl: string): Promise<ServiceCatalog> {
  const url = http.checkUrl(`${u2cBaseUrl.replace(/\/+$/, '')}/catalog`, 'service catalog URL');
  url.searchParams.set('format', 'hostmap');
  const { body } = await http.request('GET', url);
  const links = body?.serviceLinks;
  const serviceLinks: Record<string, string> = {};
  if (isRecord(links)) {
    for (const [name, value] of Object.entries(links)) {
      if (typeof value === 'string') {
        serviceLinks[name] = value;
      }
    }
  }
  return { serviceLinks };
}

/** The device service's base URL from the catalog; a `malformed` error when the catalog has none. */
export async function findDeviceServiceUrl(http: ServiceHttp, u2cBaseUrl: string): Promise<URL> {
  const catalog = await fetchServiceCatalog(http, u2cBaseUrl);
  const wdm = catalog.serviceLinks.wdm;
  if (wdm === undefined) {
    throw new WebexApiError({
      kind: 'malformed',
      status: 200,
      method: 'GET',
      path: '/catalog',
      message: 'The Webex service catalog lists no device service (wdm); live updates are not available for this account.',
    });
  }
  return http.checkUrl(wdm.replace(/\/+$/, ''), 'device service URL');
}
