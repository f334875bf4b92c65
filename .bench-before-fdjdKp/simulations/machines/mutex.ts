import { setup } from 'xstate';

/** A mutex: the GIL, a `threading.Lock` or an `asyncio.Lock`. Who holds it is data the engine keeps. */
export const mutexMachine = setup({
	types: {} as { events: { type: 'ACQUIRE' } | { type: 'HANDOVER' } | { type: 'RELEASE' } }
}).createMachine({
	id: 'mutex',
	initial: 'free',
	states: {
		free: { on: { ACQUIRE: 'held' } },
		// HANDOVER: the holder leaves and the first waiter takes it in the same instant.
		held: { on: { HANDOVER: 'held', RELEASE: 'free' } }
	}
});

export type MutexState = 'free' | 'held';
export type MutexEvent = 'ACQUIRE' | 'HANDOVER' | 'RELEASE';
