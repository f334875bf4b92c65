import { countUpTo } from '../sorted-count';
import type { Scenario, SimResult, TraceEvent } from '../../../simulations/index';
import { formatMs } from '../../format/numbers';
import type { Moment, MomentGroup } from './jumps';

/** One change of the loop thread's state: at which step (events applied) and time, to what. */
export interface LoopChange {
	step: number;
	t: number;
	/** `busy` runs Python, `blocked` is blocked (a call, a lock, the GIL), `idle` sleeps in select(). */
	state: 'busy' | 'blocked' | 'idle';
	/** What blocks it, in the engine's words ("r1: blocking call (200 ms)", "the GIL"), or "select()". */
	doing: string | null;
}

/** The moments of a run worth stepping to, by meaning, and the loop's changes for narration. */
export interface EventMoments {
	groups: MomentGroup[];
	loop: LoopChange[];
}

const ms = (n: number) => formatMs(n, 0);

/** Who blocks the loop, from the engine's words: "by r1 (blocking call (200 ms))". */
export function blockedBy(doing: string | null): string {
	if (!doing) return '';
	const m = /^([^:\s]+): (.+)$/.exec(doing);
	return m ? ` by ${m[1]} (${m[2]})` : ` (${doing === 'the GIL' ? 'waiting for the GIL' : doing})`;
}

function loopChanges(trace: readonly TraceEvent[]): LoopChange[] {
	const changes: LoopChange[] = [];
	const push = (step: number, t: number, state: LoopChange['state'], doing: string | null) => {
		const last = changes.at(-1);
		if (last && last.state === state && last.doing === doing) return;
		changes.push({ step, t, state, doing });
	};
	trace.forEach((e, i) => {
		if (e.type === 'select') push(i + 1, e.t, 'idle', 'select()');
		else if (e.type === 'thread' && e.detail.kind === 'loop') {
			const s = e.detail.state;
			if (s === 'blocked') push(i + 1, e.t, 'blocked', e.detail.doing);
			else if (s === 'wantsGil') push(i + 1, e.t, 'blocked', 'the GIL');
			else push(i + 1, e.t, s === 'running' ? 'busy' : 'idle', null);
		}
	});
	return changes;
}

function loopWords(c: LoopChange): string {
	if (c.state === 'blocked') return `is blocked${blockedBy(c.doing)}`;
	if (c.state === 'busy') return 'runs Python';
	return c.doing === 'select()' ? 'sleeps in select()' : 'is idle';
}

/**
 * Every arrival, answer, change of the loop thread's state, stretch the loop is blocked and
 * warning of a traced run, as steps to jump to, in one pass over the trace.
 */
export function eventMoments(result: SimResult): EventMoments {
	const trace = result.trace ?? [];
	const arrived = new Map(result.requests.map((q) => [q.id, q.arriveMs]));
	const arrivals: Moment[] = [];
	const answers: Moment[] = [];
	const warnings: Moment[] = [];
	trace.forEach((e, i) => {
		const step = i + 1;
		if (e.type === 'arrive') arrivals.push({ atMs: e.t, step, what: `${e.actor} arrives` });
		else if (e.type === 'done' && arrived.has(e.actor)) {
			const after = ms(e.t - (arrived.get(e.actor) ?? e.t));
			const what =
				e.detail.status === 'ok'
					? `${e.actor} is answered, after ${after}`
					: `${e.actor} fails after ${after}: ${e.detail.error ?? 'an error'}`;
			answers.push({ atMs: e.t, step, what });
		} else if (e.type === 'warning') warnings.push({ atMs: e.t, step, what: e.detail.message });
	});
	const loop = loopChanges(trace);
	const changes = loop.map((c) => ({
		atMs: c.t,
		step: c.step,
		what: `the loop thread ${loopWords(c)}`
	}));
	const blocked = loop.flatMap((c, k) => {
		if (c.state !== 'blocked') return [];
		const end = loop[k + 1]?.t ?? null;
		const long = end === null ? 'from here on' : `for ${ms(end - c.t)}`;
		return [{ atMs: c.t, step: c.step, what: `the loop is blocked${blockedBy(c.doing)} ${long}` }];
	});
	return {
		groups: [
			{ kind: 'arrival', moments: arrivals, by: 'step' },
			{ kind: 'completion', moments: answers, by: 'step' },
			{ kind: 'loop change', moments: changes, by: 'step' },
			{ kind: 'blocked stretch', moments: blocked, by: 'step' },
			{ kind: 'warning', moments: warnings, by: 'step' }
		],
		loop
	};
}

/** The loop's change in force after `step` events, and the one after it (a binary search). */
export function loopAround(
	loop: readonly LoopChange[],
	step: number
): { now: LoopChange | null; next: LoopChange | null } {
	const n = countUpTo(loop.length, (i) => loop[i].step, step);
	return { now: loop[n - 1] ?? null, next: loop[n] ?? null };
}

/** A run's moments, as its digest makes them (run-digest.ts). */
export const eventMomentsOf = (_scenario: Scenario, result: SimResult): EventMoments =>
	eventMoments(result);
