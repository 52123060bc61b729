import * as assert from 'node:assert/strict';
import type { LocalWebex } from '../server';
import { SMALL } from '../scenario';
import type { Message } from '../../../src/webex/types';
import { Api, decode, startSmall, type Items } from './helpers';

describe('sandbox: file uploads and contents', () => {
  let webex: LocalWebex;
  let ada: Api;
  let backend: string;

  before(async () => {
    webex = await startSmall({ maxUploadBytes: 4096 });
    ada = new Api(webex);
    backend = await ada.roomId(SMALL.rooms.backend);
  });
  after(() => webex.stop());

  function form(fields: Record<string, string>, files: Array<{ name: string; data: Uint8Array<ArrayBuffer>; type: string }>): FormData {
    const f = new FormData();
    for (const [k, v] of Object.entries(fields)) {
      f.append(k, v);
    }
    for (const file of files) {
      f.append('files', new Blob([file.data], { type: file.type }), file.name);
    }
    return f;
  }

  it('stores a multipart upload and serves it at {origin}/v1/contents/{id} with the token', async () => {
    const data = new TextEncoder().encode('fn main() {}\n');
    const r = await ada.call<Message>('POST', '/messages', form({ roomId: backend, text: 'the code' }, [{ name: 'main.rs', data, type: 'text/x-rust' }]));
    assert.equal(r.status, 200);
    assert.equal(r.body.files?.length, 1);
    const url = r.body.files?.[0] ?? '';
    assert.ok(url.startsWith(`${webex.origin}/v1/contents/`));
    assert.match(decode(url.split('/').pop() ?? ''), /^ciscospark:\/\/us\/CONTENT\//);
    const file = await fetch(url, { headers: { Authorization: `Bearer ${SMALL.ada.token}` } });
    assert.equal(file.status, 200);
    assert.equal(file.headers.get('content-type'), 'text/x-rust');
    assert.match(file.headers.get('content-disposition') ?? '', /^attachment; filename="main\.rs"/);
    assert.deepEqual(new Uint8Array(await file.arrayBuffer()), data);
    assert.equal((await ada.put(`/messages/${r.body.id}`, { roomId: backend, text: 'x' })).status, 400, 'no edits with files');
  });

  it('needs the token and room membership for a file', async () => {
    const { items } = await ada.ok<Items<Message>>(`/messages?roomId=${backend}`);
    const url = items.find((m) => m.text === 'Design notes attached.')?.files?.[0] ?? '';
    assert.equal((await fetch(url)).status, 401);
    const barbara = await fetch(url, { headers: { Authorization: `Bearer ${SMALL.barbara.token}` } });
    assert.equal(barbara.status, 404);
    const grace = await fetch(url, { headers: { Authorization: `Bearer ${SMALL.grace.token}` } });
    assert.equal(await grace.text(), '# Gateway design\n\n- one dispatcher\n- retries on 429\n');
  });

  it('keeps a non-ASCII filename', async () => {
    const r = await ada.call<Message>('POST', '/messages', form({ roomId: backend }, [{ name: 'résumé.txt', data: new Uint8Array([1, 2]), type: 'text/plain' }]));
    assert.equal(r.status, 200, r.text);
    const file = await fetch(r.body.files?.[0] ?? '', { headers: { Authorization: `Bearer ${SMALL.ada.token}` } });
    assert.match(file.headers.get('content-disposition') ?? '', /filename\*=UTF-8''r%C3%A9sum%C3%A9\.txt/);
  });

  it('rejects two files in one message', async () => {
    const one = { name: 'a.txt', data: new Uint8Array([97]), type: 'text/plain' };
    const r = await ada.call('POST', '/messages', form({ roomId: backend, text: 'two' }, [one, { ...one, name: 'b.txt' }]));
    assert.equal(r.status, 400);
  });

  it('rejects an upload over the limit, accepts one at the limit', async () => {
    const at = await ada.call('POST', '/messages', form({ roomId: backend }, [{ name: 'at.bin', data: new Uint8Array(4096), type: 'application/octet-stream' }]));
    assert.equal(at.status, 200);
    const over = await ada.call('POST', '/messages', form({ roomId: backend }, [{ name: 'big.bin', data: new Uint8Array(4097), type: 'application/octet-stream' }]));
    assert.equal(over.status, 400);
    // Far over the limit: the server stops keeping the body and still answers.
    const huge = await ada.call('POST', '/messages', form({ roomId: backend }, [{ name: 'huge.bin', data: new Uint8Array(512 * 1024), type: 'application/octet-stream' }]));
    assert.equal(huge.status, 400);
    assert.match(huge.body.message, /too large/);
  });

  it('applies the destination and emptiness rules to multipart too', async () => {
    const none = await ada.call('POST', '/messages', form({ text: 'nowhere' }, []));
    assert.equal(none.status, 400);
    assert.equal(none.body.message, 'Exactly one of the destination fields must not be empty (roomId, toPersonEmail, toPersonId)');
    const empty = await ada.call('POST', '/messages', form({ roomId: backend }, []));
    assert.equal(empty.body.message, 'Both text and file cannot be empty.');
  });
});
