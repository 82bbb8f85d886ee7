// The koc function's brand events and trial drops, signed up for in the order of tiers (server/koc/events.ts).
import { eventInput } from '../../core/contracts/koc-events';
import { action } from '../../server/define';
import * as events from '../../server/koc/events';

export const eventActions = {
  saveEvent: action({ input: eventInput.saveEvent, run: events.saveEvent }),
  listEvents: action({ input: eventInput.listEvents, run: (ctx) => events.listEvents(ctx) }),
  eventSignups: action({ input: eventInput.eventSignups, run: events.eventSignups }),
  events: action({ input: eventInput.events, run: (ctx) => events.myEvents(ctx) }),
  signUp: action({ input: eventInput.signUp, run: events.signUp }),
  cancelSignUp: action({ input: eventInput.cancelSignUp, run: events.cancelSignUp }),
};
