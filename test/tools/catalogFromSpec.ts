/**
 * Writes src/services/console/catalogData.json, the API console's catalog of the messaging API,
 * from the official OpenAPI subset in ../shared/webex/ (run once by hand when the spec changes:
 * `npm run build:tests && node out/test/tools/catalogFromSpec.js`). Only facts are taken from the
 * spec (paths, methods, parameters, fields, types, enums, which are required); every description
 * is ours, from the tables below, kept short.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

type Json = Record<string, unknown>;

const ENDPOINT_DOCS: Record<string, string> = {
  'GET /rooms': 'Your spaces, newest first unless sortBy says otherwise.',
  'POST /rooms': 'Create a space; you become its first member.',
  'GET /rooms/{roomId}': 'One space by its id.',
  'PUT /rooms/{roomId}': 'Change a space (its title is always required).',
  'DELETE /rooms/{roomId}': 'Delete a space for everyone (moderators, or its creator).',
  'GET /teams': 'The teams you are in.',
  'POST /teams': 'Create a team (it gets a General space).',
  'GET /teams/{teamId}': 'One team by its id.',
  'PUT /teams/{teamId}': 'Rename a team or change its description.',
  'DELETE /teams/{teamId}': 'Delete a team.',
  'GET /memberships': 'Who is in a space (roomId), or your memberships everywhere.',
  'POST /memberships': 'Add a person to a space, by id or email.',
  'GET /memberships/{membershipId}': 'One membership by its id.',
  'PUT /memberships/{membershipId}': 'Make a member moderator or not; hide the space.',
  'DELETE /memberships/{membershipId}': 'Remove a person from a space (your own: leave it).',
  'GET /team/memberships': 'Who is in a team.',
  'POST /team/memberships': 'Add a person to a team.',
  'GET /team/memberships/{membershipId}': 'One team membership by its id.',
  'PUT /team/memberships/{membershipId}': 'Make a team member moderator or not.',
  'DELETE /team/memberships/{membershipId}': 'Remove a person from a team.',
  'GET /messages': 'Messages of a space, newest first (roomId is required).',
  'POST /messages': 'Post a message: to a space (roomId) or a person (toPersonId or toPersonEmail).',
  'GET /messages/direct': 'The 1:1 messages with one person.',
  'PUT /messages/{messageId}': 'Edit a message you posted.',
  'GET /messages/{messageId}': 'One message by its id.',
  'DELETE /messages/{messageId}': 'Delete a message.',
  'GET /people': 'Find people by email, name or ids.',
  'POST /people': 'Create a person (org admins only).',
  'GET /people/me': 'Who this token belongs to (a bot has type "bot").',
  'GET /people/{personId}': 'One person by their id.',
  'PUT /people/{personId}': 'Change a person (org admins only).',
  'DELETE /people/{personId}': 'Remove a person (org admins only).',
  'GET /webhooks': 'This identity’s webhooks.',
  'POST /webhooks': 'Register a webhook: Webex POSTs matching events to targetUrl.',
  'GET /webhooks/{webhookId}': 'One webhook by its id.',
  'PUT /webhooks/{webhookId}': 'Change a webhook; status "active" turns a disabled one back on.',
  'DELETE /webhooks/{webhookId}': 'Delete a webhook.',
  'POST /attachment/actions': 'Submit an Adaptive Card’s inputs (as the card’s reader).',
  'GET /attachment/actions/{id}': 'One card submission by its id.',
};

const FIELD_DOCS: Record<string, string> = {
  max: 'How many items per page; more come through the Link header.',
  teamId: 'The id of a team.',
  roomId: 'The id of a space.',
  type: 'The kind (see the allowed values).',
  orgPublicSpaces: 'List the public spaces of your organisation.',
  from: 'Only those active (or made) after this ISO time.',
  to: 'Only those active (or made) before this ISO time.',
  sortBy: 'Order of the list.',
  title: 'The space’s title.',
  classificationId: 'A data classification of the organisation.',
  isLocked: 'Only moderators manage people and the title.',
  isPublic: 'Anyone in the organisation can find and join it.',
  description: 'Free text shown with it.',
  isAnnouncementOnly: 'Only moderators may post.',
  isReadOnly: 'Nobody may post (compliance).',
  name: 'A name for it.',
  personId: 'The id of a person.',
  personEmail: 'A person’s email address.',
  isModerator: 'Whether the person is a moderator.',
  isRoomHidden: 'Hide the space from your own list.',
  parentId: 'The id of the thread’s first message (a reply).',
  mentionedPeople: 'Only messages mentioning these people: "me" or your own id.',
  before: 'Only messages before this ISO time.',
  beforeMessage: 'Only messages before the one with this id.',
  toPersonId: 'Post 1:1 to this person id.',
  toPersonEmail: 'Post 1:1 to this email address.',
  text: 'Plain text of the message (at most 7439 bytes).',
  markdown: 'Markdown of the message; shown instead of text where supported.',
  files: 'One public URL of a file to attach.',
  attachments: 'An Adaptive Card: [{ "contentType": "application/vnd.microsoft.card.adaptive", "content": {…} }].',
  email: 'An email address.',
  displayName: 'The full name shown.',
  id: 'Ids, comma separated.',
  orgId: 'The id of an organisation.',
  roles: 'Admin roles (ids).',
  callingData: 'Include calling details (slower).',
  locationId: 'The id of a location.',
  excludeStatus: 'Leave presence out (faster).',
  minResponse: 'Answer with less detail.',
  emails: 'Email addresses (one).',
  phoneNumbers: 'Phone numbers.',
  extension: 'A calling extension.',
  firstName: 'Given name.',
  lastName: 'Family name.',
  nickName: 'Nickname.',
  avatar: 'URL of the picture.',
  licenses: 'License ids.',
  department: 'Department.',
  manager: 'Manager’s name.',
  managerId: 'Manager’s person id.',
  addresses: 'Postal addresses.',
  siteUrls: 'Webex Meetings sites.',
  loginEnabled: 'Whether the person may sign in.',
  showAllTypes: 'Include all SIP addresses.',
  ownedBy: '"org" for an organisation-wide webhook (admins), else the creator’s.',
  targetUrl: 'Where Webex POSTs each event (must be reachable from the internet).',
  resource: 'What the webhook watches; "all" with event "all" is the firehose.',
  event: 'Which change; "all" for every one.',
  filter: 'Only matching events, e.g. roomId=…&mentionedPeople=me.',
  secret: 'Key Webex signs each delivery with (X-Spark-Signature, HMAC-SHA1).',
  status: '"active" turns a webhook Webex disabled back on.',
  messageId: 'The id of a message.',
  inputs: 'The card’s input values by id.',
};

// The webhooks guide (developer.webex.com "Webhooks": the firehose) allows "all", which the spec's enums omit.
const ALSO_ALLOWED: Record<string, string[]> = { resource: ['all'], event: ['all'] };

const specDir = process.env.WEBEX_REFERENCE_DIR ?? join(__dirname, '..', '..', '..', '..', 'shared', 'webex');
const spec = JSON.parse(readFileSync(join(specDir, 'webex-messaging.subset.openapi.json'), 'utf8')) as Json;

function resolve(node: unknown): Json {
  let current = node as Json;
  while (current && typeof current.$ref === 'string') {
    current = current.$ref.split('/').slice(1).reduce<Json>((at, key) => at[key] as Json, spec);
  }
  return current ?? {};
}

function field(name: string, schema: Json, required: boolean): Json {
  const type = typeof schema.type === 'string' ? schema.type : 'object';
  const out: Json = { name, type: type === 'integer' ? 'number' : type };
  if (required) {
    out.required = true;
  }
  const values = Array.isArray(schema.enum) ? [...(schema.enum as string[]), ...(ALSO_ALLOWED[name] ?? [])] : undefined;
  if (values) {
    out.enum = values;
  }
  out.doc = FIELD_DOCS[name] ?? '';
  return out;
}

const endpoints: Json[] = [];
for (const [path, ops] of Object.entries(spec.paths as Record<string, Json>)) {
  for (const method of ['get', 'post', 'put', 'delete', 'patch']) {
    const op = ops[method] as Json | undefined;
    if (!op) {
      continue;
    }
    const key = `${method.toUpperCase()} ${path}`;
    const query = ((op.parameters as unknown[]) ?? []).map(resolve).filter((p) => p.in === 'query').map((p) => field(p.name as string, resolve(p.schema), p.required === true));
    const endpoint: Json = { method: method.toUpperCase(), path, doc: ENDPOINT_DOCS[key] ?? '', query };
    const content = (resolve(op.requestBody).content as Record<string, Json> | undefined)?.['application/json'];
    if (content) {
      const schema = resolve(content.schema);
      const required = new Set((schema.required as string[] | undefined) ?? []);
      endpoint.body = Object.entries((schema.properties as Record<string, unknown>) ?? {}).map(([name, s]) => field(name, resolve(s), required.has(name)));
    }
    endpoints.push(endpoint);
  }
}
const out = join(__dirname, '..', '..', '..', 'src', 'services', 'console', 'catalogData.json');
writeFileSync(out, `${JSON.stringify({ source: 'webex-messaging.subset.openapi.json (facts only; descriptions ours)', endpoints }, null, 1)}\n`);
console.log(`${endpoints.length} endpoints → ${out}`);
