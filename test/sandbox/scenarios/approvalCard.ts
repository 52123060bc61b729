/**
 * The deploy-approval card of the demo (test/demo): a comment and Approve/Reject buttons whose
 * `data` carries the decision, so a submission's `inputs` are `{comment, decision}` (Webex merges
 * an Action.Submit's `data` into `inputs`: developer.webex.com/docs/buttons-and-cards).
 */
export const APPROVAL_TITLE = 'Deploy gateway 4.2.0 to production?';

export const APPROVAL_CARD = {
  contentType: 'application/vnd.microsoft.card.adaptive',
  content: {
    type: 'AdaptiveCard',
    version: '1.3',
    fallbackText: `${APPROVAL_TITLE} Answer in a Webex client that shows cards.`,
    body: [
      { type: 'TextBlock', text: APPROVAL_TITLE, weight: 'Bolder', size: 'Medium', wrap: true },
      { type: 'FactSet', facts: [{ title: 'Build', value: '#1842 (main)' }, { title: 'Canary', value: '10 %, error rate flat' }] },
      { type: 'Input.Text', id: 'comment', label: 'Comment', placeholder: 'Why?', isMultiline: true, isRequired: true, errorMessage: 'Say why, for the change log.' },
    ],
    actions: [
      { type: 'Action.Submit', title: 'Approve', data: { decision: 'approve' } },
      { type: 'Action.Submit', title: 'Reject', data: { decision: 'reject' } },
    ],
  },
};
