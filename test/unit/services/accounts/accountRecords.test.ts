import * as assert from 'node:assert/strict';
import {
  accountFromPerson,
  accountId,
  accountSecretKey,
  currentAccount,
  emptyIndex,
  normalizeBaseUrl,
  parseCredentials,
  parseIndex,
  withAccount,
  withoutAccount,
} from '../../../../src/services/accounts/accountRecords';
import type { Person } from '../../../../src/webex/types';

const COMMERCIAL = 'https://webexapis.com/v1';
const FEDRAMP = 'https://api-usgov.webex.com/v1';
const at = new Date('2026-03-01T00:00:00.000Z');

function person(id: string, name: string, type: Person['type'] = 'person'): Person {
  return { id, emails: [`${id}@example.com`], displayName: name, type };
}

describe('account records in SecretStorage', () => {
  it('derives a stable id per cloud and person, never containing the token', () => {
    assert.equal(accountId(COMMERCIAL, 'p1'), accountId(`${COMMERCIAL}/`, 'p1'));
    assert.notEqual(accountId(COMMERCIAL, 'p1'), accountId(FEDRAMP, 'p1'));
    assert.match(accountSecretKey(accountId(COMMERCIAL, 'p1')), /^webex\.account\.[0-9a-f]{24}$/);
  });

  it('keeps one current account per cloud', () => {
    const ada = accountFromPerson(COMMERCIAL, person('ada', 'Ada'), 'token', at);
    const bot = accountFromPerson(COMMERCIAL, person('bot', 'Bot', 'bot'), 'token', at);
    const fed = accountFromPerson(FEDRAMP, person('ada', 'Ada'), 'token', at);
    let index = withAccount(withAccount(withAccount(emptyIndex(), ada), fed), bot);
    assert.equal(currentAccount(index, COMMERCIAL)?.id, bot.id, 'the last sign-in is current');
    assert.equal(currentAccount(index, `${FEDRAMP}/`)?.id, fed.id);
    assert.equal(bot.personType, 'bot');

    index = withoutAccount(index, bot.id);
    assert.equal(currentAccount(index, COMMERCIAL)?.id, ada.id, 'another account of the cloud takes over');
    index = withoutAccount(index, ada.id);
    assert.equal(currentAccount(index, COMMERCIAL), undefined);
    assert.equal(currentAccount(index, FEDRAMP)?.id, fed.id, 'other clouds are untouched');
  });

  it('round-trips through JSON and ignores what it cannot read', () => {
    const ada = accountFromPerson(COMMERCIAL, person('ada', 'Ada'), 'token', at);
    const index = withAccount(emptyIndex(), ada);
    assert.deepEqual(parseIndex(JSON.stringify(index)), index);
    assert.deepEqual(parseIndex(undefined), emptyIndex());
    assert.deepEqual(parseIndex('not json'), emptyIndex());
    assert.deepEqual(parseIndex('{"version":2,"accounts":[]}'), emptyIndex());
    const broken = parseIndex(JSON.stringify({ version: 1, accounts: [{ id: 'x' }, ada], current: { [COMMERCIAL]: 'x' } }));
    assert.deepEqual(broken.accounts, [ada]);
    assert.deepEqual(broken.current, {}, 'a current id without its account is dropped');
  });

  it('reads credentials with room for OAuth fields', () => {
    assert.deepEqual(parseCredentials('{"version":1,"accessToken":"t"}'), { version: 1, accessToken: 't' });
    assert.equal(
      parseCredentials('{"version":1,"accessToken":"t","refreshToken":"r","expiresAt":"2026-03-01T00:00:00Z"}')?.refreshToken,
      'r',
    );
    assert.equal(parseCredentials('{"version":1,"accessToken":""}'), undefined);
    assert.equal(parseCredentials('{'), undefined);
    assert.equal(parseCredentials(undefined), undefined);
  });

  it('normalises base URLs', () => {
    assert.equal(normalizeBaseUrl(' https://webexapis.com/v1// '), COMMERCIAL);
  });
});
