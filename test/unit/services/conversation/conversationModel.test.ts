import * as assert from 'node:assert/strict';
import {
  assembleThreads,
  conversationEntries,
  fileNameFromUrl,
  firstLine,
  layoutEntries,
  layoutThreads,
  threadIdOf,
  utcDay,
  type ConversationEntry,
} from '../../../../src/services/conversation/conversationModel';

interface M {
  id: string;
  parentId?: string;
  personId: string;
  created: string;
}

const m = (id: string, personId: string, created: string, parentId?: string): M => ({ id, personId, created, parentId });

describe('thread assembly', () => {
  it('puts replies under their first message and orders threads oldest first, whatever the input order', () => {
    // GET /messages is newest first with replies interleaved (Webex messaging API).
    const newestFirst = [
      m('r2', 'bob', '2026-03-04T10:05:00.000Z', 'a'),
      m('b', 'bob', '2026-03-04T10:03:00.000Z'),
      m('r1', 'cy', '2026-03-04T10:02:00.000Z', 'a'),
      m('a', 'ada', '2026-03-04T10:00:00.000Z'),
    ];
    const threads = assembleThreads(newestFirst);
    assert.deepEqual(
      threads.map((t) => [t.id, t.root?.id, t.replies.map((r) => r.id)]),
      [
        ['a', 'a', ['r1', 'r2']],
        ['b', 'b', []],
      ],
    );
  });

  it('keeps replies whose first message is unknown in a thread placed at its first reply', () => {
    const threads = assembleThreads([m('x', 'ada', '2026-03-04T09:00:00.000Z'), m('r', 'bob', '2026-03-04T10:00:00.000Z', 'gone')]);
    assert.equal(threads[1].id, 'gone');
    assert.equal(threads[1].root, undefined);
    assert.equal(threads[1].created, '2026-03-04T10:00:00.000Z');
  });

  it('breaks ties of equal times by id so the order is stable', () => {
    const t = '2026-03-04T10:00:00.000Z';
    assert.deepEqual(assembleThreads([m('b', 'x', t), m('a', 'x', t)]).map((x) => x.id), ['a', 'b']);
  });

  it('answers a reply in the thread of its first message', () => {
    assert.equal(threadIdOf({ id: 'r1', parentId: 'a' }), 'a');
    assert.equal(threadIdOf({ id: 'a' }), 'a');
  });
});

describe('grouping by author and day', () => {
  const layout = (messages: M[]): string[] =>
    layoutThreads(assembleThreads(messages), utcDay).map((l) => `${l.showDay ? 'day ' : ''}${l.showAuthor ? 'author' : 'cont'}`);

  it('groups consecutive messages of one author on one day', () => {
    assert.deepEqual(
      layout([
        m('1', 'ada', '2026-03-04T10:00:00.000Z'),
        m('2', 'ada', '2026-03-04T10:01:00.000Z'),
        m('3', 'bob', '2026-03-04T10:02:00.000Z'),
        m('4', 'ada', '2026-03-04T10:03:00.000Z'),
      ]),
      ['day author', 'cont', 'author', 'author'],
    );
  });

  it('starts a new group on a new day, after a long gap and after a thread with replies', () => {
    assert.deepEqual(
      layout([
        m('1', 'ada', '2026-03-04T23:59:00.000Z'),
        m('2', 'ada', '2026-03-05T00:01:00.000Z'),
        m('3', 'ada', '2026-03-05T00:30:00.000Z'),
        m('r', 'bob', '2026-03-05T00:31:00.000Z', '3'),
        m('4', 'ada', '2026-03-05T00:32:00.000Z'),
      ]),
      ['day author', 'day author', 'author', 'author'],
    );
  });
});

describe('file names', () => {
  it('uses the URL name when it has one and a numbered name for opaque content URLs', () => {
    assert.equal(fileNameFromUrl('https://example.com/files/report%20q1.pdf', 0), 'report q1.pdf');
    assert.equal(fileNameFromUrl('https://webexapis.com/v1/contents/Y2lzY29zcGFyazovL3VzL0NPTlRFTlQvMQ', 1), 'Attachment 2');
    assert.equal(fileNameFromUrl('not a url', 0), 'Attachment 1');
  });
});

describe('replies to threads far above (reply previews)', () => {
  const drawn = (entries: ConversationEntry<M>[]): string[] =>
    entries.map((e) => (e.kind === 'thread' ? e.thread.id : `↳${e.reply.id}`));

  it('shows a new reply to a thread started above everything loaded at the bottom, where it happened', () => {
    // The thread's first message was fetched only for context (days before the loaded page); the
    // newest page holds p1..p3; then someone answers the old thread.
    const messages = [
      m('old', 'grace', '2026-03-01T09:00:00.000Z'),
      m('p1', 'ada', '2026-03-04T10:00:00.000Z'),
      m('p2', 'bob', '2026-03-04T10:01:00.000Z'),
      m('p3', 'ada', '2026-03-04T10:02:00.000Z'),
      m('r-new', 'alan', '2026-03-04T10:05:00.000Z', 'old'),
    ];
    const entries = conversationEntries(assembleThreads(messages));
    assert.deepEqual(drawn(entries), ['old', 'p1', 'p2', 'p3', '↳r-new']);
    const preview = entries[4];
    assert.ok(preview.kind === 'replyPreview');
    assert.equal(preview.thread.root?.id, 'old', 'the preview knows its thread (to jump to it and quote it)');
    // The reply stays under its first message too.
    assert.deepEqual(entries[0].kind === 'thread' && entries[0].thread.replies.map((r) => r.id), ['r-new']);
  });

  it('adds no preview where the reply follows its thread directly, and one per thread for its newest reply', () => {
    const quiet = [m('a', 'ada', '2026-03-04T10:00:00.000Z'), m('ra', 'bob', '2026-03-04T10:01:00.000Z', 'a'), m('b', 'ada', '2026-03-04T10:02:00.000Z')];
    assert.deepEqual(drawn(conversationEntries(assembleThreads(quiet))), ['a', 'b']);

    const busy = [
      m('a', 'ada', '2026-03-04T10:00:00.000Z'),
      m('b', 'bob', '2026-03-04T10:01:00.000Z'),
      m('r1', 'cy', '2026-03-04T10:02:00.000Z', 'a'),
      m('c', 'ada', '2026-03-04T10:03:00.000Z'),
      m('r2', 'cy', '2026-03-04T10:04:00.000Z', 'a'),
      m('rb', 'ada', '2026-03-04T10:05:00.000Z', 'b'),
      m('d', 'bob', '2026-03-04T10:06:00.000Z'),
    ];
    assert.deepEqual(drawn(conversationEntries(assembleThreads(busy))), ['a', 'b', 'c', '↳r2', '↳rb', 'd']);
  });

  it('moves the preview down when a newer reply arrives', () => {
    const before = [m('a', 'ada', '2026-03-04T10:00:00.000Z'), m('b', 'bob', '2026-03-04T10:01:00.000Z'), m('r1', 'cy', '2026-03-04T10:02:00.000Z', 'a'), m('c', 'ada', '2026-03-04T10:03:00.000Z')];
    assert.deepEqual(drawn(conversationEntries(assembleThreads(before))), ['a', 'b', '↳r1', 'c']);
    const after = [...before, m('r2', 'cy', '2026-03-04T10:04:00.000Z', 'a')];
    assert.deepEqual(drawn(conversationEntries(assembleThreads(after))), ['a', 'b', 'c', '↳r2']);
  });

  it('gives a preview its own day separator and starts a new group after it', () => {
    const messages = [
      m('a', 'ada', '2026-03-04T10:00:00.000Z'),
      m('b', 'ada', '2026-03-04T10:01:00.000Z'),
      m('r', 'bob', '2026-03-05T08:00:00.000Z', 'a'),
      m('c', 'ada', '2026-03-05T08:01:00.000Z'),
    ];
    const entries = conversationEntries(assembleThreads(messages));
    assert.deepEqual(drawn(entries), ['a', 'b', '↳r', 'c']);
    assert.deepEqual(
      layoutEntries(entries, utcDay).map((l) => `${l.showDay ? 'day ' : ''}${l.showAuthor ? 'author' : 'cont'}`),
      ['day author', 'author', 'day author', 'author'],
    );
  });

  it('quotes the first line of the thread’s first message as plain words', () => {
    assert.equal(firstLine({ text: 'Morning! The API gateway migration starts today.\nPlan: …', markdown: 'Morning! The **API gateway**' }), 'Morning! The API gateway migration starts today.');
    assert.equal(firstLine({ markdown: '\n## **Release** [notes](https://x.example) for <@personEmail:ada@example.com>' }), 'Release notes for @ada@example.com');
    assert.equal(firstLine({ markdown: '```ts\nconst x = 1;\n```' }), 'const x = 1;');
    assert.equal(firstLine({ text: 'x'.repeat(100) }, 10), `${'x'.repeat(9)}…`);
    assert.equal(firstLine(undefined), '');
  });
});
