import { formatEvent, type TraceEvent } from '../../../simulations/index';
import { formatMs } from '../../format/numbers';
import { blockedBy, loopAround, type LoopChange } from '../../state/trace/event-moments';
import { threadLabel } from '../stage/timeline-model';

// One engine event in plain words, and what the loop is doing around it: "r12 arrives; the loop
// is blocked by r3 (blocking call (200 ms)) for another 140 ms".

const ms = (n: number) => formatMs(n, 0);

const TASK_WORDS: Record<string, string> = {
	running: 'runs',
	ready: 'is ready to run (in the ready queue)',
	arrived: 'has arrived',
	coming: 'is still to come',
	done: 'has finished'
};

const THREAD_WORDS: Record<string, string> = {
	running: 'runs Python',
	blocked: 'is blocked',
	wantsGil: 'waits for the GIL',
	selecting: 'sleeps in select()',
	idle: 'is idle'
};

/** What one event does, in words; `arrivedAt` gives a request's arrival, for its latency. */
export function eventWords(e: TraceEvent, arrivedAt: (id: string) => number | undefined): string {
	switch (e.type) {
		case 'arrive':
			return `${e.actor} arrives${e.detail.waitsAt === 'selector' ? ' at the door (its socket)' : ''}`;
		case 'select':
			if (e.detail.timeoutMs === 0) return 'the loop polls select(): callbacks are ready';
			return e.detail.timeoutMs === null
				? 'the loop sleeps in select() until a socket or a thread wakes it'
				: `the loop sleeps in select() for up to ${ms(e.detail.timeoutMs)} (its next timer)`;
		case 'wake':
			return {
				io: 'select() returns: a socket is ready',
				timeout: 'select() returns: a timer is due',
				poll: 'select() returns at once'
			}[e.detail.reason];
		case 'batch':
			return e.detail.n === 1
				? 'the loop runs the one callback ready now'
				: `the loop runs the ${e.detail.n} callbacks ready now`;
		case 'enqueue':
			if (e.detail.request !== undefined)
				return `the loop reads ${e.detail.request} off its socket: “${e.detail.cb}” joins the ready queue`;
			return `“${e.detail.cb}” joins the ready queue${e.detail.via === 'timer' ? ' (its timer is due)' : ''}`;
		case 'run':
			return `the loop runs “${e.detail.cb}”`;
		case 'return':
			return `“${e.detail.cb}” returns${e.detail.ms > 0 ? ` after ${ms(e.detail.ms)}` : ''}`;
		case 'timer':
			return `a timer is set for ${ms(e.detail.at)}: “${e.detail.cb}”`;
		case 'thread': {
			const who =
				e.detail.kind === 'loop' ? 'the loop thread' : threadLabel(e.actor, e.detail.kind);
			const doing = e.detail.doing ? `: ${e.detail.doing}` : '';
			return `${who} ${THREAD_WORDS[e.detail.state] ?? e.detail.state}${e.detail.state === 'idle' ? '' : doing}`;
		}
		case 'task':
			if (e.detail.state === 'waiting')
				return `${e.actor} waits${e.detail.on ? ` on ${e.detail.on}` : ''}`;
			return `${e.actor} ${TASK_WORDS[e.detail.state] ?? e.detail.state}`;
		case 'done': {
			const at = arrivedAt(e.actor);
			const after = at === undefined ? '' : `, ${ms(e.t - at)} after it arrived`;
			return e.detail.status === 'ok'
				? `${e.actor} is answered${after}`
				: `${e.actor} fails${after}: ${e.detail.error ?? 'an error'}`;
		}
		case 'handoff':
			return `${e.detail.from} hands over to ${e.detail.to}: ${e.detail.what}`;
		case 'log':
			return `the process prints: ${e.detail.text.split('\n')[0]}`;
		case 'beat':
			return 'the heartbeat runs';
		case 'lag':
			return `the lag monitor wakes ${ms(e.detail.lagMs)} late`;
		case 'rpc':
			return e.detail.what;
		case 'warning':
			return `warning: ${e.detail.message}`;
		case 'hung':
			return `the run hangs: ${e.detail.reason.length > 200 ? `${e.detail.reason.slice(0, 200)}…` : e.detail.reason}`;
		case 'end':
			return `the run ends (${e.detail.outcome})`;
		default:
			// The GIL, locks and the pool: the engine's own line says who holds and who waits.
			return formatEvent(e)
				.trim()
				.replace(/^\S+\s+\S+\s+/, '');
	}
}

/**
 * The narration of step `step` (its event `e`): the event in words and, unless the event is the
 * loop's own change, whether the loop is blocked then and for how much longer.
 */
export function narrate(
	e: TraceEvent,
	step: number,
	loop: readonly LoopChange[],
	arrivedAt: (id: string) => number | undefined
): string {
	const words = eventWords(e, arrivedAt);
	const own = e.type === 'select' || (e.type === 'thread' && e.detail.kind === 'loop');
	const { now, next } = loopAround(loop, step);
	if (own && now?.step === step && now.state === 'blocked') {
		const until = next ? ` until ${formatMs(next.t, 1)}` : ' from here on';
		return `the loop thread is blocked${blockedBy(now.doing)}${until}: nothing else runs on the loop.`;
	}
	if (own || now?.state !== 'blocked') return `${words}.`;
	const left = next ? `for another ${ms(next.t - e.t)}` : 'from here on';
	return `${words}; the loop is blocked${blockedBy(now.doing)} ${left}.`;
}
