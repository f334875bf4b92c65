import type { Frame } from '../../../simulations/index';

/** One sentence for what the event loop is doing in a frame. */
export function loopStatus(frame: Frame): string {
	const loop = frame.loop;
	const thread = frame.threads.loop;
	if (loop.phase === 'stopped')
		return frame.outcome === 'hung' ? 'The run is hung.' : 'The run has finished.';
	if (thread?.state === 'blocked') return `Blocked: ${thread.doing ?? 'in a blocking call'}.`;
	if (thread?.state === 'wantsGil') return 'Waiting for the GIL before it can run Python.';
	if (loop.phase === 'selecting') {
		if (loop.timeoutMs === null) return 'Asleep in select(): no timer, waits for I/O.';
		if (loop.timeoutMs === 0) return 'Polling select() (timeout 0): callbacks are ready.';
		return `Asleep in select() for up to ${loop.timeoutMs} ms (the next timer).`;
	}
	if (loop.running) return `Running ${loop.running}.`;
	if (loop.phase === 'collecting') return 'Collecting ready I/O and due timers.';
	return 'Between callbacks.';
}
