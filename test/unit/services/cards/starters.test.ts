import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import Ajv from 'ajv';
import { CARD_STARTERS, starterText } from '../../../../src/services/cards/starters';
import { checkCardText } from '../../../../src/services/cards/cardRules';
import { cardFallbackText } from '../../../../src/services/cards/fallbackText';

/** The schema package.json contributes for *.card.json (found from the repository root). */
function loadSchema(): Record<string, unknown> {
  const manifest = JSON.parse(fs.readFileSync(path.join(__dirname, '../../../../../package.json'), 'utf8')) as {
    contributes: { jsonValidation: { fileMatch: string | string[]; url: string }[] };
  };
  const entry = manifest.contributes.jsonValidation.find((v) => [v.fileMatch].flat().includes('*.card.json'));
  assert.ok(entry, 'package.json contributes a schema for *.card.json');
  return JSON.parse(fs.readFileSync(path.join(__dirname, '../../../../..', entry.url), 'utf8')) as Record<string, unknown>;
}

describe('card schema and New Card starting points', () => {
  const ajv = new Ajv({ allErrors: true, strict: false });
  const validate = ajv.compile(loadSchema());

  for (const starter of CARD_STARTERS) {
    it(`the ${starter.label} starting point is valid against the schema, passes Webex's rules and has a fallback`, () => {
      const ok = validate(starter.card);
      assert.ok(ok, JSON.stringify(validate.errors, null, 2));
      assert.deepEqual(checkCardText(starterText(starter)).problems, []);
      assert.ok(cardFallbackText(starter.card));
    });
  }

  it('the schema refuses what a card cannot be', () => {
    const good = CARD_STARTERS[0].card;
    assert.equal(validate({ ...good, type: 'MessageCard' }), false);
    assert.equal(validate({ ...good, version: '1.5' }), false);
    assert.equal(validate({ ...good, body: [{ type: 'TextBlock' }] }), false, 'a TextBlock needs text');
    assert.equal(validate({ ...good, body: [{ type: 'Input.Text' }] }), false, 'an input needs an id');
    assert.equal(validate({ ...good, actions: [{ type: 'Action.OpenUrl', title: 'Go' }] }), false, 'OpenUrl needs a url');
    assert.equal(validate([good]), false);
  });

  it('the three starting points are an approval, a poll and a form with validation', () => {
    assert.deepEqual(CARD_STARTERS.map((s) => s.fileStem), ['approval', 'poll', 'form']);
    const form = JSON.stringify(CARD_STARTERS[2].card);
    assert.ok(form.includes('"isRequired":true') && form.includes('"regex"') && form.includes('"errorMessage"'));
  });
});
