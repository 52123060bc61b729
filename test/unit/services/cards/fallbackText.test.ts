import * as assert from 'node:assert/strict';
import { cardFallbackText } from '../../../../src/services/cards/fallbackText';

describe('card fallback text', () => {
  it('the card file’s own fallbackText comes first', () => {
    assert.equal(cardFallbackText({ type: 'AdaptiveCard', fallbackText: 'Approve the deploy', body: [{ type: 'TextBlock', text: 'Deploy' }] }), 'Approve the deploy');
  });

  it('else the first TextBlock in reading order, inside containers and columns too', () => {
    const card = {
      type: 'AdaptiveCard',
      fallbackText: '  ',
      body: [
        { type: 'Image', url: 'https://example.com/a.png' },
        { type: 'ColumnSet', columns: [{ type: 'Column', items: [{ type: 'TextBlock', text: '' }, { type: 'Container', items: [{ type: 'TextBlock', text: 'Deep first' }] }] }] },
        { type: 'TextBlock', text: 'Later' },
      ],
    };
    assert.equal(cardFallbackText(card), 'Deep first');
  });

  it('none: no fallbackText and no TextBlock with text; not a card at all', () => {
    assert.equal(cardFallbackText({ type: 'AdaptiveCard', body: [{ type: 'Image', url: 'x' }] }), undefined);
    assert.equal(cardFallbackText({ type: 'AdaptiveCard', body: [{ type: 'TextBlock', text: 42 }] }), undefined);
    assert.equal(cardFallbackText([{ type: 'TextBlock', text: 'x' }]), undefined);
    assert.equal(cardFallbackText(null), undefined);
    assert.equal(cardFallbackText('text'), undefined);
  });

  it('does not read TextBlocks in actions (a ShowCard’s card is not what the message says)', () => {
    const card = { type: 'AdaptiveCard', body: [], actions: [{ type: 'Action.ShowCard', card: { type: 'AdaptiveCard', body: [{ type: 'TextBlock', text: 'hidden' }] } }] };
    assert.equal(cardFallbackText(card), undefined);
  });
});
