import * as assert from 'node:assert/strict';
import { expandCardTemplate, hasTemplateSyntax } from '../../../../src/services/cards/templating';

const template = JSON.stringify({
  type: 'AdaptiveCard',
  version: '1.3',
  body: [
    { type: 'TextBlock', text: 'Deploy ${service} ${version}?' },
    { type: 'FactSet', facts: [{ $data: '${changes}', title: '${author}', value: '${summary}' }] },
    { type: 'TextBlock', $when: '${urgent}', text: 'Urgent' },
  ],
});

describe('card template expansion (adaptivecards-templating)', () => {
  it('expands expressions, repeats $data arrays and drops $when that is false', async () => {
    const data = JSON.stringify({ service: 'checkout', version: '2.4.1', urgent: false, changes: [{ author: 'Ana', summary: 'Fix' }, { author: 'Bo', summary: 'Docs' }] });
    const result = await expandCardTemplate(template, data);
    assert.ok('card' in result, JSON.stringify(result));
    assert.deepEqual(result.card, {
      type: 'AdaptiveCard',
      version: '1.3',
      body: [
        { type: 'TextBlock', text: 'Deploy checkout 2.4.1?' },
        { type: 'FactSet', facts: [{ title: 'Ana', value: 'Fix' }, { title: 'Bo', value: 'Docs' }] },
      ],
    });
  });

  it('without a data file the expressions stay as written', async () => {
    const result = await expandCardTemplate(JSON.stringify({ type: 'AdaptiveCard', version: '1.3', body: [{ type: 'TextBlock', text: 'Hi ${name}' }] }), undefined);
    assert.deepEqual(result, { card: { type: 'AdaptiveCard', version: '1.3', body: [{ type: 'TextBlock', text: 'Hi ${name}' }] } });
  });

  it('a card without templating comes back as parsed', async () => {
    const card = { type: 'AdaptiveCard', version: '1.3', body: [{ type: 'TextBlock', text: 'Plain' }] };
    assert.equal(hasTemplateSyntax(JSON.stringify(card)), false);
    assert.deepEqual(await expandCardTemplate(JSON.stringify(card), '{"unused": true}'), { card });
  });

  it('broken card JSON, broken data JSON and a broken expression are errors, not exceptions', async () => {
    const brokenCard = await expandCardTemplate('{"type": ', undefined);
    assert.ok('error' in brokenCard && /^The card is not valid JSON/.test(brokenCard.error), JSON.stringify(brokenCard));
    const brokenData = await expandCardTemplate(template, '{nope}');
    assert.ok('error' in brokenData && /^The data file is not valid JSON/.test(brokenData.error), JSON.stringify(brokenData));
    const brokenExpression = await expandCardTemplate(JSON.stringify({ type: 'AdaptiveCard', body: [{ type: 'TextBlock', text: '${foo(}' }] }), '{}');
    assert.ok('error' in brokenExpression && /^The template could not be expanded/.test(brokenExpression.error), JSON.stringify(brokenExpression));
  });
});
