/** GET /people/me, GET /people, GET /people/{id} (Webex messaging API, official OpenAPI spec). */
import { HttpError, page, parseMax, sendJson, sortByKey, type Ctx, type Route } from '../http';
import type { PersonRec } from '../store';
import { personJson } from '../views';
import { findPerson, isWellFormedId } from './common';

/** Webex API, GET /people: `id` takes up to 85 comma-separated ids. */
const MAX_IDS = 85;

function listPeople(ctx: Ctx): void {
  const email = ctx.query.get('email');
  const displayName = ctx.query.get('displayName');
  const ids = ctx.query.get('id');
  // Webex API: no PUT/POST here (admin only), and a non-admin must give email or displayName (or ids).
  if (!email && !displayName && !ids) {
    throw new HttpError(400, 'Email, displayName, or id list should be specified.');
  }
  const max = parseMax(ctx, { def: 100, limit: 1000, over: 'clamp' });
  if (ids) {
    const list = ids.split(',').map((s) => s.trim()).filter((s) => s !== '');
    if (list.length > MAX_IDS) {
      throw new HttpError(400, `At most ${MAX_IDS} ids may be given.`);
    }
    const found: PersonRec[] = [];
    const notFoundIds: string[] = [];
    for (const id of list) {
      const p = isWellFormedId(id) ? ctx.store.personById(id) : undefined;
      if (p) {
        found.push(p);
      } else {
        notFoundIds.push(id);
      }
    }
    sendJson(ctx, 200, { items: found.map(personJson), notFoundIds });
    return;
  }
  // Email and name search find people of the caller's own org only (Webex API, GET /people).
  const sameOrg = (p: PersonRec): boolean => p.orgKey === ctx.me.orgKey;
  let matches: PersonRec[];
  if (email) {
    const p = ctx.store.peopleByEmail.get(email.trim().toLowerCase());
    matches = p && sameOrg(p) ? [p] : [];
  } else {
    const prefix = (displayName ?? '').toLowerCase();
    // Webex API: displayName is a "starts with" match (case-insensitive here).
    matches = [...ctx.store.people.values()].filter((p) => sameOrg(p) && p.displayName.toLowerCase().startsWith(prefix));
  }
  const sorted = sortByKey(matches, (p) => [p.displayName.toLowerCase(), p.id]);
  const items = page(ctx, sorted, (p) => [p.displayName.toLowerCase(), p.id], max);
  sendJson(ctx, 200, { items: items.map(personJson) });
}

export const peopleRoutes: Route[] = [
  { path: /^\/people\/me$/, methods: { GET: (ctx) => sendJson(ctx, 200, personJson(ctx.me)) } },
  { path: /^\/people$/, methods: { GET: listPeople } },
  { path: /^\/people\/([^/]+)$/, methods: { GET: (ctx, [id]) => sendJson(ctx, 200, personJson(findPerson(ctx, id))) } },
];
