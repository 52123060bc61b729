// Accounts that last, in the real extension host against the local Webex: OAuth sign-in end
// to end (the consent page played over HTTP), a refresh before expiry, a revoked refresh token, a bot
// session, several accounts with a switcher, and signing out of one leaving the other.
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import type { WebexSession } from '../../src/auth/session';
import { Rest, childrenOf, clearRequests, labelOf, resetSandbox, sandboxRequests } from './sidebarFixture';
import {
  accountsTesting,
  eventually,
  forgetIntegrationSettings,
  registerIntegration,
  revokeGrants,
  setLifetimes,
  signInWithOAuth,
  signInWithToken,
  signOutEverywhere,
  tokenRequests,
  type AccountsTesting,
  type Integration,
} from './accountsFixture';

const ADA = 'ada@example.com';
const GRACE = 'grace@example.com';
const BOT = 'buildbot@webex.bot';
const EXPIRED = /Your Webex session has expired or was revoked/;

describe('Accounts: OAuth, refresh, bots, several accounts (real VS Code)', function () {
  this.timeout(60_000);
  let t: AccountsTesting;
  let session: WebexSession;
  let integration: Integration;

  before(async () => {
    t = await accountsTesting();
    session = t.services.session as WebexSession;
  });

  beforeEach(async () => {
    t.prompts.reset();
    t.browser.reset();
    await signOutEverywhere(t);
    await resetSandbox(); // also forgets every OAuth grant and client of the local Webex
    integration = await registerIntegration();
    t.prompts.reset();
  });

  afterEach(() => t.prompts.assertDone());

  after(async () => {
    await signOutEverywhere(t);
    await forgetIntegrationSettings();
  });

  const storedSecret = (key: string): Thenable<string | undefined> => t.services.context.secrets.get(key);

  it('signs in with OAuth end to end: consent, PKCE code exchange, tokens only in SecretStorage, the secret asked once', async () => {
    await signInWithOAuth(t, integration, ADA, { secretAsked: true });

    assert.equal(session.account?.kind, 'oauth');
    assert.match(t.prompts.notifications('info').at(-1)?.text ?? '', /Signed in to Webex as Ada Lovelace/);
    const opened = new URL(t.browser.opened[0] ?? 'http://x');
    assert.equal(opened.pathname, '/v1/authorize');
    assert.equal(opened.searchParams.get('redirect_uri'), integration.redirectUri);
    assert.equal(opened.searchParams.get('code_challenge_method'), 'S256');
    assert.ok(opened.searchParams.get('scope')?.split(' ').includes('spark:messages_write'));
    assert.deepEqual(
      (await tokenRequests()).map((r) => [r.grantType, r.status, r.codeVerifier, r.email]),
      [['authorization_code', 200, true, ADA]],
    );

    const credentials = (await storedSecret(`webex.account.${session.account?.id ?? ''}`)) ?? '';
    const token = session.accessToken() ?? '';
    assert.ok(token !== '' && credentials.includes(token) && credentials.includes('"refreshToken"'), 'tokens are in SecretStorage');
    assert.equal(await storedSecret(`webex.oauth.clientSecret.${integration.clientId}`), integration.clientSecret);
    const settings = JSON.stringify(vscode.workspace.getConfiguration('webex'));
    assert.ok(!settings.includes(token) && !settings.includes(integration.clientSecret), 'no token or secret in the settings');
    const spaces = (await childrenOf(t.views.spaces)).map((c) => labelOf(c.item));
    assert.ok(spaces.includes('Backend'), 'the views fill as Ada');

    // Signed out and in again: the client secret is not asked for a second time.
    await vscode.commands.executeCommand('webex.signOut');
    t.prompts.reset();
    await signInWithOAuth(t, integration, ADA, { secretAsked: false });
    assert.ok(!t.prompts.asked.some((p) => p.kind === 'input'), 'no secret prompt the second time');
  });

  it('refreshes the access token before it expires, without the user noticing', async () => {
    await setLifetimes({ accessTokenSeconds: 4 }); // refreshed in the second half of its life (2 s)
    await signInWithOAuth(t, integration, ADA, { secretAsked: true });
    const first = session.accessToken();
    t.prompts.reset();

    await eventually(async () => {
      await vscode.commands.executeCommand('webex.refresh');
      return (await tokenRequests()).some((r) => r.grantType === 'refresh_token' && r.status === 200);
    }, 'the extension refreshed its token');

    assert.notEqual(session.accessToken(), first);
    assert.equal(session.state, 'signedIn');
    assert.deepEqual(t.prompts.asked, [], 'nothing was asked or shown');
    const stored = (await storedSecret(`webex.account.${session.account?.id ?? ''}`)) ?? '';
    assert.ok(stored.includes(session.accessToken() ?? '<none>'), 'the new token is stored');
    await clearRequests();
    await vscode.commands.executeCommand('webex.refresh');
    const rooms = (await sandboxRequests()).filter((r) => r.path === '/v1/rooms');
    assert.ok(rooms.length > 0 && rooms.every((r) => r.status === 200 && r.personEmail === ADA), 'requests go on as Ada');
  });

  it('after a revoked refresh token asks once to sign in again, and forgets only that account', async () => {
    await signInWithToken(t, BOT, 'bot');
    await signInWithOAuth(t, integration, ADA, { secretAsked: true });
    t.prompts.reset();
    await revokeGrants(ADA); // the user removed the integration's access: refresh and access tokens stop working

    await vscode.commands.executeCommand('webex.refresh');
    await t.prompts.waitFor((p) => p.kind === 'notify' && EXPIRED.test(p.text));
    await eventually(() => session.account?.email === BOT, 'the other account is current');
    for (let i = 0; i < 3; i++) {
      await vscode.commands.executeCommand('webex.refresh');
    }
    assert.equal(t.prompts.notifications().filter((p) => EXPIRED.test(p.text)).length, 1, 'asked once');
    assert.equal((await tokenRequests()).filter((r) => r.grantType === 'refresh_token').length, 1, 'one refresh attempt');
    assert.deepEqual((await session.accounts()).map((a) => a.email), [BOT]);
    assert.deepEqual(t.prompts.notifications('error'), [], 'no storm of errors');
  });

  it('signs in a bot: the views show what the bot sees and a group conversation asks for mentionedPeople=me', async () => {
    await signInWithToken(t, BOT, 'bot');
    assert.equal(session.isBot, true);
    // What the local Webex answers the bot itself.
    const botRooms = await (await Rest.as(BOT)).items<{ id: string; title: string; type: string }>('/rooms?max=1000');
    const shown = (await childrenOf(t.views.spaces)).map((c) => labelOf(c.item)).sort();
    assert.deepEqual(shown, botRooms.map((r) => r.title).sort());

    const group = botRooms.find((r) => r.type === 'group');
    assert.ok(group, 'the bot is in a group space');
    await clearRequests();
    await vscode.commands.executeCommand('webex.openSpace', group.id);
    await eventually(
      async () => (await sandboxRequests()).some((r) => r.path === '/v1/messages' && r.query.roomId === group.id),
      'the conversation loaded',
    );
    const lists = (await sandboxRequests()).filter((r) => r.path === '/v1/messages' && r.query.roomId === group.id);
    assert.ok(lists.every((r) => r.query.mentionedPeople === 'me' && r.personEmail === BOT && r.status === 200), 'mentionedPeople=me as the bot');
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
  });

  it('keeps several accounts: both in the Accounts menu, a switcher, commands act as the current one', async () => {
    await signInWithOAuth(t, integration, ADA, { secretAsked: true });
    await signInWithToken(t, BOT, 'bot'); // "Add another account"
    assert.equal(session.account?.email, BOT, 'the account just added is current');
    const labels = (await vscode.authentication.getAccounts('webex')).map((a) => a.label).sort();
    assert.deepEqual(labels, [ADA, BOT].sort());

    t.prompts.reset();
    t.prompts.enqueue({ pick: 'Ada Lovelace' });
    await vscode.commands.executeCommand('webex.switchAccount');
    const pick = t.prompts.asked.find((p) => p.kind === 'pick');
    assert.deepEqual(pick?.choices, ['Ada Lovelace', 'Build Bot', 'Add another account…']);
    assert.equal(session.account?.email, ADA);
    assert.equal(session.isBot, false);

    await clearRequests();
    await vscode.commands.executeCommand('webex.refresh');
    const requests = (await sandboxRequests()).filter((r) => r.path.startsWith('/v1/'));
    assert.ok(requests.length > 0 && requests.every((r) => r.personEmail === ADA), 'the views reload as Ada');
    assert.ok((await childrenOf(t.views.spaces)).some((c) => labelOf(c.item) === 'Ada’s Notes'), 'Ada’s own spaces');
  });

  it('signs out of one account and leaves the other signed in', async () => {
    await signInWithToken(t, GRACE, 'token');
    await signInWithOAuth(t, integration, ADA, { secretAsked: true });
    const ada = session.account?.id;
    await vscode.commands.executeCommand('webex.signOut'); // the current one: Ada

    assert.equal(session.state, 'signedIn');
    assert.equal(session.account?.email, GRACE);
    assert.equal(await storedSecret(`webex.account.${ada ?? ''}`), undefined, 'Ada’s tokens are forgotten');
    assert.deepEqual((await vscode.authentication.getAccounts('webex')).map((a) => a.label), [GRACE]);
    const shown = (await childrenOf(t.views.spaces)).map((c) => labelOf(c.item));
    assert.ok(!shown.includes('Ada’s Notes') && shown.length > 0, 'the views show Grace’s spaces');
  });
});
