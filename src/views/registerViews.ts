/**
 * Registers the Spaces, Teams and Members views.
 */
import * as vscode from 'vscode';
import type { ExtensionServices } from '../extensionServices';

export function registerViews(_services: ExtensionServices): vscode.Disposable {
  return vscode.Disposable.from();
}
