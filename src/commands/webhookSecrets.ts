/**
 * Webhook secrets in VS Code's SecretStorage, one key per account and webhook: never in settings,
 * files, logs or the views. The receiver verifies deliveries with the ones kept here.
 */
import { randomBytes } from 'node:crypto';
import type * as vscode from 'vscode';
import type { KnownSecret } from '../services/webhooks/signature';
import type { Webhook } from '../webex/webhooks';

const PREFIX = 'webex.webhookSecret/';

export function webhookSecretKey(accountId: string, webhookId: string): string {
  return `${PREFIX}${accountId}/${webhookId}`;
}

/** 32 random bytes as hex: what Webex's guide suggests a secret be (long and random). */
export function generateSecret(): string {
  return randomBytes(32).toString('hex');
}

export class WebhookSecrets {
  /** The secrets the receiver checks against, by webhook id (filled from SecretStorage). */
  private readonly known = new Map<string, KnownSecret>();

  constructor(private readonly storage: vscode.SecretStorage) {}

  async store(accountId: string, webhook: Pick<Webhook, 'id' | 'name'>, secret: string): Promise<void> {
    await this.storage.store(webhookSecretKey(accountId, webhook.id), secret);
    this.known.set(webhook.id, { webhookId: webhook.id, webhookName: webhook.name, secret });
  }

  async get(accountId: string, webhookId: string): Promise<string | undefined> {
    return (await this.storage.get(webhookSecretKey(accountId, webhookId))) ?? undefined;
  }

  async delete(accountId: string, webhookId: string): Promise<void> {
    await this.storage.delete(webhookSecretKey(accountId, webhookId));
    this.known.delete(webhookId);
  }

  /** Loads the secrets of these webhooks (those made here; others have none) for the receiver. */
  async load(accountId: string, webhooks: readonly Webhook[]): Promise<void> {
    for (const w of webhooks) {
      const secret = await this.get(accountId, w.id);
      if (secret !== undefined) {
        this.known.set(w.id, { webhookId: w.id, webhookName: w.name, secret });
      }
    }
  }

  /** A webhook renamed: its deliveries are shown under the new name. */
  rename(webhookId: string, name: string): void {
    const k = this.known.get(webhookId);
    if (k) {
      this.known.set(webhookId, { ...k, webhookName: name });
    }
  }

  secretOf(webhookId: string): string | undefined {
    return this.known.get(webhookId)?.secret;
  }

  all(): KnownSecret[] {
    return [...this.known.values()];
  }

  clear(): void {
    this.known.clear();
  }
}
