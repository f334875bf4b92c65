import type { RequestResult, StopWhy } from '../result';
import { count } from './wait-list';

/**
 * More engine events than this stop a run (`stopped`, why `budget`): no valid scenario may
 * freeze its caller or fill its memory. A traced run holds about this many trace events at most.
 */
export const EVENT_BUDGET = 2_000_000;

/** What a stop's reason reads of the run. */
export interface StopFacts {
	atMs: number;
	limitMs: number;
	/** The event budget the run ran into (why `budget`). */
	budget?: number;
	requests: readonly Pick<RequestResult, 'arriveMs' | 'endMs' | 'status'>[];
}

/**
 * Why a run that could still progress was cut short, in words both engines use: "Stopped at the
 * 10 s limit: 450 requests unfinished, the queue was still growing (380 → 450 over the last 1 s)".
 * The queue is the requests that have arrived and are not answered yet; its trend compares the
 * stop with the moment a tenth of the run earlier. One pass over the requests.
 */
export function stopReason(why: StopWhy, facts: StopFacts): string {
	const head =
		why === 'limit'
			? `Stopped at the ${duration(facts.limitMs)} limit`
			: `stopped: this scenario needs more than ${count(facts.budget ?? EVENT_BUDGET)} events, the engine's budget (stopped at ${duration(facts.atMs)}; shorten limitMs or slow down the background tasks)`;
	return `${head}: ${backlog(facts)}`;
}

function backlog({ atMs, requests }: StopFacts): string {
	const stretch = atMs / 10;
	const before = atMs - stretch;
	let unfinished = 0;
	let notArrived = 0;
	let now = 0;
	let then = 0;
	for (const r of requests) {
		const open = (t: number) => r.arriveMs <= t && (r.endMs === null || r.endMs > t);
		if (r.status === 'unfinished') unfinished++;
		if (r.arriveMs > atMs) notArrived++;
		if (open(atMs)) now++;
		if (open(before)) then++;
	}
	if (unfinished === 0) return 'every request had ended; work nobody awaits was still running';
	const later = notArrived > 0 ? ` (${count(notArrived)} not arrived yet)` : '';
	const over = `over the last ${duration(stretch)}`;
	const trend =
		now > then
			? `the queue was still growing (${count(then)} → ${count(now)} ${over})`
			: now < then
				? `the queue was shrinking (${count(then)} → ${count(now)} ${over})`
				: `the queue held at ${count(now)} ${over}`;
	return `${count(unfinished)} ${unfinished === 1 ? 'request' : 'requests'} unfinished${later}, ${trend}`;
}

/** 250 → "250 ms", 10000 → "10 s", 2500 → "2.5 s", 519998.7 → "519.999 s". */
export function duration(ms: number): string {
	if (ms < 1000) return `${Number(ms.toFixed(3))} ms`;
	const s = Number((ms / 1000).toFixed(3));
	const [whole, frac] = String(s).split('.');
	return `${count(Number(whole))}${frac ? `.${frac}` : ''} s`;
}
