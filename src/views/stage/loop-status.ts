import type { Frame } from '../../../simulations/index';

/**
 * What the event loop is doing in a frame, as a phrase ("asleep in select() for up to 90 ms").
 * It follows `frame.loopThread`, so it never says asleep while the loop thread runs Python.
 */
export function loopSituation(frame: Frame): string {
	const { loop, loopThread } = frame;
	if (frame.outcome === 'completed') return 'the run has finished';
	if (frame.outcome === 'hung') return 'the run is hung';
	if (frame.outcome === 'stopped') return 'the run was stopped before every request ended';
	if (loop.phase === 'stopped') return 'the loop has stopped';
	if (loopThread.state === 'blocked') {
		if (frame.threads.loop?.state === 'wantsGil')
			return 'waiting for the GIL before it can run Python';
		return `blocked: ${loopThread.blockedOn ?? 'in a blocking call'}`;
	}
	if (loopThread.state === 'select') {
		if (loop.timeoutMs === null) return 'asleep in select(): no timer, waits for I/O';
		if (loop.timeoutMs > 0)
			return `asleep in select() for up to ${loop.timeoutMs} ms (the next timer)`;
		return loop.ready.length
			? 'polling select() (timeout 0): callbacks are ready'
			: 'polling select() (timeout 0)';
	}
	if (loop.running) return `running ${loop.running}`;
	if (loop.phase === 'collecting') return 'collecting ready I/O and due timers';
	return 'between callbacks';
}

/** One sentence for what the event loop is doing in a frame. */
export function loopStatus(frame: Frame): string {
	const phrase = loopSituation(frame);
	return `${phrase[0].toUpperCase()}${phrase.slice(1)}.`;
}
