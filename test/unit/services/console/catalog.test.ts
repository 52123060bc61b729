// The API console's catalog of the messaging API: its endpoints, and the diagnostics it gives.
import * as assert from 'node:assert/strict';
import { ENDPOINTS, checkRequest, endpointsOf, findEndpoint, maskVariables, pathOf } from '../../../../src/services/console/catalog';
import { parseRequestFile } from '../../../../src/services/console/requestFile';

function problemsOf(text: string): string[] {
  const file = parseRequestFile(text);
  const lines = text.split('\n');
  return file.requests.flatMap((r) => checkRequest(r, '/v1/', lines)).map((p) => `${p.line}:${p.start}-${p.end}:${p.severity}:${p.message}`);
}

describe('API console: catalog', () => {
  it('has the messaging endpoints, with descriptions of its own and "all" for webhooks', () => {
    assert.ok(ENDPOINTS.length >= 39);
    assert.ok(ENDPOINTS.every((e) => e.doc !== ''), 'every endpoint described');
    const webhook = findEndpoint('POST', '/webhooks');
    assert.ok(webhook?.body?.find((f) => f.name === 'resource')?.enum?.includes('all'));
    assert.ok(webhook?.body?.find((f) => f.name === 'event')?.enum?.includes('all'));
  });

  it('finds endpoints by path, literal segments first, variables matching ids', () => {
    assert.deepEqual(endpointsOf('/messages/direct').map((e) => e.method), ['GET']);
    assert.deepEqual(endpointsOf('/rooms/{{id}}').map((e) => e.method).sort(), ['DELETE', 'GET', 'PUT']);
    assert.equal(pathOf('http://127.0.0.1:9/v1/rooms/abc?max=1', '/v1/'), '/rooms/abc');
    assert.equal(pathOf('/rooms/', '/v1/'), '/rooms');
  });

  it('says nothing about a correct request', () => {
    assert.deepEqual(problemsOf('GET /rooms?max=2&type=group\n###\nPOST /rooms\n\n{ "title": "A", "isLocked": true }'), []);
    assert.deepEqual(problemsOf('POST /messages\n\n{ "roomId": "{{createRoom.response.body.id}}", "markdown": "**hi**" }'), []);
  });

  it('flags unknown paths, methods, query parameters and fields, missing required ones and bad enum values', () => {
    const p = problemsOf(
      [
        'GET /roomz', // 0
        '###',
        'PATCH /rooms', // 2
        '###',
        'GET /rooms?maxx=2&type=public', // 4
        '###',
        'GET /messages?max=2', // 6
        '###',
        'POST /webhooks', // 8
        '',
        '{ "name": "n", "targetUrl": "https://x.example/", "resource": "messagez", "event": "all", "colour": 1 }',
        '###',
        'POST /rooms', // 12
        '',
        '{ "title": 5 }',
      ].join('\n'),
    );
    const has = (re: RegExp): void => assert.ok(p.some((m) => re.test(m)), `${re} in\n${p.join('\n')}`);
    has(/^0:4-10:warning:\/roomz is not in the catalog/);
    has(/^2:6-12:warning:\/rooms takes GET, POST, not PATCH/);
    has(/^4:11-15:warning:GET \/rooms has no query parameter "maxx"/);
    has(/^4:\d+-\d+:error:type must be one of direct, group/);
    has(/^6:\d+-\d+:error:GET \/messages needs the query parameter roomId/);
    has(/^10:\d+-\d+:error:"resource" must be one of attachmentActions/);
    has(/^10:\d+-\d+:error:POST \/webhooks has no field "colour"/);
    has(/^14:.*:error:"title" is a string, not a number/);
    assert.ok(!p.some((m) => /"event"/.test(m)), 'event "all" is allowed');
  });

  it('reports a broken JSON body as a diagnostic', () => {
    const p = problemsOf('POST /rooms\n\n{ "title": ');
    assert.equal(p.length, 1);
    assert.match(p[0], /^2:0-\d+:error:The body is not valid JSON/);
  });

  it('masks variables so a body with them still parses', () => {
    const masked = maskVariables('{ "a": "x{{v}}", "b": {{n}}, "c": "\\"{{w}}" }');
    const parsed = JSON.parse(masked) as Record<string, string>;
    assert.deepEqual(Object.keys(parsed), ['a', 'b', 'c']);
  });
});
