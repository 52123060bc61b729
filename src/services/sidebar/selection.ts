/**
 * The space or team the user selected or opened last. The Members view follows it; the conversation
 * webview sets it when a space opens.
 */
import { Emitter, type Event } from '../../webex/emitter';

export type SelectionTarget = { kind: 'space'; id: string } | { kind: 'team'; id: string };

export class SpaceSelection {
  private readonly changed = new Emitter<void>();
  private current: SelectionTarget | undefined;

  /** Fires only when the target actually changes (re-selecting the same space does not reload). */
  readonly onDidChange: Event<void> = this.changed.event;

  get target(): SelectionTarget | undefined {
    return this.current;
  }

  /** The selected space's id; undefined when nothing or a team is selected. */
  get activeSpaceId(): string | undefined {
    return this.current?.kind === 'space' ? this.current.id : undefined;
  }

  get activeTeamId(): string | undefined {
    return this.current?.kind === 'team' ? this.current.id : undefined;
  }

  setActiveSpace(roomId: string): void {
    this.set({ kind: 'space', id: roomId });
  }

  setActiveTeam(teamId: string): void {
    this.set({ kind: 'team', id: teamId });
  }

  clear(): void {
    if (this.current) {
      this.current = undefined;
      this.changed.fire();
    }
  }

  private set(target: SelectionTarget): void {
    if (this.current?.kind === target.kind && this.current.id === target.id) {
      return;
    }
    this.current = target;
    this.changed.fire();
  }

  dispose(): void {
    this.changed.dispose();
  }
}
