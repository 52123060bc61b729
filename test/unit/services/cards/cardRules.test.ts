import * as assert from 'node:assert/strict';
import { checkCardText, type CardProblem } from '../../../../src/services/cards/cardRules';

/** The problems of a card given as an object (pretty-printed, as a card file would be). */
function problemsOf(card: unknown): CardProblem[] {
  return checkCardText(JSON.stringify(card, null, 2)).problems;
}

function codes(problems: CardProblem[]): string[] {
  return problems.map((p) => `${p.severity}:${p.code}`);
}

/** The text a problem's range covers. */
function spanned(text: string, p: CardProblem): string {
  return text.slice(p.offset, p.offset + p.length);
}

const base = { type: 'AdaptiveCard', version: '1.3', body: [{ type: 'TextBlock', text: 'Hello' }] };

describe('card rules (Webex Adaptive Card diagnostics)', () => {
  it('a card Webex renders as written has no problems', () => {
    assert.deepEqual(problemsOf(base), []);
  });

  it('broken JSON is a problem at the place it breaks, not an exception', () => {
    const text = '{\n  "type": "AdaptiveCard",\n  "version": "1.3",\n  "body": [ { "type": "TextBlock" "text": "x" } ]\n}';
    const { problems, card } = checkCardText(text);
    assert.equal(card, undefined);
    assert.ok(problems.length >= 1);
    assert.equal(problems[0].code, 'webex.json');
    assert.equal(problems[0].severity, 'error');
    assert.equal(text.slice(problems[0].offset, problems[0].offset + 6), '"text"', 'points at the token after the missing comma');
    assert.match(problems[0].message, /comma expected/);
  });

  it('an empty file and comments are not JSON a card can be', () => {
    assert.deepEqual(codes(checkCardText('').problems), ['error:webex.json']);
    assert.deepEqual(codes(checkCardText('   ').problems), ['error:webex.json']);
    assert.ok(codes(checkCardText('// a card\n{"type":"AdaptiveCard","version":"1.3"}').problems).includes('error:webex.json'));
  });

  it('a card that is not an object is an error covering the whole value', () => {
    for (const text of ['[1, 2]', '"AdaptiveCard"', '42', 'null']) {
      const { problems } = checkCardText(text);
      assert.deepEqual(codes(problems), ['error:webex.notObject'], text);
      assert.equal(spanned(text, problems[0]), text);
    }
  });

  it('type other than AdaptiveCard points at the type value', () => {
    const text = JSON.stringify({ ...base, type: 'MessageCard' }, null, 2);
    const problems = checkCardText(text).problems;
    assert.deepEqual(codes(problems), ['error:webex.type']);
    assert.equal(spanned(text, problems[0]), '"MessageCard"');
    assert.deepEqual(codes(problemsOf({ version: '1.3', body: base.body })), ['error:webex.type']);
  });

  it('a version above 1.3, a malformed one or none is an error', () => {
    const text = JSON.stringify({ ...base, version: '1.5' }, null, 2);
    const problems = checkCardText(text).problems;
    assert.deepEqual(codes(problems), ['error:webex.version']);
    assert.equal(spanned(text, problems[0]), '"1.5"');
    assert.match(problems[0].message, /up to version 1\.3/);
    assert.deepEqual(codes(problemsOf({ ...base, version: '9.9' })), ['error:webex.version']);
    assert.deepEqual(codes(problemsOf({ ...base, version: '2.0' })), ['error:webex.version']);
    assert.deepEqual(codes(problemsOf({ ...base, version: 1.3 })), ['error:webex.version']);
    assert.deepEqual(codes(problemsOf({ ...base, version: 'latest' })), ['error:webex.version']);
    const { version: _dropped, ...noVersion } = base;
    assert.deepEqual(codes(problemsOf(noVersion)), ['error:webex.version']);
    assert.deepEqual(problemsOf({ ...base, version: '1.0' }), []);
    assert.deepEqual(problemsOf({ ...base, version: '1.2' }), []);
  });

  it('elements and actions Webex does not render are warnings at their type, wherever they are', () => {
    const card = {
      ...base,
      body: [
        ...base.body,
        { type: 'Media', sources: [{ mimeType: 'video/mp4', url: 'https://example.com/a.mp4' }] },
        { type: 'Container', items: [{ type: 'ColumnSet', columns: [{ type: 'Column', items: [{ type: 'Table', rows: [] }] }] }] },
        { type: 'ActionSet', actions: [{ type: 'Action.Execute', title: 'Run' }] },
      ],
      actions: [{ type: 'Action.ShowCard', title: 'More', card: { type: 'AdaptiveCard', body: [{ type: 'Carousel' }] } }],
    };
    const text = JSON.stringify(card, null, 2);
    const problems = checkCardText(text).problems;
    assert.deepEqual(codes(problems), ['warning:webex.unsupported', 'warning:webex.unsupported', 'warning:webex.unsupported', 'warning:webex.unknownType']);
    assert.deepEqual(problems.map((p) => spanned(text, p)), ['"Media"', '"Table"', '"Action.Execute"', '"Carousel"']);
  });

  it('more than 5 actions: a warning over the ones Webex will not show', () => {
    const actions = Array.from({ length: 7 }, (_, i) => ({ type: 'Action.Submit', title: `A${i}` }));
    const text = JSON.stringify({ ...base, actions }, null, 2);
    const problems = checkCardText(text).problems;
    assert.deepEqual(codes(problems), ['warning:webex.tooManyActions']);
    const covered = spanned(text, problems[0]);
    assert.ok(covered.includes('"A5"') && covered.includes('"A6"') && !covered.includes('"A4"'), covered);
    assert.deepEqual(problemsOf({ ...base, actions: actions.slice(0, 5) }), []);
    assert.deepEqual(codes(problemsOf({ ...base, body: [...base.body, { type: 'ActionSet', actions }] })), ['warning:webex.tooManyActions']);
  });

  it('inputs without an id, or with an id another input has, are errors', () => {
    const card = {
      ...base,
      body: [
        ...base.body,
        { type: 'Input.Text', id: 'comment' },
        { type: 'Input.Toggle', title: 'Sure?' },
        { type: 'Container', items: [{ type: 'Input.ChoiceSet', id: 'comment', choices: [] }] },
        { type: 'Input.Number', id: '  ' },
      ],
      actions: [{ type: 'Action.ShowCard', title: 'More', card: { type: 'AdaptiveCard', body: [{ type: 'Input.Date', id: 'comment' }] } }],
    };
    const text = JSON.stringify(card, null, 2);
    const problems = checkCardText(text).problems;
    assert.deepEqual(codes(problems), ['error:webex.inputId', 'error:webex.duplicateId', 'error:webex.inputId', 'error:webex.duplicateId']);
    assert.equal(spanned(text, problems[0]), '"Input.Toggle"');
    assert.equal(spanned(text, problems[1]), '"comment"');
    assert.ok(problems[1].offset > text.indexOf('Input.ChoiceSet'), 'the second one is marked, not the first');
  });

  it('an id of __proto__ is an id like any other', () => {
    const card = { ...base, body: [...base.body, { type: 'Input.Text', id: '__proto__' }, { type: 'Input.Text', id: '__proto__' }] };
    assert.deepEqual(codes(problemsOf(card)), ['error:webex.duplicateId']);
  });

  it('no fallback text (no fallbackText, no TextBlock) is a warning; fallbackText alone is enough', () => {
    const card = { type: 'AdaptiveCard', version: '1.3', body: [{ type: 'Image', url: 'https://example.com/a.png' }] };
    assert.deepEqual(codes(problemsOf(card)), ['warning:webex.fallback']);
    assert.deepEqual(problemsOf({ ...card, fallbackText: 'A picture' }), []);
  });

  it('a fallback text over the 7439-byte message limit is an error at fallbackText', () => {
    const text = JSON.stringify({ ...base, fallbackText: 'é'.repeat(3720) });
    const problems = checkCardText(text).problems;
    assert.deepEqual(codes(problems), ['error:webex.fallbackSize']);
    assert.ok(spanned(text, problems[0]).startsWith('"éé'));
  });

  it('a card over 60,000 bytes of JSON is a warning', () => {
    const body = Array.from({ length: 700 }, (_, i) => ({ type: 'TextBlock', text: `Line ${i} ${'x'.repeat(80)}` }));
    assert.deepEqual(codes(problemsOf({ ...base, body })), ['warning:webex.size']);
    assert.deepEqual(problemsOf({ ...base, body: body.slice(0, 100) }), []);
  });

  it('elements that are not objects, or have no type, are errors and do not stop the rest', () => {
    const card = { ...base, body: [...base.body, 'text', { text: 'no type' }, { type: 'Input.Text' }], actions: [42] };
    assert.deepEqual(codes(problemsOf(card)), ['error:webex.notObject', 'error:webex.type', 'error:webex.inputId', 'error:webex.notObject']);
  });

  it('200 levels of nested containers are checked without overflowing the stack', () => {
    let inner: Record<string, unknown> = { type: 'Input.Text' };
    for (let i = 0; i < 200; i++) {
      inner = { type: 'Container', items: [inner] };
    }
    assert.deepEqual(codes(problemsOf({ ...base, body: [...base.body, inner] })), ['error:webex.inputId']);
  });
});
