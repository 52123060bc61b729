import * as assert from 'node:assert/strict';
import { assembleThreads, layoutThreads, threadIdOf, utcDay, fileNameFromUrl } from '../../../src/services/conversationModel';

interface M {
  id: string;
  parentId?: string;
  personId: string;
  created: string;
}

const m = (id: string, personId: string, created: string, parentId?: string): M => ({ id, personId, created, parentId });

describe('thread assembly', () => {
  it('puts replies under their first message and orders threads oldest first, whatever the input order', () => {
    // GET /messages is newest first with replies interleaved (notes §6).
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
