// How an OAuth account's tokens sit in its secret, and that a pasted token is not mistaken for one.
import * as assert from 'node:assert/strict';
import { credentialsFromTokens, tokensFromCredentials } from '../../../../src/auth/oauth/oauthCredentials';
import { parseCredentials } from '../../../../src/services/accounts/accountRecords';
import { tokenRecordFromResponse } from '../../../../src/webex/oauth/tokens';

describe('oauth: stored credentials', () => {
  const now = Date.parse('2026-01-01T00:00:00.000Z');
  const tokens = tokenRecordFromResponse(
    { access_token: 'access-token-value', expires_in: 1209600, refresh_token: 'refresh-token-value', refresh_token_expires_in: 7776000, token_type: 'Bearer' },
    now,
    ['spark:rooms_read'],
  );

  it('turns a token answer into times and keeps the requested scopes when the answer has none', () => {
    assert.ok(tokens);
    assert.equal(tokens.expiresAt, '2026-01-15T00:00:00.000Z');
    assert.equal(tokens.refreshTokenExpiresAt, '2026-04-01T00:00:00.000Z');
    assert.deepEqual(tokens.scopes, ['spark:rooms_read']);
  });

  it('round-trips through the account secret (JSON) and the shared credentials parser', () => {
    assert.ok(tokens);
    const stored = JSON.stringify(credentialsFromTokens(tokens, 'Cclient'));
    const parsed = parseCredentials(stored);
    assert.equal(parsed?.accessToken, 'access-token-value');
    assert.deepEqual(tokensFromCredentials(parsed), { tokens, clientId: 'Cclient' });
  });

  it('does not read a pasted token, or OAuth credentials with a field missing, as an OAuth grant', () => {
    assert.equal(tokensFromCredentials({ version: 1, accessToken: 'pasted' }), undefined);
    assert.ok(tokens);
    const broken = { ...credentialsFromTokens(tokens, 'Cclient'), refreshTokenExpiresAt: 'not a date' };
    assert.equal(tokensFromCredentials(broken), undefined);
  });

  it('keeps the refresh token and its expiry when a refresh answer has no new refresh token', () => {
    assert.ok(tokens);
    const later = now + 3600_000;
    const refreshed = tokenRecordFromResponse({ access_token: 'next', expires_in: 60 }, later, [], tokens);
    assert.equal(refreshed?.refreshToken, 'refresh-token-value');
    assert.equal(refreshed?.refreshTokenExpiresAt, tokens.refreshTokenExpiresAt);
    assert.equal(refreshed?.expiresAt, new Date(later + 60_000).toISOString());
    assert.equal(tokenRecordFromResponse({ expires_in: 60 }, later, []), undefined, 'no access token');
  });
});
