/**
 * Device registration with the Webex device service (WDM, internal and undocumented; as
 * webex-js-sdk `@webex/internal-plugin-device` `device.js` does it): `POST {wdm}/devices`
 * registers, `PUT <device.url>` refreshes (a 404 means the device is gone and must be registered
 * again), `DELETE <device.url>` unregisters.
 *
 * A user's other Webex clients are devices too. This class only ever deletes a device it created
 * itself or one the caller handed back from its own storage (which only holds devices this code
 * created); it never lists devices and never deletes by name.
 */
import { WebexApiError } from '../errors';
import type { ServiceHttp } from './serviceHttp';

/** What the extension keeps of a device it registered (e.g. in globalState), to reuse it after a reload. */
export interface DeviceRecord {
  /** `url` from the registration answer: refresh and unregister go there. */
  url: string;
  /** The last path segment of `url`. */
  id: string;
  webSocketUrl: string;
}

/** How the device describes itself (fbradyirl/webex_bot's body: deviceName, deviceType, model, name, system…). */
export interface DeviceInfo {
  /** Shown in the account's device list. */
  name: string;
  systemVersion: string;
}

export class DeviceRegistry {
  private readonly own = new Set<string>();

  constructor(
    private readonly http: ServiceHttp,
    private readonly info: DeviceInfo,
  ) {}

  private body(): Record<string, string> {
    return {
      deviceName: this.info.name,
      name: this.info.name,
      deviceType: 'DESKTOP',
      model: 'webex-vscode',
      localizedModel: 'webex-vscode',
      systemName: 'VS Code',
      systemVersion: this.info.systemVersion,
    };
  }

  /** Registers a new device under `{wdm}/devices`. */
  async register(wdmUrl: URL): Promise<DeviceRecord> {
    const url = new URL(`${wdmUrl.href.replace(/\/+$/, '')}/devices`);
    const { body } = await this.http.request('POST', url, this.body());
    const device = this.read(body, 'POST', url.pathname);
    this.own.add(device.url);
    return device;
  }

  /** `PUT <device.url>`; undefined when the service no longer knows the device (404). */
  async refresh(device: DeviceRecord): Promise<DeviceRecord | undefined> {
    const url = this.http.checkUrl(device.url, 'device URL');
    const { status, body } = await this.http.request('PUT', url, this.body(), [404]);
    if (status === 404) {
      this.own.delete(device.url);
      return undefined;
    }
    const refreshed = this.read(body, 'PUT', url.pathname);
    // The caller stored it because this code created it earlier: it is ours to delete later.
    this.own.add(refreshed.url);
    return refreshed;
  }

  /**
   * The stored device refreshed, or a new registration when there is none or it is gone (404).
   * `reused` says whether the stored one was kept.
   */
  async ensure(wdmUrl: () => Promise<URL>, stored?: DeviceRecord): Promise<{ device: DeviceRecord; reused: boolean }> {
    if (stored !== undefined) {
      const refreshed = await this.refresh(stored);
      if (refreshed !== undefined) {
        return { device: refreshed, reused: true };
      }
    }
    return { device: await this.register(await wdmUrl()), reused: false };
  }

  /** Whether this registry created (or re-adopted from storage) the device. */
  owns(device: DeviceRecord): boolean {
    return this.own.has(device.url);
  }

  /**
   * `DELETE <device.url>` for a device this registry owns; anything else is left alone and
   * `false` returned. A 404 counts as done.
   */
  async unregister(device: DeviceRecord): Promise<boolean> {
    if (!this.owns(device)) {
      return false;
    }
    const url = this.http.checkUrl(device.url, 'device URL');
    await this.http.request('DELETE', url, undefined, [404]);
    this.own.delete(device.url);
    return true;
  }

  private read(body: Record<string, unknown> | undefined, method: string, path: string): DeviceRecord {
    const url = body?.url;
    const webSocketUrl = body?.webSocketUrl;
    if (typeof url !== 'string' || typeof webSocketUrl !== 'string') {
      throw new WebexApiError({
        kind: 'malformed',
        status: 200,
        method,
        path,
        message: `The Webex device service answered without a device url or webSocketUrl (${method} ${path}).`,
      });
    }
    const checked = this.http.checkUrl(url, 'device URL');
    this.http.checkUrl(webSocketUrl, 'websocket URL');
    const id = checked.pathname.split('/').filter((s) => s !== '').pop() ?? '';
    return { url, id, webSocketUrl };
  }
}
