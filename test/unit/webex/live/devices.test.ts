// Catalog lookup and device registration against the local Webex's u2c and wdm (as webex-js-sdk uses them):
// register, reuse a stored device with PUT, re-register after a 404, and never delete a device
// this code did not create (the user's other Webex clients are devices too).
import * as assert from 'node:assert/strict';
import { WebexApiError } from '../../../../src/webex/errors';
import { findDeviceServiceUrl, u2cBaseUrlFor } from '../../../../src/webex/live/catalog';
import { DeviceRegistry } from '../../../../src/webex/live/devices';
import { ServiceHttp } from '../../../../src/webex/live/serviceHttp';
import { SMALL, useLiveWebex } from './liveHarness';

const INFO = { name: 'Webex for VS Code (test)', systemVersion: '1.0.0' };

describe('live: catalog and device registration', () => {
  const kit = useLiveWebex();

  async function wdm(token: string = SMALL.ada.token): Promise<URL> {
    return findDeviceServiceUrl(kit.http(token), u2cBaseUrlFor(kit.webex.baseUrl));
  }

  function deviceRequests(): string[] {
    return kit.webex.requests.filter((r) => r.path.startsWith('/wdm/') || r.path.startsWith('/u2c/')).map((r) => `${r.method} ${r.path.replace(/devices\/[^/]+$/, 'devices/:id')} ${r.status}`);
  }

  it('finds the device service in the catalog and registers a device with a url, id and websocket URL', async () => {
    const registry = new DeviceRegistry(kit.http(), INFO);
    const device = await registry.register(await wdm());
    assert.equal(device.url, `${kit.webex.origin}/wdm/api/v1/devices/${device.id}`);
    assert.match(device.webSocketUrl, /^ws:\/\/127\.0\.0\.1:\d+\/mercury\/registrations\/[^/]+\/messages$/);
    assert.equal(registry.owns(device), true);
    assert.deepEqual(deviceRequests(), ['GET /u2c/api/v1/catalog 200', 'POST /wdm/api/v1/devices 200']);
    assert.deepEqual(kit.live.status().devices.map((d) => [d.id, d.personEmail, d.name]), [[device.id, SMALL.ada.email, INFO.name]]);
  });

  it('reuses a stored device with one PUT and no catalog lookup', async () => {
    const first = await new DeviceRegistry(kit.http(), INFO).register(await wdm());
    kit.webex.clearRequests();
    // A reload: a new registry, the device record from storage.
    const registry = new DeviceRegistry(kit.http(), INFO);
    const { device, reused } = await registry.ensure(() => wdm(), first);
    assert.equal(reused, true);
    assert.equal(device.id, first.id);
    assert.deepEqual(deviceRequests(), ['PUT /wdm/api/v1/devices/:id 200']);
    assert.equal(kit.live.status().devices[0].refreshes, 1);
    assert.equal(registry.owns(device), true);
  });

  it('registers anew when the stored device is gone (PUT answers 404)', async () => {
    const registry = new DeviceRegistry(kit.http(), INFO);
    const old = await registry.register(await wdm());
    kit.live.devices.devices.delete(old.id); // expired on the service side
    kit.webex.clearRequests();
    const { device, reused } = await new DeviceRegistry(kit.http(), INFO).ensure(() => wdm(), old);
    assert.equal(reused, false);
    assert.notEqual(device.id, old.id);
    assert.deepEqual(deviceRequests(), ['PUT /wdm/api/v1/devices/:id 404', 'GET /u2c/api/v1/catalog 200', 'POST /wdm/api/v1/devices 200']);
  });

  it('deletes its own device, and refuses to delete a device it did not create', async () => {
    // The user's desktop Webex app, registered by another client.
    const desktopRegistry = new DeviceRegistry(kit.http(), { name: 'Webex desktop', systemVersion: '44' });
    const desktop = await desktopRegistry.register(await wdm());
    const registry = new DeviceRegistry(kit.http(), INFO);
    const mine = await registry.register(await wdm());
    kit.webex.clearRequests();
    assert.equal(await registry.unregister(desktop), false);
    assert.deepEqual(deviceRequests(), []);
    assert.equal(await registry.unregister(mine), true);
    assert.deepEqual(deviceRequests(), ['DELETE /wdm/api/v1/devices/:id 204']);
    assert.deepEqual(kit.live.status().devices.map((d) => d.name), ['Webex desktop']);
    // Deleting again is not an error (404 counts as done) but needs ownership, which ended with the delete.
    assert.equal(await registry.unregister(mine), false);
  });

  it('keeps devices apart per person: another person cannot refresh or delete them', async () => {
    const mine = await new DeviceRegistry(kit.http(), INFO).register(await wdm());
    const graceRegistry = new DeviceRegistry(kit.http(SMALL.grace.token), INFO);
    assert.equal(await graceRegistry.refresh(mine), undefined);
    assert.equal(kit.live.status().devices.length, 1);
  });

  it('reports a refused token as an http error without the token in it', async () => {
    const http = new ServiceHttp({ apiBaseUrl: kit.webex.baseUrl, getToken: () => 'not-a-valid-token' });
    const error = await findDeviceServiceUrl(http, u2cBaseUrlFor(kit.webex.baseUrl)).then(
      () => assert.fail('expected a 401'),
      (e: unknown) => e,
    );
    assert.ok(error instanceof WebexApiError);
    assert.equal(error.status, 401);
    assert.equal(error.path, '/u2c/api/v1/catalog');
    assert.doesNotMatch(JSON.stringify(error.toJSON()) + error.message, /not-a-valid-token/);
  });

  it('does not follow a catalog or device URL that would send the token in plain text to another host', async () => {
    const registry = new DeviceRegistry(kit.http(), INFO);
    await assert.rejects(
      registry.refresh({ url: 'http://192.0.2.1/wdm/api/v1/devices/x', id: 'x', webSocketUrl: 'ws://192.0.2.1/m' }),
      /without TLS/,
    );
    assert.deepEqual(deviceRequests(), []);
  });
});
