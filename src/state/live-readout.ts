import type { SimResult } from '../../simulations/index';

/** A request answered live: its latency and how long it waited before its handler started (ms). */
export interface LiveAnswer {
	id: string;
	ms: number;
	waitedMs: number;
}

/** A wait before the handler starts at least this long (ms) means the loop was busy with another. */
export const WAITED_MS = 20;

const ms = (n: number) => `${Math.round(n).toLocaleString('en-US')} ms`;
const plural = (n: number, one: string, many = `${one}s`) => `${n} ${n === 1 ? one : many}`;

/** The requests of `result` answered by `t` (ms), in the order they were answered. */
export function answeredBy(result: SimResult, t: number): LiveAnswer[] {
	return result.requests
		.filter((q) => q.endMs !== null && q.endMs <= t)
		.sort((a, b) => (a.endMs ?? 0) - (b.endMs ?? 0))
		.map((q) => ({
			id: q.id,
			ms: (q.endMs ?? 0) - q.arriveMs,
			waitedMs: (q.startMs ?? q.arriveMs) - q.arriveMs
		}));
}

/**
 * The live readout at `t` (ms), in words: how many requests were sent, the fastest and slowest
 * answer so far, and whether they waited for the loop (the cause) or not.
 */
export function liveReadout(result: SimResult, t: number): string {
	const sent = result.requests.filter((q) => q.arriveMs <= t).length;
	if (sent === 0)
		return 'Press “Send a request” (or R): each press is one request arriving at the server now.';
	const answers = answeredBy(result, t);
	const open = sent - answers.length;
	const pending = open > 0 ? ` ${open} not answered yet.` : '';
	if (answers.length === 0) return `You sent ${plural(sent, 'request')}; no answer yet.`;
	const times = answers.map((a) => a.ms);
	const head =
		answers.length === 1
			? `Your first answer: ${ms(times[0])}`
			: `Your ${answers.length} answers: fastest ${ms(Math.min(...times))}, slowest ${ms(Math.max(...times))}`;
	const waited = answers.filter((a) => a.waitedMs >= WAITED_MS);
	if (waited.length === 0) {
		const free = answers.length === 1 ? 'it did not wait for the loop' : 'none waited for the loop';
		return `${head}; ${free}.${pending}`;
	}
	const longest = waited.reduce((a, b) => (b.waitedMs > a.waitedMs ? b : a));
	const who =
		waited.length === 1
			? `${longest.id} waited ${ms(longest.waitedMs)} for the loop, busy with the ones before`
			: `${waited.length} waited for the loop, busy with the ones before (longest: ${longest.id}, ${ms(longest.waitedMs)})`;
	return `${head}; ${who}.${pending}`;
}

/** "a", "a and b", "a, b and c". */
function list(items: string[]): string {
	return items.length < 2
		? (items[0] ?? '')
		: `${items.slice(0, -1).join(', ')} and ${items.at(-1)}`;
}

/**
 * What the live region says: each answered request, at most one update per `gapMs` of wall time,
 * so a burst of answers becomes one sentence instead of a flood ("r3, r4 and r5 answered in 600,
 * 800 and 1,000 ms.").
 */
export class LiveAnnouncer {
	text = '';
	#told = new Set<string>();
	#lastAt: number | null = null;

	constructor(private readonly gapMs = 1500) {}

	/** Takes every request answered so far at wall time `wallMs`; returns what the region says. */
	heard(wallMs: number, answers: readonly LiveAnswer[]): string {
		if (this.#lastAt !== null && wallMs - this.#lastAt < this.gapMs) return this.text;
		const fresh = answers.filter((a) => !this.#told.has(a.id));
		if (fresh.length === 0) return this.text;
		for (const a of fresh) this.#told.add(a.id);
		this.#lastAt = wallMs;
		const ids = list(fresh.map((a) => a.id));
		const times = list(fresh.map((a) => String(Math.round(a.ms).toLocaleString('en-US'))));
		this.text = `${ids} answered in ${times} ms.`;
		return this.text;
	}

	/** Forgets what it said (live time started over). */
	reset(): void {
		this.text = '';
		this.#told.clear();
		this.#lastAt = null;
	}
}
