// The card rules the page applies without a DOM (page/cards/cardRules.ts, cardUrls.ts): which cards
// show, fallback text, submit data merging, 1.3 input validation, and what becomes of a card's URLs.
import * as assert from 'node:assert/strict';
import { checkCard, fallbackText, mergeSubmitInputs, readCard, validateInput, MAX_DEPTH, MAX_ELEMENTS } from '../../../../src/webviews/conversation/page/cards/cardRules';
import { imageOf, prepareCard, PLACEHOLDER } from '../../../../src/webviews/conversation/page/cards/cardUrls';

const card = (extra: Record<string, unknown> = {}): Record<string, unknown> => ({ type: 'AdaptiveCard', version: '1.3', body: [], ...extra });

describe('cards: which cards show', () => {
  it('takes a 1.3 (or older) Adaptive Card object', () => {
    assert.equal(checkCard(card()).ok, true);
    assert.equal(checkCard(card({ version: '1.0' })).ok, true);
  });

  it('refuses non-JSON, non-objects, other types, missing or later versions with a reason', () => {
    const reasons = [readCard('{not json'), readCard('[1,2]'), readCard('"text"'), checkCard(card({ type: 'HeroCard' })), checkCard(card({ version: undefined })), checkCard(card({ version: '9.9' })), checkCard(card({ version: '1.4' }))];
    for (const r of reasons) {
      assert.equal(r.ok, false);
    }
    const later = checkCard(card({ version: '9.9' }));
    assert.ok(!later.ok && /9\.9/.test(later.reason) && /1\.3/.test(later.reason));
  });

  it('refuses 200 nested containers and 5,000 elements without walking them all', () => {
    let inner: Record<string, unknown> = { type: 'TextBlock', text: 'deep' };
    for (let i = 0; i < 200; i++) {
      inner = { type: 'Container', items: [inner] };
    }
    const deep = checkCard(card({ body: [inner] }));
    assert.ok(!deep.ok && deep.reason.includes(String(MAX_DEPTH)));
    const wide = checkCard(card({ body: Array.from({ length: 5000 }, (_, i) => ({ type: 'TextBlock', text: `t${i}` })) }));
    assert.ok(!wide.ok && wide.reason.includes(String(MAX_ELEMENTS)));
    assert.equal(checkCard(card({ body: Array.from({ length: 500 }, () => ({ type: 'TextBlock', text: 'x' })) })).ok, true);
  });
});

describe('cards: fallback text', () => {
  it('prefers the card’s fallbackText, then the message text, then the card’s TextBlocks', () => {
    assert.equal(fallbackText(card({ fallbackText: ' Approve the deploy ' }), 'msg'), 'Approve the deploy');
    assert.equal(fallbackText(card(), ' Deploy approval '), 'Deploy approval');
    const body = [{ type: 'TextBlock', text: 'Title' }, { type: 'Container', items: [{ type: 'TextBlock', text: 'Inner' }] }, { type: 'Input.Text', id: 'x' }];
    assert.equal(fallbackText(card({ body }), undefined), 'Title\nInner');
    assert.equal(fallbackText('not a card', undefined), '');
  });
});

describe('cards: submit data merge', () => {
  it('puts the action’s data under the inputs, the inputs winning on a shared id', () => {
    assert.deepEqual(mergeSubmitInputs([['comment', 'ok'], ['decision', 'typed']], { decision: 'approve', ticket: 42 }), { decision: 'typed', ticket: 42, comment: 'ok' });
    assert.deepEqual(mergeSubmitInputs([['comment', 'ok']], 'a string'), { comment: 'ok' });
  });

  it('keeps an input id of __proto__ as a plain property, never the prototype', () => {
    const merged = mergeSubmitInputs([['__proto__', 'x']], JSON.parse('{"__proto__": {"polluted": true}}'));
    assert.equal(Object.getPrototypeOf(merged), Object.prototype);
    assert.equal(({} as Record<string, unknown>).polluted, undefined);
    assert.equal(JSON.stringify(merged), '{"__proto__":"x"}');
  });
});

describe('cards: 1.3 input validation', () => {
  it('requires isRequired inputs, with the card’s errorMessage when given', () => {
    assert.equal(validateInput({ id: 'c', type: 'Input.Text', isRequired: true }, ''), 'c is required.');
    assert.equal(validateInput({ id: 'c', type: 'Input.Text', isRequired: true, label: 'Comment' }, undefined), 'Comment is required.');
    assert.equal(validateInput({ id: 'c', type: 'Input.Text', isRequired: true, errorMessage: 'Say why' }, ''), 'Say why');
    assert.equal(validateInput({ id: 'c', type: 'Input.Text' }, ''), undefined);
  });

  it('matches regex against the whole value and skips broken patterns', () => {
    const rule = { id: 't', type: 'Input.Text', regex: '[A-Z]+-\\d+', errorMessage: 'A ticket like ABC-12' };
    assert.equal(validateInput(rule, 'ABC-12'), undefined);
    assert.equal(validateInput(rule, 'xABC-12'), 'A ticket like ABC-12');
    assert.equal(validateInput(rule, 'ABC-12 trailing'), 'A ticket like ABC-12');
    assert.equal(validateInput({ id: 't', type: 'Input.Text', regex: '(' }, 'anything'), undefined);
  });

  it('checks maxLength of text and the range of numbers', () => {
    assert.match(validateInput({ id: 't', type: 'Input.Text', maxLength: 3 }, 'abcd') ?? '', /at most 3/);
    assert.match(validateInput({ id: 'n', type: 'Input.Number', min: 1, max: 5 }, '9') ?? '', /between 1 and 5/);
    assert.match(validateInput({ id: 'n', type: 'Input.Number' }, 'abc') ?? '', /number/);
    assert.equal(validateInput({ id: 'n', type: 'Input.Number', min: 1, max: 5 }, '3'), undefined);
  });
});

describe('cards: URLs before rendering', () => {
  it('numbers http(s) images, blanks other image URLs, drops non-web links and background images', () => {
    const source = card({
      backgroundImage: 'https://tracker.example/bg.png',
      body: [
        { type: 'Image', url: 'https://img.example/a.png', altText: 'A' },
        { type: 'Image', url: 'javascript:alert(1)' },
        { type: 'Image', url: 'file:///etc/passwd', selectAction: { type: 'Action.OpenUrl', url: 'javascript:alert(2)' } },
        { type: 'ActionSet', actions: [{ type: 'Action.OpenUrl', title: 'ok', url: 'https://example.com' }, { type: 'Action.OpenUrl', title: 'bad', url: 'javascript:alert(3)' }] },
      ],
      actions: [{ type: 'Action.OpenUrl', title: 'data', url: 'data:text/html,<script>alert(4)</script>' }],
    });
    const prepared = prepareCard(source);
    const text = JSON.stringify(prepared.card);
    assert.doesNotMatch(text, /javascript:|file:|tracker\.example|data:text/);
    assert.deepEqual(prepared.images, ['https://img.example/a.png']);
    const body = prepared.card.body as Array<Record<string, unknown>>;
    assert.equal(imageOf(String(body[0].url), prepared), 'https://img.example/a.png');
    assert.equal(body[1].url, PLACEHOLDER);
    assert.equal(body[2].selectAction, undefined);
    assert.deepEqual((body[3].actions as unknown[]).length, 1);
    assert.deepEqual(prepared.card.actions, []);
    assert.equal((source.body as Array<Record<string, unknown>>)[0].url, 'https://img.example/a.png', 'the message’s own card is left as it came');
  });
});
