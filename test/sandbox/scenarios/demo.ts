/** Placeholder until the demo account is written: the small account. */
import type { Scenario } from '../scenario';
import { smallScenario } from './small';

export function demoScenario(options: { now?: Date } = {}): Scenario {
  return { ...smallScenario(options), name: 'demo' };
}
