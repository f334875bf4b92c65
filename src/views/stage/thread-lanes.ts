import type { Frame } from '../../../simulations/index';

type Thread = Frame['threads'][string];
type Handoff = Frame['handoffs'][number];

/**
 * How a lane is drawn, by `--state-*` token and pattern: a blocked loop is an alarm, a worker
 * blocked in I/O is calm (it harms nobody), waiting for the GIL is dotted.
 */
export type LaneLook = 'running' | 'blocked' | 'thread-blocked' | 'gil' | 'asleep' | 'idle';

/** One thread's row. `gil` says whether it holds the GIL token or waits for it. */
export interface Lane {
	id: string;
	name: string;
	kind: Thread['kind'];
	look: LaneLook;
	words: string;
	gil: 'holds' | 'waits' | null;
}

/** A recent cross-thread hand-off as an arrow between two lanes. */
export interface HandoffArrow {
	from: string;
	to: string;
	kind: Handoff['kind'];
	/** The engine's own words for it, e.g. "call_soon_threadsafe(…): the self-pipe byte wakes select()". */
	words: string;
	/** True when the hand-off wrote the self-pipe byte that wakes a sleeping select(). */
	wakes: boolean;
	/** How long ago it happened, in ms of virtual time. */
	ago: number;
}

/** The lanes, the arrows and the GIL, locks and pool sentences the threads view shows. */
export interface ThreadLanes {
	lanes: Lane[];
	arrows: HandoffArrow[];
	gil: string;
	locks: { name: string; words: string }[];
	pool: string | null;
}

const kindOrder: Record<Thread['kind'], number> = { loop: 0, host: 1, reader: 2, pool: 3 };
/** How many of the latest hand-offs are drawn: enough to see a round trip, few enough to read. */
export const ARROWS_SHOWN = 3;

/** Reads the threads view from a frame; `gil` is false on a free-threaded build. */
export function threadLanes(frame: Frame, gil: boolean): ThreadLanes {
	const lanes = Object.entries(frame.threads)
		.map(([id, thread]) => lane(frame, id, thread, gil))
		.sort((a, b) => kindOrder[a.kind] - kindOrder[b.kind]);
	const known = new Set(lanes.map((l) => l.id));
	const arrows = frame.handoffs
		.filter((h) => known.has(h.from) && known.has(h.to))
		.slice(-ARROWS_SHOWN)
		.map((h) => arrow(h, frame.t));
	return {
		lanes,
		arrows,
		gil: gilWords(frame, gil),
		locks: Object.entries(frame.locks).map(([name, lock]) => ({
			name: `${lock.kind === 'thread' ? 'threading.Lock' : 'asyncio.Lock'} ${name}`,
			words:
				(lock.holder ? `held by ${threadName(lock.holder)}` : 'free') +
				(lock.waiters.length ? `; waiting: ${lock.waiters.map(threadName).join(', ')}` : '')
		})),
		pool:
			frame.pool.threads > 0 || frame.pool.queue.length > 0
				? `${frame.pool.threads} thread${frame.pool.threads === 1 ? '' : 's'} started; ` +
					(frame.pool.queue.length
						? `waiting for a free thread: ${frame.pool.queue.join(', ')}`
						: 'no work waiting')
				: null
	};
}

/** A thread's name as a newcomer reads it. */
export function threadName(id: string): string {
	return id === 'loop' ? 'loop thread' : id;
}

function lane(frame: Frame, id: string, thread: Thread, gil: boolean): Lane {
	const holds = gil && frame.gil.holder === id;
	const waits = gil && frame.gil.waiters.includes(id);
	return {
		id,
		name: threadName(id),
		kind: thread.kind,
		look: look(frame, id, thread),
		words: laneWords(frame, id, thread, holds),
		gil: holds ? 'holds' : waits ? 'waits' : null
	};
}

// A loop that has stopped is in no select(): the loop view says "the loop has stopped" too.
const stopped = (frame: Frame, id: string) => id === 'loop' && frame.loop.phase === 'stopped';

function look(frame: Frame, id: string, thread: Thread): LaneLook {
	if (stopped(frame, id)) return 'idle';
	if (thread.state === 'wantsGil') return 'gil';
	if (id === 'loop' && frame.loopThread.state === 'blocked') return 'blocked';
	if (id === 'loop' && frame.loopThread.state === 'select') return 'asleep';
	if (thread.state === 'blocked') return 'thread-blocked';
	if (thread.state === 'selecting') return 'asleep';
	return thread.state === 'running' ? 'running' : 'idle';
}

function laneWords(frame: Frame, id: string, thread: Thread, holdsGil: boolean): string {
	const doing = thread.doing ? `: ${thread.doing}` : '';
	if (stopped(frame, id)) return 'done: the loop has stopped';
	if (thread.state === 'wantsGil') return `waiting for the GIL${doing}`;
	if (id === 'loop' && frame.loopThread.state === 'blocked')
		return `blocked${frame.loopThread.blockedOn ? `: ${frame.loopThread.blockedOn}` : doing}`;
	// What it waits in comes first: a lane is too narrow for the whole sentence on a phone.
	if (thread.state === 'blocked')
		return `waits in ${thread.doing ?? 'a blocking call'}${holdsGil ? '' : ' (GIL released)'}`;
	if (thread.state === 'selecting' || (id === 'loop' && frame.loopThread.state === 'select'))
		return 'asleep in select()';
	if (thread.state === 'running') return `running Python${doing}`;
	return 'idle';
}

function gilWords(frame: Frame, gil: boolean): string {
	if (!gil) return 'none (free-threaded build): threads run Python at the same time';
	if (!frame.gil.holder) return 'free';
	const waiting = frame.gil.waiters.map(threadName).join(', ');
	return `held by ${threadName(frame.gil.holder)}${waiting ? `; waiting for it: ${waiting}` : ''}`;
}

function arrow(h: Handoff, t: number): HandoffArrow {
	return {
		from: h.from,
		to: h.to,
		kind: h.kind,
		words: h.what,
		wakes: h.woke,
		ago: Math.max(0, t - h.at)
	};
}
