/**
 * Long work shows progress; the user may cancel it, which aborts the request (the client takes an
 * AbortSignal on every method).
 */
import * as vscode from 'vscode';

export function withProgress<T>(
  title: string,
  task: (signal: AbortSignal, report: (message: string) => void) => Promise<T>,
): Promise<T> {
  return Promise.resolve(
    vscode.window.withProgress(
      { location: vscode.ProgressLocation.Notification, title, cancellable: true },
      (progress, token): Promise<T> => {
        const controller = new AbortController();
        const subscription = token.onCancellationRequested(() => controller.abort());
        return task(controller.signal, (message) => progress.report({ message })).finally(() => {
          subscription.dispose();
        });
      },
    ),
  );
}
