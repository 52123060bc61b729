// Sign-in, sign-out, the `webex` authentication provider and following other windows, in the real
// extension host against the local Webex.
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { BOT_NOTICE } from '../../src/views/registerViews';
import { whenChanged } from '../kit/until';
import { resetSandbox, Rest, tokenOf } from './fixtures/localWebex';
import { signInAs, testing, type Testing } from './fixtures/signedIn';
import { childrenOf, labelOf } from './fixtures/trees';

const ADA = 'ada@example.com';
const BOT = 'buildbot@webex.bot';

async function storedIndex(t: Testing): Promise<string | undefined> {
  return t.services.context.secrets.get('webex.accounts');
}

describe('Sign-in (real VS Code)', () => {
  let t: Testing;

  before(async () => {
    t = await testing();
    await resetSandbox();
    await t.services.session.ready();
  });

  beforeEach(async () => {
    t.prompts.reset();
    if (t.services.session.client) {
      await vscode.commands.executeCommand('webex.signOut');
    }
    t.prompts.reset();
  });

  afterEach(() => t.prompts.assertDone());

  it('starts signed out: the views are empty (the welcome shows) and there is no Accounts session', async () => {
    assert.equal(t.services.session.state, 'signedOut');
    assert.deepEqual(await childrenOf(t.views.spaces), []);
    assert.deepEqual(await childrenOf(t.views.teams), []);
    assert.deepEqual(await childrenOf(t.views.members), []);
    assert.deepEqual(await vscode.authentication.getAccounts('webex'), []);
  });

  it('refuses a wrong token with a clear message and stores nothing', async () => {
    t.prompts.enqueue({ input: 'not-a-real-token' });
    await vscode.commands.executeCommand('webex.signIn', 'token');
    const errors = t.prompts.notifications('error');
    assert.equal(errors.length, 1);
    assert.match(errors[0].text, /did not accept that access token \(401\)/);
    assert.ok(!errors[0].text.includes('not-a-real-token'), 'the token is not echoed');
    assert.equal(t.services.session.state, 'signedOut');
    const index = await storedIndex(t);
    assert.ok(index === undefined || !index.includes('"personId"'), 'no account stored');
    assert.deepEqual(await vscode.authentication.getAccounts('webex'), []);
  });

  it('says nothing and stores nothing when the token prompt is cancelled', async () => {
    t.prompts.enqueue({ input: undefined });
    await vscode.commands.executeCommand('webex.signIn', 'token');
    assert.deepEqual(t.prompts.notifications(), []);
    assert.equal(t.services.session.state, 'signedOut');
  });

  it('signs in with a valid token: who is signed in, the Accounts session, and only SecretStorage holds it', async () => {
    const token = await tokenOf(ADA);
    await signInAs(t, ADA);
    assert.equal(t.services.session.state, 'signedIn');
    assert.equal(t.services.session.me?.displayName, 'Ada Lovelace');
    assert.equal(t.services.session.isBot, false);
    assert.match(t.prompts.notifications('info')[0]?.text ?? '', /Signed in to Webex as Ada Lovelace/);
    assert.match(t.views.spacesView.description ?? '', /Ada Lovelace/);
    assert.equal(t.views.spacesView.message, undefined);

    // What the Accounts menu lists. (getSession from an extension, even this one, also needs the
    // user's consent per account in VS Code's access model, so it is not the check here.)
    const accounts = await vscode.authentication.getAccounts('webex');
    assert.deepEqual(accounts.map((a) => a.label), [ADA]);

    const stored = (await t.services.context.secrets.get(`webex.account.${t.services.session.account?.id ?? ''}`)) ?? '';
    assert.ok(stored.includes(token), 'the token is in SecretStorage');
    const index = (await storedIndex(t)) ?? '';
    assert.ok(index.includes(ADA) && !index.includes(token), 'the index names the account but holds no token');
    const settings = JSON.stringify(vscode.workspace.getConfiguration('webex'));
    assert.ok(!settings.includes(token), 'the token is not in the settings');
    // The views fill once signed in.
    const spaces = await childrenOf(t.views.spaces);
    assert.ok(spaces.some((c) => labelOf(c.item) === 'Backend'));
  });

  it('signs out: forgets the token, empties the views and the Accounts session', async () => {
    await signInAs(t, ADA);
    const id = t.services.session.account?.id;
    assert.ok(id);
    await vscode.commands.executeCommand('webex.signOut');
    assert.equal(t.services.session.state, 'signedOut');
    assert.equal(await t.services.context.secrets.get(`webex.account.${id}`), undefined);
    assert.deepEqual(await vscode.authentication.getAccounts('webex'), []);
    assert.deepEqual(await childrenOf(t.views.spaces), []);
    assert.match(t.prompts.notifications('info').at(-1)?.text ?? '', /Signed out of Webex/);
  });

  it('follows another window: a sign-in and a sign-out written to SecretStorage elsewhere', async () => {
    // What another window's sign-in writes: the credentials, then the index pointing at them.
    await signInAs(t, ADA);
    const index = await storedIndex(t);
    const id = t.services.session.account?.id ?? '';
    const credentials = await t.services.context.secrets.get(`webex.account.${id}`);
    await vscode.commands.executeCommand('webex.signOut');
    t.prompts.reset();
    assert.ok(index && credentials);

    const session = t.services.session;
    await t.services.context.secrets.store(`webex.account.${id}`, credentials);
    await t.services.context.secrets.store('webex.accounts', index);
    await whenChanged(session.onDidChange, () => session.state === 'signedIn');
    assert.equal(session.me?.displayName, 'Ada Lovelace');

    await t.services.context.secrets.delete('webex.accounts');
    await whenChanged(session.onDidChange, () => session.state === 'signedOut');
    assert.equal(session.client, undefined);
    await t.services.context.secrets.delete(`webex.account.${id}`);
    assert.deepEqual(t.prompts.notifications(), [], 'following another window is silent');
  });

  it('signs in a bot and says what a bot sees', async () => {
    await signInAs(t, BOT);
    assert.equal(t.services.session.isBot, true);
    assert.equal(t.views.spacesView.message, BOT_NOTICE);
    assert.match(t.views.spacesView.description ?? '', /\(bot\)/);
    assert.match(t.prompts.notifications('info')[0]?.text ?? '', /bot: in group spaces it sees only the messages that mention it/);
    const spaces = (await childrenOf(t.views.spaces)).map((c) => labelOf(c.item));
    // The bot's spaces, checked against what the local Webex answers the bot.
    const expected = (await (await Rest.as(BOT)).items<{ title: string }>('/rooms')).map((r) => r.title).sort();
    assert.deepEqual([...spaces].sort(), expected);
  });

  it('follows webex.apiBaseUrl: another cloud has its own account, switching back restores this one', async () => {
    await signInAs(t, ADA);
    const config = vscode.workspace.getConfiguration('webex');
    const original = config.inspect<string>('apiBaseUrl')?.globalValue;
    assert.ok(original);
    const session = t.services.session;
    // The same local Webex under another name counts as another cloud: no account there yet.
    const other = original.replace('127.0.0.1', 'localhost');
    try {
      await config.update('apiBaseUrl', other, vscode.ConfigurationTarget.Global);
      await whenChanged(session.onDidChange, () => session.state === 'signedOut');
      assert.deepEqual(await childrenOf(t.views.spaces), []);
      await signInAs(t, 'grace@example.com');
      assert.equal(session.me?.displayName, 'Grace Hopper');
      assert.equal(t.services.session.account?.baseUrl, other);
    } finally {
      await config.update('apiBaseUrl', original, vscode.ConfigurationTarget.Global);
    }
    await whenChanged(session.onDidChange, () => session.me?.displayName === 'Ada Lovelace');
    assert.equal(session.state, 'signedIn');
    assert.ok((await childrenOf(t.views.spaces)).some((c) => labelOf(c.item) === 'Backend'));
    // Leave no second account behind for the other tests.
    await config.update('apiBaseUrl', other, vscode.ConfigurationTarget.Global);
    await whenChanged(session.onDidChange, () => session.me?.displayName === 'Grace Hopper');
    await vscode.commands.executeCommand('webex.signOut');
    await config.update('apiBaseUrl', original, vscode.ConfigurationTarget.Global);
    await whenChanged(session.onDidChange, () => session.me?.displayName === 'Ada Lovelace');
  });
});
