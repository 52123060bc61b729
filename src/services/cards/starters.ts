/**
 * The starting points of **New Card**: an approval, a poll and a form with validation, written
 * for this extension. Each is an Adaptive Card 1.3 that Webex renders as it is (the unit tests
 * check them against the schema and Webex's rules).
 */

import * as l10n from '@vscode/l10n';

export interface CardStarter {
  /** The quick pick's label, and the suggested file name's stem. */
  label: string;
  fileStem: string;
  description: string;
  card: Record<string, unknown>;
}

const SCHEMA = 'http://adaptivecards.io/schemas/adaptive-card.json';

const approval: CardStarter = {
  label: l10n.t('Approval'),
  fileStem: 'approval',
  description: l10n.t('Approve or reject a request, with a comment'),
  // l10n-ignore: the card's own text, which the user edits and sends (content, not our UI).
  card: {
    $schema: SCHEMA,
    type: 'AdaptiveCard',
    version: '1.3',
    fallbackText: 'Deploy approval requested: open Webex to approve or reject.',
    body: [
      { type: 'TextBlock', text: 'Deploy approval', size: 'large', weight: 'bolder', wrap: true },
      {
        type: 'FactSet',
        facts: [
          { title: 'Service', value: 'checkout' },
          { title: 'Version', value: '2.4.1' },
          { title: 'Requested by', value: 'Ana' },
        ],
      },
      { type: 'Input.Text', id: 'comment', label: 'Comment', placeholder: 'Why (optional)', isMultiline: true },
    ],
    actions: [
      { type: 'Action.Submit', title: 'Approve', style: 'positive', data: { decision: 'approve' } },
      { type: 'Action.Submit', title: 'Reject', style: 'destructive', data: { decision: 'reject' } },
    ],
  },
};

const poll: CardStarter = {
  label: l10n.t('Poll'),
  fileStem: 'poll',
  description: l10n.t('One question, a few choices'),
  // l10n-ignore: the card's own text, which the user edits and sends (content, not our UI).
  card: {
    $schema: SCHEMA,
    type: 'AdaptiveCard',
    version: '1.3',
    body: [
      { type: 'TextBlock', text: 'Where should the team lunch be?', size: 'medium', weight: 'bolder', wrap: true },
      {
        type: 'Input.ChoiceSet',
        id: 'choice',
        style: 'expanded',
        isRequired: true,
        errorMessage: 'Pick one.',
        choices: [
          { title: 'Pizza', value: 'pizza' },
          { title: 'Sushi', value: 'sushi' },
          { title: 'Tacos', value: 'tacos' },
        ],
      },
    ],
    actions: [{ type: 'Action.Submit', title: 'Vote' }],
  },
};

const form: CardStarter = {
  label: l10n.t('Form with validation'),
  fileStem: 'form',
  description: l10n.t('Required fields, a pattern and a range, checked before it is sent'),
  // l10n-ignore: the card's own text, which the user edits and sends (content, not our UI).
  card: {
    $schema: SCHEMA,
    type: 'AdaptiveCard',
    version: '1.3',
    body: [
      { type: 'TextBlock', text: 'Report an incident', size: 'medium', weight: 'bolder', wrap: true },
      { type: 'Input.Text', id: 'title', label: 'Title', isRequired: true, errorMessage: 'Give it a title.', maxLength: 120 },
      {
        type: 'Input.Text',
        id: 'email',
        label: 'Your email',
        style: 'email',
        isRequired: true,
        regex: '^[^@\\s]+@[^@\\s]+\\.[^@\\s]+$',
        errorMessage: 'Enter an email address, like name@example.com.',
      },
      { type: 'Input.Number', id: 'severity', label: 'Severity (1–5)', min: 1, max: 5, value: 3, isRequired: true, errorMessage: 'A number from 1 to 5.' },
      { type: 'Input.Date', id: 'since', label: 'Since' },
      { type: 'Input.Toggle', id: 'customerFacing', title: 'Customers are affected', valueOn: 'yes', valueOff: 'no' },
    ],
    actions: [{ type: 'Action.Submit', title: 'Report', data: { form: 'incident' } }],
  },
};

export const CARD_STARTERS: readonly CardStarter[] = [approval, poll, form];

/** A starter as the text of a new card file. */
export function starterText(starter: CardStarter): string {
  return `${JSON.stringify(starter.card, null, 2)}\n`;
}
