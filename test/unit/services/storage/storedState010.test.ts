// The state version 0.1.0 left in globalState and SecretStorage, read by today's storage classes:
// every key of the fixture is read as it was (nothing migrated, nothing lost), reads write nothing,
// and today's writes go to the same keys.
import * as assert from 'node:assert/strict';
import { tokensFromCredentials } from '../../../../src/auth/oauth/oauthCredentials';
import { accountId, currentAccount, parseCredentials, parseIndex } from '../../../../src/services/accounts/accountRecords';
import { DraftStore, type Draft } from '../../../../src/services/conversation/drafts';
import { OutboxStore, type OutboxEntry } from '../../../../src/services/outbox/outboxStore';
import { DeviceLeases, LEASE_STALE_MS } from '../../../../src/services/live/deviceLeases';
import { ReadState } from '../../../../src/services/live/readState';
import { SettledStorage } from '../../../../src/services/storage/settledStorage';
import { MemoryStorage } from '../../../kit/memoryStorage';
import { ACCOUNTS_INDEX_0_1_0, ACCOUNT_IDS, GLOBAL_STATE_0_1_0, IDS, SECRETS_0_1_0 } from '../../../kit/storedState010';

const COMMERCIAL = 'https://webexapis.com/v1';
const FEDRAMP = 'https://api-usgov.webex.com/v1';

/** Ada's keys as 0.1.0 named them. */
const KEYS = {
  draft1: `webex.conversation.draft/${ACCOUNT_IDS.ada}/${IDS.room1}`,
  draft2: `webex.conversation.draft/${ACCOUNT_IDS.ada}/${IDS.room2}`,
  outbox1: `webex.conversation.outbox/${ACCOUNT_IDS.ada}/${IDS.room1}`,
  readState: `webex.readState.v1.${ACCOUNT_IDS.ada}`,
  devices: 'webex.live.devices.v1',
};

function stored<T>(key: string): T {
  assert.ok(key in GLOBAL_STATE_0_1_0, `the fixture has ${key}`);
  return GLOBAL_STATE_0_1_0[key] as T;
}

describe('storage: the state 0.1.0 stored', () => {
  let memento: MemoryStorage;
  /** What the extension reads globalState through. */
  let state: SettledStorage;

  beforeEach(() => {
    memento = new MemoryStorage(GLOBAL_STATE_0_1_0);
    state = new SettledStorage(memento, { settleMs: 0 });
  });

  it('covers every globalState key with a test below', () => {
    assert.deepEqual(Object.keys(GLOBAL_STATE_0_1_0).sort(), Object.values(KEYS).sort());
  });

  it('reads the accounts index: every account, and the current one of each cloud', () => {
    const index = parseIndex(SECRETS_0_1_0['webex.accounts']);
    assert.deepEqual(index, ACCOUNTS_INDEX_0_1_0);
    assert.equal(currentAccount(index, COMMERCIAL)?.id, ACCOUNT_IDS.ada);
    assert.equal(currentAccount(index, `${COMMERCIAL}/`)?.id, ACCOUNT_IDS.ada);
    assert.equal(currentAccount(index, FEDRAMP)?.id, ACCOUNT_IDS.grace);
    assert.deepEqual(
      index.accounts.map((a) => [a.email, a.personType, a.kind]),
      [
        ['buildbot@webex.bot', 'bot', 'token'],
        ['grace@example.com', 'person', 'oauth'],
        ['ada@example.com', 'person', 'token'],
      ],
    );
  });

  it('derives the same account ids, so signing in again finds the same drafts', () => {
    for (const account of ACCOUNTS_INDEX_0_1_0.accounts) {
      assert.equal(accountId(account.baseUrl, account.personId), account.id, account.email);
    }
  });

  it("reads each account's credentials: pasted tokens, and an OAuth grant with its integration", () => {
    const secret = (id: string): string | undefined => SECRETS_0_1_0[`webex.account.${id}`];
    assert.equal(parseCredentials(secret(ACCOUNT_IDS.ada))?.accessToken, 'fixture-token-ada');
    assert.equal(parseCredentials(secret(ACCOUNT_IDS.bot))?.accessToken, 'fixture-token-buildbot');
    assert.equal(tokensFromCredentials(parseCredentials(secret(ACCOUNT_IDS.ada))), undefined, 'a pasted token is no OAuth grant');
    const grant = tokensFromCredentials(parseCredentials(secret(ACCOUNT_IDS.grace)));
    assert.ok(grant, 'the OAuth grant is read');
    assert.equal(grant.clientId, 'C0123456789abcdef');
    assert.equal(grant.tokens.accessToken, 'fixture-access-grace');
    assert.equal(grant.tokens.refreshToken, 'fixture-refresh-grace');
    assert.equal(grant.tokens.expiresAt, '2026-12-06T11:30:00.000Z');
    assert.equal(grant.tokens.refreshTokenExpiresAt, '2027-02-20T11:30:00.000Z');
    assert.deepEqual(grant.tokens.scopes, ['spark:rooms_read', 'spark:messages_write']);
    assert.equal(SECRETS_0_1_0[`webex.oauth.clientSecret.${grant.clientId}`], 'fixture-client-secret', "the integration's secret sits under its client id");
  });

  it('reads the drafts and the outbox of each space unchanged', () => {
    const drafts = new DraftStore(state, ACCOUNT_IDS.ada);
    assert.deepEqual(drafts.getDraft(IDS.room1), stored<Draft>(KEYS.draft1));
    assert.deepEqual(drafts.getDraft(IDS.room2), stored<Draft>(KEYS.draft2));
    assert.equal(drafts.getDraft(IDS.room2)?.parentId, IDS.parent, 'a draft answering a thread keeps its thread');
    const outbox = new OutboxStore(state, ACCOUNT_IDS.ada).getOutbox(IDS.room1);
    assert.deepEqual(outbox, stored<OutboxEntry[]>(KEYS.outbox1));
    assert.deepEqual(
      outbox.map((e) => [e.localId, e.state, e.ambiguous === true]),
      [
        ['l-1732094100000-1', 'sending', false],
        ['l-1732094160000-2', 'failed', true],
      ],
      'an unconfirmed send stays "check before sending again"',
    );
    assert.deepEqual(new OutboxStore(state, ACCOUNT_IDS.bot).getOutbox(IDS.room1), [], "another account does not see Ada's outbox");
  });

  it('reads the read marks and what asks for attention', () => {
    const read = new ReadState(state, ACCOUNT_IDS.ada, () => Date.parse('2030-01-01T00:00:00.000Z'));
    assert.equal(read.lastRead(IDS.room1), Date.parse('2026-11-20T09:00:00.000Z'));
    assert.equal(read.lastRead(IDS.room2), Date.parse('2026-11-01T00:00:00.000Z'), "a space never read is read up to the account's baseline");
    assert.equal(read.isUnread({ id: IDS.room1, lastActivity: '2026-11-20T08:59:00.000Z' }), false);
    assert.equal(read.isUnread({ id: IDS.room2, lastActivity: '2026-10-01T00:00:00.000Z' }), true, 'an unread mention keeps the space unread');
    assert.equal(read.attentionCount, 1);
    assert.deepEqual(read.attention(), [{ roomId: IDS.room2, mentions: 1, direct: 0, last: Date.parse('2026-11-20T09:10:00.000Z') }]);
    read.dispose();
  });

  it("reads the device leases: this window's own device, and a released one for the next window", async () => {
    const renewed = Date.parse('2026-11-20T09:14:00.000Z');
    const devices = new DeviceLeases(state, ACCOUNT_IDS.ada, 'window-7d3f', () => renewed).devices();
    assert.deepEqual(
      devices.map((d) => d.id),
      ['e5f6a7b8-c9d0-4e1f-a2b3-c4d5e6f7a809', 'f6a7b8c9-d0e1-4f2a-b3c4-d5e6f7a8b90a'],
    );
    const own = await new DeviceLeases(state, ACCOUNT_IDS.ada, 'window-7d3f', () => renewed + 1000).load();
    assert.equal(own?.webSocketUrl, devices[0].webSocketUrl, 'the holder gets its own device back');
    const next = await new DeviceLeases(state, ACCOUNT_IDS.ada, 'window-new', () => renewed + 2000).load();
    assert.equal(next?.id, 'f6a7b8c9-d0e1-4f2a-b3c4-d5e6f7a8b90a', 'another window takes the released device, not the held one');
    const late = await new DeviceLeases(state, ACCOUNT_IDS.ada, 'window-late', () => renewed + 2000 + LEASE_STALE_MS + 1).load();
    assert.ok(late !== undefined, 'a lease not renewed for long is free again');
  });

  it('writes nothing back while reading', async () => {
    const drafts = new DraftStore(state, ACCOUNT_IDS.ada);
    drafts.getDraft(IDS.room1);
    new OutboxStore(state, ACCOUNT_IDS.ada).getOutbox(IDS.room1);
    new ReadState(state, ACCOUNT_IDS.ada).dispose();
    new DeviceLeases(state, ACCOUNT_IDS.ada, 'window-7d3f').devices();
    await new Promise((resolve) => setTimeout(resolve, 10));
    assert.deepEqual(memento.snapshot(), GLOBAL_STATE_0_1_0);
  });

  it("writes to 0.1.0's keys: clearing a draft, the outbox and the read marks removes exactly them", async () => {
    const drafts = new DraftStore(state, ACCOUNT_IDS.ada);
    await drafts.setDraft(IDS.room1, undefined);
    await new OutboxStore(state, ACCOUNT_IDS.ada).setOutbox(IDS.room1, []);
    const read = new ReadState(state, ACCOUNT_IDS.ada);
    await read.forget();
    read.dispose();
    await new DeviceLeases(state, ACCOUNT_IDS.ada, 'window-7d3f').save(undefined);
    assert.deepEqual(memento.keys().slice().sort(), [KEYS.devices, KEYS.draft2].sort());
    assert.deepEqual(
      (memento.get<Record<string, Array<{ device: { id: string } }>>>(KEYS.devices) ?? {})[ACCOUNT_IDS.ada].map((e) => e.device.id),
      ['f6a7b8c9-d0e1-4f2a-b3c4-d5e6f7a8b90a'],
      "saving no device drops only this window's lease",
    );
  });
});
