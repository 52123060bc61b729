// The composer's @ mentions: who matches what was typed, and the text ↔ markdown round trip.
import * as assert from 'node:assert/strict';
import {
  activeMentionQuery,
  foldText,
  fromMarkdown,
  matchMentions,
  mentionLabel,
  mentionMarkup,
  toMarkdown,
  type MentionCandidate,
  type MentionOption,
} from '../../../../src/webviews/conversation/page/mentions/mentionModel';

const PEOPLE: MentionCandidate[] = [
  { id: 'p-priya', displayName: 'Priya Raman', email: 'priya@example.com' },
  { id: 'p-pedro', displayName: 'Pedro Ruiz', email: 'pruiz@example.com', lastSpoke: 2000 },
  { id: 'p-jose', displayName: 'José Álvarez', email: 'jose@example.com' },
  { id: 'p-lena', displayName: 'Lena Vogel', email: 'lena@example.com', lastSpoke: 1000 },
  { id: 'p-me', displayName: 'Grace Hopper', email: 'grace@example.com' },
];

function names(options: MentionOption[]): string[] {
  return options.map((o) => (o.kind === 'all' ? '@all' : o.person.displayName));
}

describe('composer mentions', () => {
  it('matches names, initials and emails, accents ignored, best match first', () => {
    assert.deepEqual(names(matchMentions('pri', PEOPLE, { group: false })), ['Priya Raman']);
    assert.deepEqual(names(matchMentions('jose', PEOPLE, { group: false })), ['José Álvarez']);
    assert.deepEqual(names(matchMentions('alv', PEOPLE, { group: false })), ['José Álvarez'], 'a later word of the name');
    assert.deepEqual(names(matchMentions('pr', PEOPLE, { group: false })), ['Priya Raman', 'Pedro Ruiz'], 'a name prefix beats initials');
    assert.equal(names(matchMentions('lv', PEOPLE, { group: false }))[0], 'Lena Vogel', 'initials before a match inside a name');
    assert.deepEqual(names(matchMentions('pruiz', PEOPLE, { group: false })), ['Pedro Ruiz'], 'the email');
    assert.equal(foldText('ÉCOLE'), 'ecole');
  });

  it('puts who spoke recently first among equal matches, offers @all in groups, and never me', () => {
    assert.deepEqual(names(matchMentions('p', PEOPLE, { group: false })), ['Pedro Ruiz', 'Priya Raman']);
    assert.deepEqual(names(matchMentions('', PEOPLE, { group: true, excludeId: 'p-me' })).slice(0, 3), ['@all', 'Pedro Ruiz', 'Lena Vogel']);
    assert.ok(!names(matchMentions('', PEOPLE, { group: true, excludeId: 'p-me' })).includes('Grace Hopper'));
    assert.deepEqual(names(matchMentions('al', PEOPLE, { group: true })), ['@all', 'José Álvarez']);
    assert.deepEqual(names(matchMentions('al', PEOPLE, { group: false })), ['José Álvarez'], 'no @all in a direct space');
  });

  it('stays a short list in a space of 5,000 people', () => {
    const many = Array.from({ length: 5000 }, (_, i) => ({ id: `p${i}`, displayName: `Person ${i}`, email: `p${i}@example.com` }));
    const options = matchMentions('person', many, { group: true, limit: 8 });
    assert.equal(options.length, 8);
  });

  it('finds the @query before the caret, and only after a space or the start', () => {
    assert.deepEqual(activeMentionQuery('hi @pri'), { start: 3, query: 'pri' });
    assert.deepEqual(activeMentionQuery('@'), { start: 0, query: '' });
    assert.equal(activeMentionQuery('mail me at a@b'), undefined);
    assert.equal(activeMentionQuery('hi @pri there'), undefined);
  });

  it('sends the markup for a mention whose label is still in the text, and plain text for an edited one', () => {
    const priya: MentionOption = { kind: 'person', person: PEOPLE[0] };
    const mentions = [{ label: mentionLabel(priya), markup: mentionMarkup(priya) }, { label: '@all', markup: '<@all>' }];
    assert.equal(toMarkdown('@Priya Raman can you look? cc @all', mentions), '<@personId:p-priya|Priya Raman> can you look? cc <@all>');
    assert.equal(toMarkdown('@Priya Ram can you look?', mentions.slice(0, 1)), '@Priya Ram can you look?');
    assert.equal(toMarkdown('@Priya Raman and @Priya Raman', mentions.slice(0, 1)), '<@personId:p-priya|Priya Raman> and @Priya Raman', 'one insert, one markup');
  });

  it('keeps names with | and > from breaking the markup, and round-trips markdown to the composer', () => {
    const odd: MentionOption = { kind: 'person', person: { id: 'p-x', displayName: 'A|B >C<' } };
    const markup = mentionMarkup(odd);
    assert.equal(markup, '<@personId:p-x|A|B  C<>');
    const back = fromMarkdown(`hi ${markup} and <@all> and <@personEmail:lena@example.com>`);
    assert.equal(back.text, 'hi @A|B  C< and @all and @lena@example.com');
    assert.equal(toMarkdown(back.text, back.mentions), `hi ${markup} and <@all> and <@personEmail:lena@example.com>`);
  });
});
