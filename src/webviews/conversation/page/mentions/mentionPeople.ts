/**
 * Who the `@` list offers in this space: its members (the host sends them once the first page is
 * shown) and the authors of the messages on the page, with when each last wrote, so that people
 * who spoke recently come first.
 */
import type { MessageView, PersonView } from '../../protocol';
import type { MentionCandidate } from './mentionModel';
import type { MentionSource } from './mentionPicker';

export class MentionPeople implements MentionSource {
  private readonly byId = new Map<string, MentionCandidate>();
  private list: MentionCandidate[] | undefined;
  private group = false;
  private me: string | undefined;

  setRoom(type: 'direct' | 'group', meId: string | undefined): void {
    this.group = type === 'group';
    this.me = meId;
  }

  /** The space's members (or people the page learned of, such as authors). */
  addPeople(people: readonly PersonView[]): void {
    for (const p of people) {
      const known = this.byId.get(p.id);
      this.byId.set(p.id, { id: p.id, displayName: p.displayName, email: p.email ?? known?.email, lastSpoke: known?.lastSpoke });
    }
    this.list = undefined;
  }

  /** Messages shown: their authors spoke then. */
  noteMessages(messages: Iterable<MessageView>): void {
    for (const m of messages) {
      const person = this.byId.get(m.personId);
      const at = Date.parse(m.created);
      if (person && !Number.isNaN(at) && at > (person.lastSpoke ?? 0)) {
        person.lastSpoke = at;
        this.list = undefined;
      }
    }
  }

  people(): readonly MentionCandidate[] {
    this.list ??= [...this.byId.values()];
    return this.list;
  }

  isGroup(): boolean {
    return this.group;
  }

  meId(): string | undefined {
    return this.me;
  }
}
