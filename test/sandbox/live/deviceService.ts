/**
 * The local Webex's service catalog (u2c) and device service (wdm), internal Webex services, as
 * webex-js-sdk and fbradyirl/webex_bot use them:
 * `GET /u2c/api/v1/catalog?format=hostmap` → `serviceLinks.wdm` pointing here;
 * `/wdm/api/v1/devices` POST (register), GET (list this person's), and `/devices/{id}` GET, PUT
 * (refresh), DELETE (unregister). Devices belong to the person whose token registered them.
 * Answers are a subset of a real registration answer (webex-js-sdk's device test fixture `wdm-dto.json`).
 */
import { randomUUID } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { readBody, HttpError, TEXT, errorBody } from '../http';
import { newTrackingId } from '../ids';
import type { PersonRec, Store } from '../store';

export interface SandboxDevice {
  id: string;
  personUuid: string;
  name: string;
  deviceType: string;
  model: string;
  systemName: string;
  systemVersion: string;
  created: number;
  modified: number;
  refreshes: number;
}

/** What a handled request answered, for the server's request log. */
export interface Answered {
  status: number;
  personEmail?: string;
}

export class DeviceService {
  readonly devices = new Map<string, SandboxDevice>();
  /** Called when a device is deleted, so its socket can be closed. */
  onDeleted: ((id: string) => void) | undefined;

  constructor(private readonly store: () => Store) {}

  deviceUrl(origin: string, id: string): string {
    return `${origin}/wdm/api/v1/devices/${id}`;
  }

  webSocketUrl(origin: string, id: string): string {
    return `${origin.replace(/^http/, 'ws')}/mercury/registrations/${id}/messages`;
  }

  /** Answers `/u2c/…` and `/wdm/…`; undefined (nothing written) for any other path. */
  async handle(req: IncomingMessage, res: ServerResponse, url: URL, origin: string): Promise<Answered | undefined> {
    const path = url.pathname.replace(/\/+$/, '');
    const isCatalog = path === '/u2c/api/v1/catalog';
    const devicesMatch = /^\/wdm\/api\/v1\/devices(?:\/([^/]+))?$/.exec(path);
    if (!isCatalog && !devicesMatch && !path.startsWith('/u2c/') && !path.startsWith('/wdm/')) {
      return undefined;
    }
    const trackingId = newTrackingId();
    const method = (req.method ?? 'GET').toUpperCase();
    let person: PersonRec | undefined;
    try {
      const auth = /^Bearer\s+(\S+)\s*$/i.exec(req.headers.authorization ?? '');
      person = auth ? this.store().peopleByToken.get(auth[1]) : undefined;
      if (!person) {
        throw new HttpError(401, TEXT.unauthorized);
      }
      if (isCatalog && method === 'GET') {
        return answer(res, trackingId, 200, this.catalog(origin), person);
      }
      if (!devicesMatch) {
        throw new HttpError(404, TEXT.notFound);
      }
      const id = devicesMatch[1];
      if (id === undefined) {
        if (method === 'POST') {
          const device = this.register(person, await jsonObject(req));
          return answer(res, trackingId, 200, this.json(device, origin), person);
        }
        if (method === 'GET') {
          const mine = [...this.devices.values()].filter((d) => d.personUuid === person?.uuid);
          return answer(res, trackingId, 200, { devices: mine.map((d) => this.json(d, origin)) }, person);
        }
        throw new HttpError(405, `Request method '${method}' not supported`);
      }
      const device = this.devices.get(id);
      // Another person's device is as unknown as a deleted one.
      if (!device || device.personUuid !== person.uuid) {
        throw new HttpError(404, 'Device not found.');
      }
      switch (method) {
        case 'GET':
          return answer(res, trackingId, 200, this.json(device, origin), person);
        case 'PUT': {
          const body = await jsonObject(req);
          device.modified = Date.now();
          device.refreshes += 1;
          if (typeof body.name === 'string') {
            device.name = body.name;
          }
          return answer(res, trackingId, 200, this.json(device, origin), person);
        }
        case 'DELETE':
          this.devices.delete(id);
          this.onDeleted?.(id);
          return answer(res, trackingId, 204, undefined, person);
        default:
          throw new HttpError(405, `Request method '${method}' not supported`);
      }
    } catch (err) {
      const status = err instanceof HttpError ? err.status : 500;
      const message = err instanceof Error ? err.message : String(err);
      return answer(res, trackingId, status, errorBody(message, trackingId), person);
    }
  }

  /** Registers a device for `person` directly (tests: "another Webex client of the same user"). */
  register(person: PersonRec, body: Record<string, unknown>): SandboxDevice {
    const str = (k: string, d: string): string => (typeof body[k] === 'string' ? (body[k]) : d);
    const now = Date.now();
    const device: SandboxDevice = {
      id: randomUUID(),
      personUuid: person.uuid,
      name: str('name', str('deviceName', 'DESKTOP')),
      deviceType: str('deviceType', 'DESKTOP'),
      model: str('model', 'DESKTOP'),
      systemName: str('systemName', 'DESKTOP'),
      systemVersion: str('systemVersion', '1'),
      created: now,
      modified: now,
      refreshes: 0,
    };
    this.devices.set(device.id, device);
    return device;
  }

  private catalog(origin: string): Record<string, unknown> {
    const host = new URL(origin).host;
    return {
      serviceLinks: {
        wdm: `${origin}/wdm/api/v1`,
        hydra: `${origin}/v1`,
        conversation: `${origin}/conversation/api/v1`,
      },
      hostCatalog: { [host]: [{ host, ttl: -1, priority: 1, id: 'local:wdm' }] },
      format: 'hostmap',
    };
  }

  json(d: SandboxDevice, origin: string): Record<string, unknown> {
    return {
      url: this.deviceUrl(origin, d.id),
      webSocketUrl: this.webSocketUrl(origin, d.id),
      deviceType: d.deviceType,
      name: d.name,
      model: d.model,
      localizedModel: d.model,
      systemName: d.systemName,
      systemVersion: d.systemVersion,
      creationTime: new Date(d.created).toISOString(),
      modificationTime: new Date(d.modified).toISOString(),
      userId: d.personUuid,
      features: { developer: [], entitlement: [], user: [] },
    };
  }
}

function answer(res: ServerResponse, trackingId: string, status: number, body: unknown, person?: PersonRec): Answered {
  const text = body === undefined ? undefined : JSON.stringify(body);
  res.writeHead(status, {
    TrackingID: trackingId,
    ...(text === undefined ? {} : { 'Content-Type': 'application/json;charset=UTF-8', 'Content-Length': String(Buffer.byteLength(text)) }),
  });
  res.end(text);
  return { status, personEmail: person?.email };
}

async function jsonObject(req: IncomingMessage): Promise<Record<string, unknown>> {
  const body = await readBody(req, 64 * 1024, new HttpError(400, 'The request body is too large.'));
  if (body.length === 0) {
    return {};
  }
  let value: unknown;
  try {
    value = JSON.parse(body.toString('utf8'));
  } catch {
    throw new HttpError(400, 'Unable to parse the request body as JSON.');
  }
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    throw new HttpError(400, 'The request body must be a JSON object.');
  }
  return value as Record<string, unknown>;
}
