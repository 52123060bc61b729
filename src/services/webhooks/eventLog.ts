/**
 * A bounded list of received events: the newest `capacity` are kept, older ones are dropped and
 * counted, so a flood of deliveries cannot grow memory or the Events view without bound.
 */
import { Emitter, type Event } from '../../webex/emitter';

export const DEFAULT_EVENT_CAPACITY = 500;

export class EventLog<T> {
  private items: T[] = [];
  private droppedCount = 0;
  private readonly changed = new Emitter<void>();
  readonly onDidChange: Event<void> = this.changed.event;

  constructor(readonly capacity: number = DEFAULT_EVENT_CAPACITY) {
    if (!Number.isInteger(capacity) || capacity < 1) {
      throw new Error(`capacity must be a whole number of at least 1 (got ${capacity}).`);
    }
  }

  add(item: T): void {
    this.items.push(item);
    if (this.items.length > this.capacity) {
      const excess = this.items.length - this.capacity;
      this.items.splice(0, excess);
      this.droppedCount += excess;
    }
    this.changed.fire();
  }

  /** Newest first. */
  newestFirst(): T[] {
    return [...this.items].reverse();
  }

  get size(): number {
    return this.items.length;
  }

  /** How many events were dropped to stay within the capacity. */
  get dropped(): number {
    return this.droppedCount;
  }

  clear(): void {
    this.items = [];
    this.droppedCount = 0;
    this.changed.fire();
  }

  dispose(): void {
    this.changed.dispose();
  }
}
