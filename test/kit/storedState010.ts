/**
 * What version 0.1.0 of the extension stored, byte for byte: written by 0.1.0's own storage classes
 * (DraftStore, ReadState, DeviceLeases and the account records) for three accounts (Ada with a pasted
 * token and Build Bot on the commercial cloud, Grace through OAuth on FedRAMP), then frozen here. A
 * later version must read all of it unchanged, or migrate it once; `test/unit/services/storage/
 * storedState010.test.ts` proves it. Never regenerate it with newer code: it is a record of the past.
 *
 * The tokens are fixture strings, not real ones.
 */

/** Account ids: sha256 of "<base URL>\n<person id>", first 24 hex digits. */
export const ACCOUNT_IDS = { ada: '29e81862f03acaf62b56616f', bot: '08ddd5dbafa7443e42250aac', grace: '4f9b359356b68a6bfda577a1' } as const;

/** Spaces and a thread parent of Ada's drafts and outbox. */
export const IDS = {
  room1: 'Y2lzY29zcGFyazovL3VzL1JPT00vYTFiMmMzZDQtZTVmNi00YTdiLThjOWQtMGUxZjJhM2I0YzA1',
  room2: 'Y2lzY29zcGFyazovL3VzL1JPT00vYjJjM2Q0ZTUtZjZhNy00YjhjLTlkMGUtMWYyYTNiNGM1ZDA2',
  parent: 'Y2lzY29zcGFyazovL3VzL01FU1NBR0UvYzNkNGU1ZjYtYTdiOC00YzlkLThlMWYtMmEzYjRjNWQ2ZTA3',
} as const;

/** `context.globalState` (a Memento): drafts, outboxes, read marks and device leases. */
export const GLOBAL_STATE_0_1_0: Readonly<Record<string, unknown>> = {
  "webex.conversation.draft/29e81862f03acaf62b56616f/Y2lzY29zcGFyazovL3VzL1JPT00vYTFiMmMzZDQtZTVmNi00YTdiLThjOWQtMGUxZjJhM2I0YzA1": {
    "text": "Half a thought about the **cache**"
  },
  "webex.conversation.draft/29e81862f03acaf62b56616f/Y2lzY29zcGFyazovL3VzL1JPT00vYjJjM2Q0ZTUtZjZhNy00YjhjLTlkMGUtMWYyYTNiNGM1ZDA2": {
    "text": "Agreed, ship it",
    "parentId": "Y2lzY29zcGFyazovL3VzL01FU1NBR0UvYzNkNGU1ZjYtYTdiOC00YzlkLThlMWYtMmEzYjRjNWQ2ZTA3"
  },
  "webex.conversation.outbox/29e81862f03acaf62b56616f/Y2lzY29zcGFyazovL3VzL1JPT00vYTFiMmMzZDQtZTVmNi00YTdiLThjOWQtMGUxZjJhM2I0YzA1": [
    {
      "localId": "l-1732094100000-1",
      "markdown": "Deploy at 10?",
      "queued": "2026-11-20T09:15:00.000Z",
      "state": "sending"
    },
    {
      "localId": "l-1732094160000-2",
      "markdown": "Retrying the `build`",
      "parentId": "Y2lzY29zcGFyazovL3VzL01FU1NBR0UvYzNkNGU1ZjYtYTdiOC00YzlkLThlMWYtMmEzYjRjNWQ2ZTA3",
      "queued": "2026-11-20T09:16:00.000Z",
      "state": "failed",
      "error": "Webex did not answer (timeout).",
      "ambiguous": true
    }
  ],
  "webex.readState.v1.29e81862f03acaf62b56616f": {
    "version": 1,
    "baseline": 1793491200000,
    "rooms": {
      "Y2lzY29zcGFyazovL3VzL1JPT00vYTFiMmMzZDQtZTVmNi00YTdiLThjOWQtMGUxZjJhM2I0YzA1": 1795165200000
    },
    "attention": {
      "Y2lzY29zcGFyazovL3VzL1JPT00vYjJjM2Q0ZTUtZjZhNy00YjhjLTlkMGUtMWYyYTNiNGM1ZDA2": {
        "roomId": "Y2lzY29zcGFyazovL3VzL1JPT00vYjJjM2Q0ZTUtZjZhNy00YjhjLTlkMGUtMWYyYTNiNGM1ZDA2",
        "mentions": 1,
        "direct": 0,
        "last": 1795165800000
      }
    }
  },
  "webex.live.devices.v1": {
    "29e81862f03acaf62b56616f": [
      {
        "device": {
          "url": "https://wdm-a.wbx2.com/wdm/api/v1/devices/e5f6a7b8-c9d0-4e1f-a2b3-c4d5e6f7a809",
          "id": "e5f6a7b8-c9d0-4e1f-a2b3-c4d5e6f7a809",
          "webSocketUrl": "wss://mercury-connection-a.wbx2.com/v1/apps/wx2/registrations/e5f6a7b8-c9d0-4e1f-a2b3-c4d5e6f7a809/messages"
        },
        "holder": "window-7d3f",
        "renewed": 1795166040000
      },
      {
        "device": {
          "url": "https://wdm-a.wbx2.com/wdm/api/v1/devices/f6a7b8c9-d0e1-4f2a-b3c4-d5e6f7a8b90a",
          "id": "f6a7b8c9-d0e1-4f2a-b3c4-d5e6f7a8b90a",
          "webSocketUrl": "wss://mercury-connection-a.wbx2.com/v1/apps/wx2/registrations/f6a7b8c9-d0e1-4f2a-b3c4-d5e6f7a8b90a/messages"
        },
        "renewed": 1795107600000
      }
    ]
  }
};

/** The accounts index as 0.1.0 wrote it into SecretStorage (`webex.accounts`), before JSON.stringify. */
export const ACCOUNTS_INDEX_0_1_0 = {
  "version": 1,
  "accounts": [
    {
      "id": "08ddd5dbafa7443e42250aac",
      "baseUrl": "https://webexapis.com/v1",
      "personId": "Y2lzY29zcGFyazovL3VzL1BFT1BMRS8wYzlkOGU3Zi02YTViLTRjM2QtOGUyZi0xYTBiOWM4ZDdlMDI",
      "displayName": "Build Bot",
      "email": "buildbot@webex.bot",
      "personType": "bot",
      "kind": "token",
      "signedInAt": "2026-11-21T10:00:00.000Z"
    },
    {
      "id": "4f9b359356b68a6bfda577a1",
      "baseUrl": "https://api-usgov.webex.com/v1",
      "personId": "Y2lzY29zcGFyazovL3VzL1BFT1BMRS8zZTRmNWE2Yi03YzhkLTRlOWYtYTBiMS1jMmQzZTRmNWE2MDM",
      "displayName": "Grace Hopper",
      "email": "grace@example.com",
      "personType": "person",
      "kind": "oauth",
      "signedInAt": "2026-11-22T11:30:00.000Z"
    },
    {
      "id": "29e81862f03acaf62b56616f",
      "baseUrl": "https://webexapis.com/v1",
      "personId": "Y2lzY29zcGFyazovL3VzL1BFT1BMRS83ZjFjMmI5ZS00ZDNhLTRjNTEtOWEwZS0yYjZmOGQxZTVhMDE",
      "displayName": "Ada Lovelace",
      "email": "ada@example.com",
      "personType": "person",
      "kind": "token",
      "signedInAt": "2026-11-20T09:15:00.000Z"
    }
  ],
  "current": {
    "https://webexapis.com/v1": "29e81862f03acaf62b56616f",
    "https://api-usgov.webex.com/v1": "4f9b359356b68a6bfda577a1"
  }
};

/** `context.secrets` (SecretStorage): the index and each account's credentials are JSON strings. */
export const SECRETS_0_1_0: Readonly<Record<string, string>> = {
  'webex.accounts': JSON.stringify(ACCOUNTS_INDEX_0_1_0),
  'webex.account.29e81862f03acaf62b56616f': "{\"version\":1,\"accessToken\":\"fixture-token-ada\"}",
  'webex.account.08ddd5dbafa7443e42250aac': "{\"version\":1,\"accessToken\":\"fixture-token-buildbot\"}",
  'webex.account.4f9b359356b68a6bfda577a1': "{\"version\":1,\"accessToken\":\"fixture-access-grace\",\"refreshToken\":\"fixture-refresh-grace\",\"expiresAt\":\"2026-12-06T11:30:00.000Z\",\"refreshTokenExpiresAt\":\"2027-02-20T11:30:00.000Z\",\"scopes\":[\"spark:rooms_read\",\"spark:messages_write\"],\"obtainedAt\":\"2026-11-22T11:30:00.000Z\",\"clientId\":\"C0123456789abcdef\"}",
  'webex.oauth.clientSecret.C0123456789abcdef': "fixture-client-secret",
};
