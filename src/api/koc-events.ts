// The `koc` function's brand events and trial drops: sign-up opens by tier, highest first.
// Types only from the contract: zod stays out of the student pages (scripts/size-report.mjs).
import type { EventResults, eventInput } from '@core/contracts/koc-events';
import type { z } from 'zod';
import { call } from './client';

export type EventInput = z.input<typeof eventInput.saveEvent>;

/** The caller's tier with each program and the events they may sign up for (coming, open, or closed within a week). */
export const kocEvents = () => call<EventResults['events'], 'koc'>('koc', 'events');
/** NOT_OPEN_YET (with the caller's time), EVENT_FULL, BAD_STATE when closed; a trial place answers its ¥0 order. */
export const signUpEvent = (eventId: string) => call<EventResults['signUp'], 'koc'>('koc', 'signUp', { eventId });
export const cancelEventSignUp = (eventId: string) => call<EventResults['cancelSignUp'], 'koc'>('koc', 'cancelSignUp', { eventId });

// Merchant.
export const saveEvent = (input: EventInput) => call<EventResults['saveEvent'], 'koc'>('koc', 'saveEvent', input);
export const listEvents = () => call<EventResults['listEvents'], 'koc'>('koc', 'listEvents');
export const eventSignups = (eventId: string) => call<EventResults['eventSignups'], 'koc'>('koc', 'eventSignups', { eventId });
