/**
 * Prompts answered from a script, for integration tests in the real extension host (exported from
 * activate() only when WEBEX_TEST=1). Answers are queued in order; a prompt with no matching answer
 * is recorded in `unexpected` and cancelled, so `assertDone()` fails the test instead of hanging it.
 * Notifications never block: one takes a queued `{ notify }` answer only if that is next in line,
 * otherwise it is recorded and dismissed.
 */
import type * as vscode from 'vscode';
import type { Prompts } from '../extensionServices';
import { Emitter } from '../webex/emitter';

export type ScriptedAnswer =
  /** Typed into the next input box; undefined = Escape. */
  | { input: string | undefined }
  /** Chooses the item with this exact label (or the first the predicate accepts); undefined = Escape. */
  | { pick: string | ((item: vscode.QuickPickItem) => boolean) | undefined }
  /** Presses the action (true) or Cancel (false) of the next confirmation. */
  | { confirm: boolean }
  /** Clicks this action of the next notification (undefined = dismiss). */
  | { notify: string | undefined };

export interface AskedPrompt {
  kind: 'input' | 'pick' | 'confirm' | 'notify';
  /** The prompt's title/prompt text, the confirmation message or the notification text. */
  text: string;
  severity?: 'info' | 'warning' | 'error';
  /** Quick pick labels or notification actions offered. */
  choices?: string[];
  /** For inputs: the value the box was pre-filled with (e.g. a failed post's text, offered again). */
  value?: string;
  detail?: string;
  /** What the script answered (undefined = cancelled/dismissed). */
  answer?: string | boolean;
}

export class ScriptedPrompts implements Prompts {
  private readonly answers: ScriptedAnswer[] = [];
  /** Fires after each prompt is recorded (waitFor listens). */
  private readonly recorded = new Emitter<AskedPrompt>();
  /** Every prompt shown, in order. */
  readonly asked: AskedPrompt[] = [];
  /** Prompts that found no matching answer (and were cancelled). */
  readonly unexpected: string[] = [];

  enqueue(...answers: ScriptedAnswer[]): void {
    this.answers.push(...answers);
  }

  /** Forgets queued answers and history (call in beforeEach). */
  reset(): void {
    this.answers.length = 0;
    this.asked.length = 0;
    this.unexpected.length = 0;
  }

  /** Throws if a prompt came unanswered or an answer was never used. */
  assertDone(): void {
    const problems = [...this.unexpected];
    if (this.answers.length > 0) {
      // l10n-ignore: a test's failure message, never shown to a user.
      problems.push(`unused answers: ${JSON.stringify(this.answers.map(describeAnswer))}`);
    }
    if (problems.length > 0) {
      throw new Error(`Scripted prompts: ${problems.join('; ')}`);
    }
  }

  notifications(severity?: 'info' | 'warning' | 'error'): AskedPrompt[] {
    return this.asked.filter((p) => p.kind === 'notify' && (severity === undefined || p.severity === severity));
  }

  /** Resolves with the first prompt (already shown or coming) that matches; rejects after `timeoutMs`. */
  waitFor(predicate: (p: AskedPrompt) => boolean, timeoutMs = 10_000): Promise<AskedPrompt> {
    const found = this.asked.find(predicate);
    if (found) {
      return Promise.resolve(found);
    }
    return new Promise((resolve, reject) => {
      const subscription = this.recorded.event((prompt) => {
        if (predicate(prompt)) {
          clearTimeout(timer);
          subscription.dispose();
          resolve(prompt);
        }
      });
      const timer = setTimeout(() => {
        subscription.dispose();
        reject(new Error(`No such prompt within ${timeoutMs} ms; asked so far: ${JSON.stringify(this.asked)}`));
      }, timeoutMs);
    });
  }

  input(options: vscode.InputBoxOptions): Promise<string | undefined> {
    const text = [options.title, options.prompt].filter(Boolean).join(': ');
    const record: AskedPrompt = { kind: 'input', text, value: options.value };
    const answer = this.take('input', text);
    if (!answer || !('input' in answer) || answer.input === undefined) {
      return Promise.resolve(this.record(record, undefined));
    }
    const value = answer.input;
    return Promise.resolve(options.validateInput?.(value)).then((problem) => {
      const message = typeof problem === 'string' ? problem : problem?.message;
      if (message) {
        // The real box would refuse the value; the scripted user gives up, which the test sees.
        this.unexpected.push(`input "${text}" rejected "${value}": ${message}`);
        return this.record(record, undefined);
      }
      return this.record(record, value);
    });
  }

  async pick<T extends vscode.QuickPickItem>(
    items: readonly T[] | Promise<readonly T[]>,
    options: vscode.QuickPickOptions,
  ): Promise<T | undefined> {
    const list = await items;
    const text = [options.title, options.placeHolder].filter(Boolean).join(': ');
    const record: AskedPrompt = { kind: 'pick', text, choices: list.map((i) => i.label) };
    const answer = this.take('pick', text);
    if (!answer || !('pick' in answer) || answer.pick === undefined) {
      this.record(record, undefined);
      return undefined;
    }
    const want = answer.pick;
    const chosen = list.find((item) => (typeof want === 'string' ? item.label === want : want(item)));
    if (!chosen) {
      this.unexpected.push(`pick "${text}": no item matches ${String(want)} among ${JSON.stringify(record.choices)}`);
    }
    this.record(record, chosen?.label);
    return chosen;
  }

  confirm(message: string, options: { detail?: string; action: string }): Promise<boolean> {
    const record: AskedPrompt = { kind: 'confirm', text: message, detail: options.detail, choices: [options.action] };
    const answer = this.take('confirm', message);
    const yes = answer !== undefined && 'confirm' in answer && answer.confirm;
    return Promise.resolve(this.record(record, yes) === true);
  }

  notify(severity: 'info' | 'warning' | 'error', message: string, ...actions: string[]): Promise<string | undefined> {
    const record: AskedPrompt = { kind: 'notify', text: message, severity, choices: actions };
    const next = this.answers[0];
    if (next && 'notify' in next) {
      this.answers.shift();
      const action = next.notify !== undefined && actions.includes(next.notify) ? next.notify : undefined;
      if (next.notify !== undefined && action === undefined) {
        this.unexpected.push(`notification "${message}" has no action "${next.notify}" (has ${JSON.stringify(actions)})`);
      }
      return Promise.resolve(this.record<string | undefined>(record, action));
    }
    return Promise.resolve(this.record<string | undefined>(record, undefined));
  }

  private take(kind: 'input' | 'pick' | 'confirm', text: string): ScriptedAnswer | undefined {
    const next = this.answers[0];
    if (next && kind in next) {
      this.answers.shift();
      return next;
    }
    this.unexpected.push(
      `${kind} "${text}" came, but the next answer is ${next ? JSON.stringify(describeAnswer(next)) : 'none'}`,
    );
    return undefined;
  }

  private record<V extends string | boolean | undefined>(prompt: AskedPrompt, answer: V): V {
    prompt.answer = answer;
    this.asked.push(prompt);
    this.recorded.fire(prompt);
    return answer;
  }
}

function describeAnswer(answer: ScriptedAnswer): unknown {
  return 'pick' in answer && typeof answer.pick === 'function' ? { pick: '(predicate)' } : answer;
}
