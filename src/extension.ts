import * as vscode from 'vscode';

/** Wires the layers together; registration only (DESIGN.md "Layers"). */
export function activate(_context: vscode.ExtensionContext): void {
  // Filled by the sidebar and conversation work.
}

export function deactivate(): void {
  // Nothing to release yet.
}
