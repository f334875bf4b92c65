import type { Frame } from '../../../simulations/index';
import { loopSituation } from './loop-status';

/** The four steps of one `_run_once` iteration, in order; the last leads back to the first. */
export const loopSteps = ['select', 'io', 'timers', 'batch'] as const;
export type LoopStep = (typeof loopSteps)[number];

/** What each step of the cycle is called on the diagram. */
export const loopStepNames: Record<LoopStep, string> = {
	select: 'select()',
	io: 'process I/O events',
	timers: 'collect due timers',
	batch: 'run the batch'
};

/** One timer in the heap as drawn: `late` is how long past due it is (0 = due now, null = not due). */
export interface DiagramTimer {
	id: number;
	at: number;
	cb: string;
	late: number | null;
}

/** Everything the `_run_once` diagram draws, read from one frame. */
export interface LoopDiagram {
	/** The steps lit now: collecting I/O and due timers happen at one instant, so both light. */
	lit: LoopStep[];
	selector: { words: string; asleep: boolean; unread: string[] };
	/**
	 * The ready queue, head first: `later` marks entries that arrived during this iteration's
	 * batch. `key` numbers repeated names so each entry keeps its element as the queue drains.
	 */
	queue: { cb: string; later: boolean; key: string }[];
	/** How many entries at the head belong to the batch running now. */
	batchSize: number;
	/**
	 * The callback on the loop thread, what it is stuck in when the thread is blocked, and whether
	 * that is the wait for the GIL (drawn as GIL waiting, not as a blocking call).
	 */
	running: { cb: string | null; blockedOn: string | null; waitsForGil: boolean } | null;
	timers: DiagramTimer[];
	moreTimers: number;
	/** The diagram's accessible name: the same state in words. */
	label: string;
}

const TIMERS_SHOWN = 5;

/** Reads the diagram's state from a frame: which step is lit, the batch split, due timers. */
export function loopDiagram(frame: Frame): LoopDiagram {
	const { loop, loopThread, t } = frame;
	const stopped = loop.phase === 'stopped';
	const batchSize = Math.min(loop.batch, loop.ready.length);
	const timers = loop.timers.slice(0, TIMERS_SHOWN).map((timer) => ({
		...timer,
		late: timer.at <= t ? t - timer.at : null
	}));
	const asleep = !stopped && loopThread.state === 'select';
	const running =
		stopped || loopThread.state === 'select'
			? null
			: {
					cb: loop.running,
					blockedOn: loopThread.state === 'blocked' ? loopThread.blockedOn : null,
					waitsForGil: loopThread.state === 'blocked' && frame.threads.loop?.state === 'wantsGil'
				};
	const diagram: Omit<LoopDiagram, 'label'> = {
		lit: litSteps(frame),
		selector: { words: selectorWords(frame), asleep, unread: [...frame.unread] },
		queue: keyed(loop.ready, batchSize),
		batchSize,
		running,
		timers,
		moreTimers: Math.max(0, loop.timers.length - TIMERS_SHOWN)
	};
	return { ...diagram, label: diagramLabel(frame) };
}

function keyed(ready: readonly string[], batchSize: number): LoopDiagram['queue'] {
	const seen: Record<string, number> = {};
	return ready.map((cb, i) => {
		seen[cb] = (seen[cb] ?? 0) + 1;
		return { cb, later: i >= batchSize, key: `${cb}#${seen[cb]}` };
	});
}

function litSteps(frame: Frame): LoopStep[] {
	if (frame.loop.phase === 'stopped') return [];
	if (frame.loopThread.state === 'select') return ['select'];
	if (frame.loop.phase === 'collecting') return ['io', 'timers'];
	if (frame.loop.phase === 'running') return ['batch'];
	return [];
}

/** How the selector waits in this frame, in a few words. */
export function selectorWords(frame: Frame): string {
	if (frame.loop.phase === 'stopped') return 'closed';
	if (frame.loopThread.state !== 'select') return 'not watched: the loop is busy';
	const timeout = frame.loop.timeoutMs;
	if (timeout === null) return 'waits for I/O (no timer)';
	if (timeout === 0) return 'polling (timeout 0)';
	return `asleep in select() for up to ${timeout} ms`;
}

/** The ready queue's heading note: how much of the batch is left and what waits for the next. */
export function queueWords(d: Pick<LoopDiagram, 'queue' | 'batchSize'>): string {
	const later = d.queue.length - d.batchSize;
	if (d.queue.length === 0) return 'empty';
	if (d.batchSize === 0) return `${later} for the next batch`;
	return `batch: ${d.batchSize} left${later ? `, ${later} next time` : ''}`;
}

const plural = (n: number, one: string, many = `${one}s`) => `${n} ${n === 1 ? one : many}`;

function diagramLabel(frame: Frame): string {
	const { loop, t } = frame;
	const due = loop.timers.filter((timer) => timer.at <= t).length;
	const parts = [
		`${plural(loop.ready.length, 'callback')} ready`,
		`${plural(loop.timers.length, 'timer')}${due ? `, ${due} overdue` : ''}`
	];
	if (frame.unread.length) parts.push(`${plural(frame.unread.length, 'unread request')}`);
	return `Event loop: ${loopSituation(frame)}; ${parts.join(', ')}`;
}
