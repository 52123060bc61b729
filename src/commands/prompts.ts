/**
 * The real prompts: vscode.window's input boxes, quick picks, modal confirmations and notifications.
 */
import * as vscode from 'vscode';
import type { Prompts } from '../extensionServices';

export class WindowPrompts implements Prompts {
  async input(options: vscode.InputBoxOptions): Promise<string | undefined> {
    return vscode.window.showInputBox(options);
  }

  async pick<T extends vscode.QuickPickItem>(
    items: readonly T[] | Promise<readonly T[]>,
    options: vscode.QuickPickOptions,
  ): Promise<T | undefined> {
    const list: Promise<T[]> = Promise.resolve(items).then((l) => [...l]);
    return vscode.window.showQuickPick<T>(list, options);
  }

  async confirm(message: string, options: { detail?: string; action: string }): Promise<boolean> {
    const choice = await vscode.window.showWarningMessage(
      message,
      { modal: true, detail: options.detail },
      options.action,
    );
    return choice === options.action;
  }

  async notify(
    severity: 'info' | 'warning' | 'error',
    message: string,
    ...actions: string[]
  ): Promise<string | undefined> {
    switch (severity) {
      case 'info':
        return vscode.window.showInformationMessage(message, ...actions);
      case 'warning':
        return vscode.window.showWarningMessage(message, ...actions);
      case 'error':
        return vscode.window.showErrorMessage(message, ...actions);
    }
  }
}
