/**
 * Renders one card with `adaptivecards` (Microsoft's reference renderer), parsed at version 1.3 so
 * that what Webex would not show is not shown here either: elements and actions of later versions,
 * and the ones Webex does not render (Media, Table, Action.Execute: WEBEX_API_NOTES §9a,
 * [UNVERIFIED as the official list]), are left out of the registries and noted. Part of the cards
 * chunk (cardChunk.ts), never of the page bundle.
 *
 * TextBlock markdown goes through the page's markdown-it + DOMPurify path (the host's `markdown`),
 * never the renderer's own. `Action.Submit` inputs are checked by cardRules.ts before they leave.
 */
import {
  AdaptiveCard,
  CardObjectRegistry,
  GlobalRegistry,
  GlobalSettings,
  HostConfig,
  OpenUrlAction,
  SerializationContext,
  SubmitAction,
  Versions,
  type Action,
  type CardElement,
  type Input,
  type IMarkdownProcessingResult,
} from './adaptiveCards';
import type { CardHost, CardRenderer, RenderedCard } from './cardApi';
import { isWebUrl, mergeSubmitInputs, validateInput, type InputRule, type JsonObject } from './cardRules';
import { imageOf, prepareCard } from './cardUrls';
import { CARD_HOST_CONFIG } from './hostConfig';

const SKIPPED_ELEMENTS = ['Media', 'Table', 'Carousel'];
const SKIPPED_ACTIONS = ['Action.Execute'];

function registries(): { elements: CardObjectRegistry<CardElement>; actions: CardObjectRegistry<Action> } {
  const elements = new CardObjectRegistry<CardElement>();
  const actions = new CardObjectRegistry<Action>();
  GlobalRegistry.populateWithDefaultElements(elements);
  GlobalRegistry.populateWithDefaultActions(actions);
  for (const name of SKIPPED_ELEMENTS) {
    elements.unregister(name);
  }
  for (const name of SKIPPED_ACTIONS) {
    actions.unregister(name);
  }
  return { elements, actions };
}

function ruleOf(input: Input): InputRule {
  const json = input.toJSON();
  const num = (v: unknown): number | undefined => (typeof v === 'number' ? v : undefined);
  return {
    id: input.id ?? '',
    type: input.getJsonTypeName(),
    label: input.label,
    isRequired: input.isRequired,
    errorMessage: input.errorMessage,
    regex: typeof json?.regex === 'string' ? json.regex : undefined,
    maxLength: num(json?.maxLength),
    min: num(json?.min),
    max: num(json?.max),
  };
}

/** Shows or clears our message below an input. */
function markInput(input: Input, message: string | undefined): void {
  const box = input.renderedElement;
  if (!box) {
    return;
  }
  box.querySelector(':scope > .card-input-error')?.remove();
  if (message !== undefined) {
    const line = document.createElement('div');
    line.className = 'card-input-error';
    line.setAttribute('role', 'alert');
    line.textContent = message;
    box.append(line);
  }
}

/** The inputs a submit posts; undefined (and the messages shown) when one is not valid. */
function submitInputs(action: SubmitAction, card: AdaptiveCard): JsonObject | undefined {
  const values: Array<[string, unknown]> = [];
  let firstBad: Input | undefined;
  for (const input of card.getAllInputs()) {
    if (!input.id || !input.isVisible) {
      continue;
    }
    const value = input.value === undefined ? undefined : String(input.value);
    const problem = validateInput(ruleOf(input), value);
    markInput(input, problem);
    if (problem !== undefined) {
      firstBad ??= input;
    } else if (value !== undefined && value !== '') {
      values.push([input.id, value]);
    }
  }
  if (firstBad) {
    firstBad.focus();
    return undefined;
  }
  return mergeSubmitInputs(values, action.data);
}

class Renderer implements CardRenderer {
  private readonly hostConfig = new HostConfig(CARD_HOST_CONFIG);
  private readonly registry = registries();

  constructor() {
    GlobalSettings.displayInputValidationErrors = true;
    GlobalSettings.setTabIndexAtCardRoot = false;
  }

  render(source: JsonObject, host: CardHost): RenderedCard {
    const prepared = prepareCard(source);
    const card = new AdaptiveCard();
    card.hostConfig = this.hostConfig;
    card.onExecuteAction = (action: Action) => {
      if (action instanceof SubmitAction) {
        const inputs = submitInputs(action, card);
        if (inputs) {
          host.onAction({ kind: 'submit', inputs, title: action.title ?? '' });
        }
      } else if (action instanceof OpenUrlAction && isWebUrl(action.url)) {
        host.onAction({ kind: 'openUrl', url: action.url.trim() });
      }
    };
    const context = new SerializationContext(Versions.v1_3);
    context.setElementRegistry(this.registry.elements);
    context.setActionRegistry(this.registry.actions);
    card.parse(prepared.card, context);
    const skipped: string[] = [...new Set(prepared.removed)];
    for (let i = 0; i < context.eventCount; i++) {
      const event = context.getEventAt(i);
      skipped.push(event.message);
    }
    // The hook is static; rendering is synchronous, so this card's host is the one it calls.
    AdaptiveCard.onProcessMarkdown = (text: string, result: IMarkdownProcessingResult) => {
      result.outputHtml = host.markdown(text);
      result.didProcess = true;
    };
    const element = card.render();
    if (!element) {
      throw new Error('The card could not be rendered.');
    }
    for (const img of element.querySelectorAll('img')) {
      const url = imageOf(img.getAttribute('src') ?? '', prepared);
      if (url) {
        host.image(url, img);
      }
    }
    return { element, skipped: [...new Set(skipped)].slice(0, 10) };
  }
}

export function createCardRenderer(): CardRenderer {
  return new Renderer();
}
