import * as assert from 'node:assert/strict';
import { ScriptedPrompts } from '../../../src/commands/scriptedPrompts';

describe('scripted prompts (what integration tests drive the commands with)', () => {
  it('answers prompts in order and records what was asked', async () => {
    const p = new ScriptedPrompts();
    p.enqueue({ input: 'Launch' }, { pick: 'B' }, { confirm: true });
    assert.equal(await p.input({ title: 'Create Space', prompt: 'Title', value: 'x' }), 'Launch');
    const chosen = await p.pick([{ label: 'A' }, { label: 'B' }], { title: 'Team' });
    assert.equal(chosen?.label, 'B');
    assert.equal(await p.confirm('Delete?', { action: 'Delete' }), true);
    assert.deepEqual(
      p.asked.map((a) => [a.kind, a.text, a.answer]),
      [
        ['input', 'Create Space: Title', 'Launch'],
        ['pick', 'Team', 'B'],
        ['confirm', 'Delete?', true],
      ],
    );
    assert.equal(p.asked[0].value, 'x');
    p.assertDone();
  });

  it('cancels and reports a prompt nobody scripted, so the test fails instead of hanging', async () => {
    const p = new ScriptedPrompts();
    assert.equal(await p.input({ prompt: 'Email' }), undefined);
    assert.equal(await p.confirm('Sure?', { action: 'Yes' }), false);
    assert.throws(() => p.assertDone(), /input "Email" came, but the next answer is none/);
  });

  it('reports answers never used', () => {
    const p = new ScriptedPrompts();
    p.enqueue({ input: 'left over' });
    assert.throws(() => p.assertDone(), /unused answers/);
  });

  it('applies validateInput like the real box: a refused value cancels and is reported', async () => {
    const p = new ScriptedPrompts();
    p.enqueue({ input: 'nope' });
    const value = await p.input({ prompt: 'Email', validateInput: (v) => (v.includes('@') ? undefined : 'Enter an email') });
    assert.equal(value, undefined);
    assert.throws(() => p.assertDone(), /rejected "nope": Enter an email/);
  });

  it('picks with a predicate, and reports a pick that matches nothing', async () => {
    const p = new ScriptedPrompts();
    p.enqueue({ pick: (i) => i.description === 'team' }, { pick: 'Z' });
    const chosen = await p.pick([{ label: 'Eng' }, { label: 'Eng', description: 'team' }], {});
    assert.equal(chosen?.description, 'team');
    assert.equal(await p.pick(Promise.resolve([{ label: 'A' }]), {}), undefined);
    assert.throws(() => p.assertDone(), /no item matches Z/);
  });

  it('never blocks on notifications, but clicks an action when one is scripted next', async () => {
    const p = new ScriptedPrompts();
    assert.equal(await p.notify('info', 'Signed in'), undefined);
    p.enqueue({ notify: 'Edit and Retry' });
    assert.equal(await p.notify('error', 'Could not post', 'Edit and Retry', 'Copy Text'), 'Edit and Retry');
    assert.deepEqual(p.notifications('error').map((n) => n.choices), [['Edit and Retry', 'Copy Text']]);
    assert.equal(p.notifications().length, 2);
    p.assertDone();
  });

  it('waits for a prompt that comes later', async () => {
    const p = new ScriptedPrompts();
    const waiting = p.waitFor((a) => a.kind === 'notify' && /expired/.test(a.text));
    setImmediate(() => void p.notify('warning', 'Your Webex session has expired', 'Sign In'));
    assert.deepEqual((await waiting).choices, ['Sign In']);
    await assert.rejects(p.waitFor(() => false, 10), /No such prompt/);
  });
});
