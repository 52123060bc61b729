// The API console's request files (REST Client's .http syntax) and their variables, in plain Node.
import * as assert from 'node:assert/strict';
import { parseRequestFile, requestAt } from '../../../../src/services/console/requestFile';
import { resolveVariables, type StoredResponse } from '../../../../src/services/console/variables';
import { buildRequest, targetUrl } from '../../../../src/services/console/consoleRequest';

const BASE = 'http://127.0.0.1:4010/v1';

const FILE = [
  '@title = Demo {{suffix}}',
  '@suffix = space',
  '',
  '# @name createRoom',
  'POST /rooms',
  'Content-Type: application/json',
  '',
  '{ "title": "{{title}}" }',
  '',
  '###',
  '',
  '// @name listMessages',
  'GET /messages',
  '  ?roomId={{createRoom.response.body.id}}',
  '  &max=2',
  '',
  '###',
  '/people/me',
].join('\n');

describe('API console: request files', () => {
  it('reads requests between ###, with names, headers, bodies and query lines', () => {
    const file = parseRequestFile(FILE);
    assert.deepEqual(file.problems, []);
    assert.equal(file.requests.length, 3);
    const [create, list, me] = file.requests;
    assert.equal(create.name, 'createRoom');
    assert.equal(create.method, 'POST');
    assert.equal(create.target, '/rooms');
    assert.deepEqual(create.headers.map((h) => [h.name, h.value]), [['Content-Type', 'application/json']]);
    assert.deepEqual(create.body, { text: '{ "title": "{{title}}" }', line: 7 });
    assert.equal(list.name, 'listMessages');
    assert.equal(list.target, '/messages?roomId={{createRoom.response.body.id}}&max=2');
    assert.equal(list.body, undefined);
    assert.equal(me.method, 'GET', 'a request line without a method is a GET');
    assert.deepEqual(file.variables.map((v) => [v.name, v.value]), [['title', 'Demo {{suffix}}'], ['suffix', 'space']]);
    assert.equal(requestAt(file, 13)?.index, 1);
    assert.equal(requestAt(file, 17)?.index, 2);
  });

  it('refuses unknown methods, Authorization and Host headers, {{$token}} and bad header lines', () => {
    const file = parseRequestFile(['FETCH /rooms', '###', 'GET /rooms', 'Authorization: Bearer abc', 'host: evil.example', 'not a header', '###', 'GET /rooms?x={{ $token }}'].join('\n'));
    const messages = file.problems.map((p) => `${p.line}:${p.severity}:${p.message.split(':')[0]}`);
    assert.ok(messages.some((m) => m.startsWith('0:error:"FETCH" is not a method')), messages.join('\n'));
    assert.ok(messages.some((m) => m.startsWith('3:error:The Authorization header is refused')), messages.join('\n'));
    assert.ok(messages.some((m) => m.startsWith('4:error:The host header is refused')), messages.join('\n'));
    assert.ok(messages.some((m) => m.startsWith('5:error:Expected a header')), messages.join('\n'));
    assert.ok(messages.some((m) => m.startsWith('7:error:{{$token}} is refused')), messages.join('\n'));
  });

  it('never throws on a broken file', () => {
    for (const text of ['', '###', '\n\n###\n\n', '@x =', '{{', 'GET', '   ', '# @name', 'GET /rooms\n\n{ "a": ']) {
      assert.doesNotThrow(() => parseRequestFile(text));
    }
  });
});

describe('API console: variables', () => {
  const responses = new Map<string, StoredResponse>([
    ['createRoom', { status: 200, headers: [['TrackingID', 'T1'], ['Location', '/rooms/R1']], body: JSON.stringify({ id: 'R1', items: [{ id: 'first' }] }) }],
  ]);
  const file = parseRequestFile(FILE);
  const context = { variables: file.variables, responses };

  it('resolves file variables that use others, responses of named requests, and system variables', () => {
    assert.deepEqual(resolveVariables('{{title}}', context), { text: 'Demo space', errors: [] });
    assert.equal(resolveVariables('{{createRoom.response.body.id}}', context).text, 'R1');
    assert.equal(resolveVariables('{{createRoom.response.body.$.items[0].id}}', context).text, 'first');
    assert.equal(resolveVariables('{{createRoom.response.headers.location}}', context).text, '/rooms/R1');
    assert.match(resolveVariables('{{$guid}}', context).text, /^[0-9a-f-]{36}$/);
    assert.equal(resolveVariables('{{$timestamp}}', { ...context, now: () => new Date(5000) }).text, '5');
  });

  it('reports what it cannot resolve, and refuses {{$token}} and the environment', () => {
    assert.match(resolveVariables('{{nope}}', context).errors[0], /not defined/);
    assert.match(resolveVariables('{{other.response.body.id}}', context).errors[0], /send the request named "other" first/);
    assert.match(resolveVariables('{{createRoom.response.body.missing}}', context).errors[0], /nothing at body.missing/);
    assert.match(resolveVariables('{{$token}}', context).errors[0], /refused/);
    assert.match(resolveVariables('{{$processEnv WEBEX_TOKEN}}', context).errors[0], /not available/);
    const loop = parseRequestFile('@a = {{b}}\n@b = {{a}}');
    assert.match(resolveVariables('{{a}}', { variables: loop.variables, responses }).errors[0], /refers back to itself/);
  });

  it('builds the request: resolved, JSON checked, Content-Type added', () => {
    const built = buildRequest(file.requests[1], context, BASE);
    assert.ok(built.ok);
    assert.equal(built.request.url.href, `${BASE}/messages?roomId=R1&max=2`);
    const post = buildRequest(file.requests[0], context, BASE);
    assert.ok(post.ok);
    assert.equal(post.request.body, '{ "title": "Demo space" }');
    const broken = buildRequest(parseRequestFile('POST /rooms\n\n{ "title": ').requests[0], context, BASE);
    assert.ok(!broken.ok);
    assert.match(broken.errors[0], /not valid JSON.*nothing was sent/);
    const implicit = buildRequest(parseRequestFile('POST /rooms\n\n{"title":"x"}').requests[0], context, BASE);
    assert.ok(implicit.ok);
    assert.deepEqual(implicit.request.headers, [['Content-Type', 'application/json']]);
  });
});

describe('API console: origin check', () => {
  it('joins paths to the base URL and keeps full URLs to its origin', () => {
    assert.equal(targetUrl('/rooms?max=2', BASE).href, `${BASE}/rooms?max=2`);
    assert.equal(targetUrl('rooms', `${BASE}/`).href, `${BASE}/rooms`);
    assert.equal(targetUrl(`${BASE}/people/me`, BASE).href, `${BASE}/people/me`);
  });

  it('refuses any other origin, a protocol-relative path and credentials in the URL', () => {
    for (const target of ['https://evil.example/v1/rooms', 'http://127.0.0.1:4011/v1/rooms', 'https://127.0.0.1:4010/v1/rooms', '//evil.example/rooms', 'http://u:p@127.0.0.1:4010/v1/rooms', 'file:///etc/passwd']) {
      assert.throws(() => targetUrl(target, BASE), Error, target);
    }
    const built = buildRequest(parseRequestFile('GET https://webexapis.com.evil.example/v1/rooms').requests[0], { variables: [], responses: new Map() }, 'https://webexapis.com/v1');
    assert.ok(!built.ok);
    assert.match(built.errors[0], /would receive your token/);
  });
});
