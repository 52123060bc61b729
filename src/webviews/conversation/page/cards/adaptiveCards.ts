/**
 * The parts of `adaptivecards` the cards chunk uses, imported from the library's own modules rather
 * than its index: the index also pulls in the Carousel (and its `swiper` dependency), Table and the
 * Universal Actions applet, none of which Webex renders at 1.3.
 */
export { AdaptiveCard, OpenUrlAction, SubmitAction, SerializationContext } from 'adaptivecards/lib/card-elements';
export type { Action, CardElement, Input, IMarkdownProcessingResult } from 'adaptivecards/lib/card-elements';
export { CardObjectRegistry, GlobalRegistry } from 'adaptivecards/lib/registry';
export { GlobalSettings } from 'adaptivecards/lib/shared';
export { HostConfig } from 'adaptivecards/lib/host-config';
export { Versions } from 'adaptivecards/lib/serialization';
