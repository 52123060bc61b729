/**
 * Builds a Store from a Scenario directly (no HTTP), so a big account loads in well under a second
 * per thousand spaces. Bad references throw with the offending key, so a broken scenario fails loudly.
 */
import { encodeId } from './ids';
import { createTeamWithGeneral } from './routes/teams';
import type { Scenario } from './scenario';
import { Store, type MessageRec, type PersonRec, type RoomRec, type TeamRec } from './store';

const DEFAULT_CREATED = Date.parse('2024-01-08T09:00:00.000Z');

function time(iso: string | undefined, fallback: number, what: string): number {
  if (iso === undefined) {
    return fallback;
  }
  const t = Date.parse(iso);
  if (Number.isNaN(t)) {
    throw new Error(`Scenario: ${what} has an invalid date '${iso}'`);
  }
  return t;
}

export function buildStore(scenario: Scenario): Store {
  const store = new Store(scenario.seed ?? 'sandbox');
  const person = (email: string, what: string): PersonRec => {
    const p = store.peopleByEmail.get(email.toLowerCase());
    if (!p) {
      throw new Error(`Scenario: ${what} refers to unknown person ${email}`);
    }
    return p;
  };

  for (const p of scenario.people) {
    if (store.peopleByEmail.has(p.email.toLowerCase()) || store.peopleByToken.has(p.token)) {
      throw new Error(`Scenario: duplicate person or token for ${p.email}`);
    }
    const [first, ...rest] = p.displayName.split(' ');
    store.addPerson({
      email: p.email,
      displayName: p.displayName,
      firstName: p.firstName ?? first,
      lastName: p.lastName ?? rest.join(' '),
      type: p.type ?? 'person',
      orgKey: p.org ?? 'example',
      token: p.token,
      status: p.status ?? 'active',
      title: p.title,
      created: time(p.created, DEFAULT_CREATED, `person ${p.email}`),
    });
  }

  const teams = new Map<string, TeamRec>();
  const rooms = new Map<string, RoomRec>();
  const explicitGeneral = new Set(scenario.rooms.filter((r) => r.general && r.team).map((r) => r.team));
  for (const t of scenario.teams) {
    const created = time(t.created, DEFAULT_CREATED, `team ${t.key}`);
    const creator = person(t.creator, `team ${t.key}`);
    const team = explicitGeneral.has(t.key)
      ? store.createTeam({ key: t.key, name: t.name, description: t.description, creatorUuid: creator.uuid, created })
      : createTeamWithGeneral(store, creator, { key: t.key, name: t.name, description: t.description, created });
    if (explicitGeneral.has(t.key)) {
      store.addTeamMember(team, creator.uuid, true, created);
    }
    const general = store.rooms.get(team.generalRoomUuid);
    for (const m of t.members) {
      const p = person(m.email, `team ${t.key}`);
      if (!team.members.has(p.uuid)) {
        store.addTeamMember(team, p.uuid, m.isModerator ?? false, created);
      }
      if (general && !general.members.has(p.uuid)) {
        store.addMember(general, p.uuid, m.isModerator ?? false, created);
      }
    }
    teams.set(t.key, team);
    if (general) {
      // Messages of a scenario reach an implicit General space as `<teamKey>#general`.
      rooms.set(`${t.key}#general`, general);
    }
  }

  for (const r of scenario.rooms) {
    if (rooms.has(r.key)) {
      throw new Error(`Scenario: duplicate room key ${r.key}`);
    }
    const created = time(r.created, DEFAULT_CREATED, `room ${r.key}`);
    const creator = person(r.creator, `room ${r.key}`);
    let room: RoomRec;
    if (r.type === 'direct') {
      if (r.members.length !== 2) {
        throw new Error(`Scenario: direct room ${r.key} needs exactly two members`);
      }
      const [a, b] = r.members.map((m) => person(m.email, `room ${r.key}`));
      room = store.createDirectRoom(a, b, created, r.key);
    } else {
      const team = r.team !== undefined ? teams.get(r.team) : undefined;
      if (r.team !== undefined && !team) {
        throw new Error(`Scenario: room ${r.key} refers to unknown team ${r.team}`);
      }
      room = store.createRoom({
        key: r.key,
        type: 'group',
        title: r.title ?? r.key,
        teamUuid: team?.uuid,
        general: r.general === true && team !== undefined,
        creatorUuid: creator.uuid,
        created,
        isLocked: r.isLocked ?? false,
        isPublic: r.isPublic ?? false,
        isAnnouncementOnly: r.isAnnouncementOnly ?? false,
        isReadOnly: r.isReadOnly ?? false,
        description: r.description,
      });
      if (room.general && team) {
        team.generalRoomUuid = room.uuid;
      }
      const members = r.members.some((m) => m.email.toLowerCase() === r.creator.toLowerCase())
        ? r.members
        : [{ email: r.creator, isModerator: r.isLocked ?? false }, ...r.members];
      for (const m of members) {
        store.addMember(room, person(m.email, `room ${r.key}`).uuid, m.isModerator ?? false, created);
      }
    }
    rooms.set(r.key, room);
  }

  // Oldest first, so every room's list is built by appending and parents precede replies.
  const messages = scenario.messages.map((m, i) => ({ m, i, t: time(m.created, 0, `message ${m.key ?? i}`) }));
  messages.sort((a, b) => a.t - b.t || a.i - b.i);
  const byKey = new Map<string, MessageRec>();
  for (const { m, i, t } of messages) {
    const what = `message ${m.key ?? `#${i}`}`;
    const room = rooms.get(m.room);
    if (!room) {
      throw new Error(`Scenario: ${what} refers to unknown room ${m.room}`);
    }
    const author = person(m.author, what);
    if (!room.members.has(author.uuid)) {
      throw new Error(`Scenario: ${what}: ${m.author} is not a member of ${m.room}`);
    }
    const parent = m.parent !== undefined ? byKey.get(m.parent) : undefined;
    if (m.parent !== undefined && (!parent || parent.roomUuid !== room.uuid || parent.parentUuid)) {
      throw new Error(`Scenario: ${what}: parent ${m.parent} must be an earlier top-level message of the same room`);
    }
    const files = m.fileUrl ? [m.fileUrl] : [];
    if (m.file) {
      const data = m.file.base64 !== undefined ? Buffer.from(m.file.base64, 'base64') : Buffer.from(m.file.text ?? '', 'utf8');
      files.push(`content:${store.addContent(room.uuid, m.file.filename, m.file.contentType, data).uuid}`);
    }
    const rec = store.postMessage(
      room,
      author,
      {
        text: m.text,
        markdown: m.markdown,
        parent,
        files,
        attachments: m.attachments,
        created: t,
        updated: m.updated !== undefined ? time(m.updated, t, what) : undefined,
      },
      m.key ?? `${m.room}#${i}`,
    );
    if (m.key !== undefined) {
      byKey.set(m.key, rec);
    }
  }
  for (const [i, w] of (scenario.webhooks ?? []).entries()) {
    const owner = person(w.owner, `webhook ${w.name}`);
    const room = w.room !== undefined ? rooms.get(w.room) : undefined;
    if (w.room !== undefined && (!room || !room.members.has(owner.uuid))) {
      throw new Error(`Scenario: webhook ${w.name}: ${w.owner} is not a member of room ${w.room}`);
    }
    const filter = [room ? `roomId=${room.id}` : undefined, w.filter].filter(Boolean).join('&') || undefined;
    const uuid = store.uuids.named('webhook', `${i}:${w.name}`);
    store.webhooks.set(uuid, {
      uuid,
      id: encodeId('WEBHOOK', uuid),
      ownerUuid: owner.uuid,
      name: w.name,
      targetUrl: w.targetUrl,
      resource: w.resource,
      event: w.event,
      filter,
      secret: w.secret,
      status: w.status ?? 'active',
      created: time(w.created, DEFAULT_CREATED, `webhook ${w.name}`) + i,
      ownedBy: 'creator',
      failures: [],
    });
  }
  return store;
}
