/**
 * Webhooks: Create (a guided flow, or the Firehose preset), Edit (name, target, secret), Delete,
 * Reactivate and Copy ID. Every dialog goes through `services.prompts`; secrets are generated here
 * and kept only in SecretStorage (webhookSecrets.ts).
 */
import * as vscode from 'vscode';
import type { ExtensionServices } from '../extensionServices';
import { FILTER_KEYS, RESOURCE_EVENTS, filterProblem, type MessagingResource } from '../services/webhooks/filters';
import type { WebexClient } from '../webex/client';
import { checkTargetUrl, type Webhook, type WebhookCreateParams } from '../webex/webhooks';
import type { WebhookNode, WebhooksProvider } from '../views/webhooks/webhooksProvider';
import { withProgress } from './progress';
import { pickSpace } from './targets';
import type { WebhookListener } from './webhookListener';
import { generateSecret, type WebhookSecrets } from './webhookSecrets';
import { CommandId } from './commandIds';

export interface WebhookCommandDeps {
  services: ExtensionServices;
  provider: WebhooksProvider;
  secrets: WebhookSecrets;
  listener: WebhookListener;
}

type ResourceChoice = MessagingResource | 'firehose';

const RESOURCE_ITEMS: Array<vscode.QuickPickItem & { resource: ResourceChoice }> = [
  { label: vscode.l10n.t('Firehose'), description: vscode.l10n.t('all/all and attachmentActions/created: every event, card submissions too'), resource: 'firehose' },
  { label: 'messages', description: vscode.l10n.t('messages posted, edited, deleted'), resource: 'messages' },
  { label: 'memberships', description: vscode.l10n.t('people added to, changed in, removed from spaces'), resource: 'memberships' },
  { label: 'rooms', description: vscode.l10n.t('spaces created, updated, deleted'), resource: 'rooms' },
  { label: 'attachmentActions', description: vscode.l10n.t('card submissions'), resource: 'attachmentActions' },
  { label: 'all', description: vscode.l10n.t('memberships, messages and rooms'), resource: 'all' },
];

/** Webex's cloud cannot POST to this machine: only a tunnel's public URL reaches it (developer.webex.com/docs/api/guides/webhooks: the target must be reachable from Webex's cloud). */
export function isLocalTarget(url: URL): boolean {
  const host = url.hostname.replace(/^\[|\]$/g, '');
  return host === 'localhost' || host === '::1' || host.startsWith('127.');
}

const nonEmptyName = (v: string): string | undefined => (v.trim() === '' ? 'The name cannot be empty.' : undefined);

function urlProblem(value: string): string | undefined {
  try {
    checkTargetUrl(value);
    return undefined;
  } catch (error) {
    return error instanceof Error ? error.message : String(error);
  }
}

async function askTargetUrl(deps: WebhookCommandDeps, title: string, value: string): Promise<string | undefined> {
  const url = await deps.services.prompts.input({
    title,
    prompt: vscode.l10n.t('The URL Webex POSTs each event to (http or https)'),
    value,
    validateInput: urlProblem,
  });
  if (url !== undefined && isLocalTarget(checkTargetUrl(url))) {
    void deps.services.prompts.notify(
      'warning',
      vscode.l10n.t('Webex cannot reach localhost or 127.0.0.1 from the internet: run a tunnel (e.g. ngrok) and use its public URL. The local Webex does deliver to this machine.'),
    );
  }
  return url?.trim();
}

/** A filter for the resource: a space from the sidebar, a person by email, mentions of me, typed, or none. */
async function askFilter(deps: WebhookCommandDeps, resource: MessagingResource, title: string): Promise<string | null | undefined> {
  const keys = FILTER_KEYS[resource];
  if (Object.keys(keys).length === 0) {
    return null;
  }
  type Choice = vscode.QuickPickItem & { choice: 'none' | 'space' | 'email' | 'me' | 'group' | 'direct' | 'typed' };
  const items: Choice[] = [{ label: vscode.l10n.t('No filter'), description: vscode.l10n.t('every event'), choice: 'none' }];
  if ('roomId' in keys) {
    items.push({ label: vscode.l10n.t('In a space…'), description: 'roomId', choice: 'space' });
  }
  if ('mentionedPeople' in keys) {
    items.push({ label: vscode.l10n.t('Mentioning me'), description: vscode.l10n.t('mentionedPeople=me'), choice: 'me' });
  }
  if ('personEmail' in keys) {
    items.push({ label: vscode.l10n.t('Of a person…'), description: 'personEmail', choice: 'email' });
  }
  if ('type' in keys) {
    items.push({ label: vscode.l10n.t('Group spaces'), description: vscode.l10n.t('type=group'), choice: 'group' }, { label: vscode.l10n.t('Direct spaces'), description: vscode.l10n.t('type=direct'), choice: 'direct' });
  }
  items.push({ label: vscode.l10n.t('Type a filter…'), description: Object.keys(keys).join(', '), choice: 'typed' });
  const chosen = await deps.services.prompts.pick(items, { title, placeHolder: vscode.l10n.t('Which events? (filters are joined with &)') });
  switch (chosen?.choice) {
    case undefined:
      return undefined;
    case 'none':
      return null;
    case 'me':
      return 'mentionedPeople=me';
    case 'group':
    case 'direct':
      return `type=${chosen.choice}`;
    case 'space': {
      const room = await pickSpace(deps.services, { title: vscode.l10n.t('{0}: the space', title) });
      return room ? `roomId=${room.id}` : undefined;
    }
    case 'email': {
      const email = await deps.services.prompts.input({ title, prompt: vscode.l10n.t('The person’s email address'), validateInput: (v) => filterProblem(resource, `personEmail=${v.trim()}`) });
      return email === undefined ? undefined : `personEmail=${email.trim()}`;
    }
    case 'typed': {
      const typed = await deps.services.prompts.input({ title, prompt: vscode.l10n.t('key=value pairs joined with & ({0})', Object.keys(keys).join(', ')), validateInput: (v) => filterProblem(resource, v) });
      return typed === undefined ? undefined : typed.trim() || null;
    }
  }
}

/** Creates one webhook with a fresh secret kept in SecretStorage. */
async function createOne(deps: WebhookCommandDeps, client: WebexClient, params: Omit<WebhookCreateParams, 'secret'>, signal: AbortSignal): Promise<Webhook> {
  const account = deps.services.session.account;
  if (!account) {
    throw new Error('Not signed in.');
  }
  const secret = generateSecret();
  const made = await client.webhooks.create({ ...params, secret }, { signal });
  await deps.secrets.store(account.id, made, secret);
  deps.services.log.info(`Created webhook ${made.id} (${made.resource}/${made.event})`);
  return made;
}

async function createWebhook(deps: WebhookCommandDeps): Promise<Webhook[] | undefined> {
  const { services } = deps;
  const client = await services.session.requireClient();
  if (!client) {
    return undefined;
  }
  const title = 'Create Webhook';
  const resourceItem = await services.prompts.pick(RESOURCE_ITEMS, { title, placeHolder: vscode.l10n.t('Which resource?') });
  if (!resourceItem) {
    return undefined;
  }
  const resource = resourceItem.resource;
  let event = 'all';
  let filter: string | null | undefined = null;
  if (resource !== 'firehose') {
    const events = RESOURCE_EVENTS[resource];
    const picked = events.length === 1 ? { label: events[0] } : await services.prompts.pick(events.map((e) => ({ label: e })), { title, placeHolder: vscode.l10n.t('Which {0} events?', resource) });
    if (!picked) {
      return undefined;
    }
    event = picked.label;
    filter = await askFilter(deps, resource, title);
    if (filter === undefined) {
      return undefined;
    }
  }
  const targetUrl = await askTargetUrl(deps, title, deps.listener.url ?? 'https://');
  if (targetUrl === undefined) {
    return undefined;
  }
  const name = await services.prompts.input({
    title,
    prompt: vscode.l10n.t('A name for the webhook'),
    value: resource === 'firehose' ? 'Firehose' : `${resource} ${event}`,
    validateInput: nonEmptyName,
  });
  if (name === undefined) {
    return undefined;
  }
  try {
    const made = await withProgress(vscode.l10n.t('Creating the webhook “{0}”…', name.trim()), async (signal) => {
      if (resource === 'firehose') {
        // The firehose leaves out card submissions, which need their own webhook (Webhooks guide).
        const all = await createOne(deps, client, { name: name.trim(), targetUrl, resource: 'all', event: 'all' }, signal);
        const cards = await createOne(deps, client, { name: `${name.trim()} (cards)`, targetUrl, resource: 'attachmentActions', event: 'created' }, signal);
        return [all, cards];
      }
      return [await createOne(deps, client, { name: name.trim(), targetUrl, resource, event, filter: filter ?? undefined }, signal)];
    });
    deps.provider.reload();
    void services.prompts.notify('info', vscode.l10n.t('Created {0}. Its secret is kept in VS Code\'s secret storage.', made.map((w) => `“${w.name}”`).join(' and ')));
    return made;
  } catch (error) {
    services.errors.show(error, 'Could not create the webhook');
    return undefined;
  }
}

/** The webhook of a tree item, or one picked from the view's list. */
async function webhookOf(deps: WebhookCommandDeps, arg: unknown, title: string, only?: (w: Webhook) => boolean): Promise<Webhook | undefined> {
  const node = arg as Partial<WebhookNode> | undefined;
  if (node?.webhook) {
    return node.webhook;
  }
  if (!(await deps.services.session.requireClient())) {
    return undefined;
  }
  const list = (await deps.provider.ensureLoaded()).filter(only ?? (() => true));
  const chosen = await deps.services.prompts.pick(
    list.map((w) => ({ label: w.name, description: `${w.resource}/${w.event}${w.status === 'inactive' ? ' · inactive' : ''}`, webhook: w })),
    { title, placeHolder: list.length === 0 ? vscode.l10n.t('No webhooks') : vscode.l10n.t('Choose a webhook') },
  );
  return chosen?.webhook;
}

/** The client, the webhook (of the tree item or picked) and the account, or undefined when any is missing. */
async function target(
  deps: WebhookCommandDeps,
  arg: unknown,
  title: string,
  only?: (w: Webhook) => boolean,
): Promise<{ client: WebexClient; w: Webhook; account: { id: string } } | undefined> {
  const client = await deps.services.session.requireClient();
  const w = client ? await webhookOf(deps, arg, title, only) : undefined;
  const account = deps.services.session.account;
  return client && w && account ? { client, w, account } : undefined;
}

async function editWebhook(deps: WebhookCommandDeps, arg: unknown): Promise<void> {
  const { services } = deps;
  const chosen = await target(deps, arg, 'Edit Webhook');
  if (!chosen) {
    return;
  }
  const { client, w, account } = chosen;
  const title = `Edit Webhook “${w.name}”`;
  const what = await services.prompts.pick(
    [{ label: vscode.l10n.t('Name'), choice: 'name' as const }, { label: vscode.l10n.t('Target URL'), choice: 'target' as const }, { label: vscode.l10n.t('New secret'), description: vscode.l10n.t('generate another and keep it in secret storage'), choice: 'secret' as const }],
    { title, placeHolder: vscode.l10n.t('What to change?') },
  );
  if (!what) {
    return;
  }
  let name = w.name;
  let targetUrl = w.targetUrl;
  let secret: string | undefined;
  if (what.choice === 'name') {
    const typed = await services.prompts.input({ title, prompt: vscode.l10n.t('The new name'), value: w.name, validateInput: nonEmptyName });
    if (typed === undefined) {
      return;
    }
    name = typed.trim();
  } else if (what.choice === 'target') {
    const typed = await askTargetUrl(deps, title, w.targetUrl);
    if (typed === undefined) {
      return;
    }
    targetUrl = typed;
  } else {
    secret = generateSecret();
  }
  try {
    const updated = await withProgress(vscode.l10n.t('Updating the webhook “{0}”…', w.name), (signal) => client.webhooks.update(w.id, { name, targetUrl, secret }, { signal }));
    if (secret !== undefined) {
      await deps.secrets.store(account.id, updated, secret);
    }
    deps.secrets.rename(updated.id, updated.name);
    deps.provider.reload();
    void services.prompts.notify('info', vscode.l10n.t('Updated the webhook “{0}”.', updated.name));
  } catch (error) {
    services.errors.show(error, 'Could not update the webhook');
  }
}

async function deleteWebhook(deps: WebhookCommandDeps, arg: unknown): Promise<void> {
  const { services } = deps;
  const chosen = await target(deps, arg, 'Delete Webhook');
  if (!chosen) {
    return;
  }
  const { client, w, account } = chosen;
  const yes = await services.prompts.confirm(vscode.l10n.t('Delete the webhook “{0}”?', w.name), { detail: vscode.l10n.t('{0}/{1} → {2}. Webex stops sending its events.', w.resource, w.event, w.targetUrl), action: vscode.l10n.t('Delete') });
  if (!yes) {
    return;
  }
  try {
    await withProgress(vscode.l10n.t('Deleting the webhook “{0}”…', w.name), (signal) => client.webhooks.delete(w.id, { signal }));
    await deps.secrets.delete(account.id, w.id);
    deps.provider.reload();
    void services.prompts.notify('info', vscode.l10n.t('Deleted the webhook “{0}”.', w.name));
  } catch (error) {
    services.errors.show(error, 'Could not delete the webhook');
  }
}

async function reactivateWebhook(deps: WebhookCommandDeps, arg: unknown): Promise<void> {
  const { services } = deps;
  const chosen = await target(deps, arg, 'Reactivate Webhook', (x) => x.status === 'inactive');
  if (!chosen) {
    return;
  }
  const { client, w } = chosen;
  try {
    const updated = await withProgress(vscode.l10n.t('Reactivating the webhook “{0}”…', w.name), (signal) => client.webhooks.reactivate(w, { signal }));
    deps.provider.reload();
    void services.prompts.notify('info', vscode.l10n.t('The webhook “{0}” is {1} again.', updated.name, updated.status));
  } catch (error) {
    services.errors.show(error, 'Could not reactivate the webhook');
  }
}

export function registerWebhookCommands(deps: WebhookCommandDeps): vscode.Disposable {
  return vscode.Disposable.from(
    vscode.commands.registerCommand(CommandId.createWebhook, () => createWebhook(deps)),
    vscode.commands.registerCommand(CommandId.editWebhook, (arg?: unknown) => editWebhook(deps, arg)),
    vscode.commands.registerCommand(CommandId.deleteWebhook, (arg?: unknown) => deleteWebhook(deps, arg)),
    vscode.commands.registerCommand(CommandId.reactivateWebhook, (arg?: unknown) => reactivateWebhook(deps, arg)),
    vscode.commands.registerCommand(CommandId.copyWebhookId, async (arg?: unknown) => {
      const w = await webhookOf(deps, arg, 'Copy Webhook ID');
      if (w) {
        await vscode.env.clipboard.writeText(w.id);
      }
    }),
    vscode.commands.registerCommand(CommandId.refreshWebhooks, () => deps.provider.reload()),
    vscode.commands.registerCommand(CommandId.loadMoreWebhooks, async () => {
      try {
        await deps.provider.loadMore();
      } catch (error) {
        deps.services.errors.show(error, 'Could not load more webhooks');
      }
    }),
  );
}
