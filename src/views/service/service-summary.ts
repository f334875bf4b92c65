import { formatMs, grouped } from '../../format/numbers';
import { loopAt, sharesOver } from './loop-share';
import { lowerBound, percentilesOf, type PercentileValues } from './percentiles';
import type { ServiceSeries } from './service-series';
import { changeAt, valueAt, type StepSeries } from './step-series';

// Each service view's text alternative: what it shows up to the cursor, in words, as the
// timeline's summary does (the drawing veils what comes after).

/** The highest value a series reaches by `t`, and when it first did (null: it stayed at 0). */
export function peakBy(s: StepSeries, t: number): { value: number; atMs: number } | null {
	let best: { value: number; atMs: number } | null = null;
	const last = changeAt(s.times, t);
	for (let i = 0; i <= last; i++)
		if (s.values[i] > (best?.value ?? 0)) best = { value: s.values[i], atMs: s.times[i] };
	return best;
}

const ms = (n: number) => formatMs(n, 0);
const pct = (part: number, whole: number) => `${whole > 0 ? Math.round((part / whole) * 100) : 0}%`;
const plural = (n: number, one: string, many = `${one}s`) =>
	`${grouped(n)} ${n === 1 ? one : many}`;
const peakWords = (p: { value: number; atMs: number } | null) =>
	p ? `${grouped(p.value)} at ${ms(p.atMs)}` : 'none';

/** The percentiles in words: "p50 120 ms, p95 300 ms, p99 410 ms". */
export function percentileWords(p: PercentileValues): string {
	return `p50 ${ms(p.p50)}, p95 ${ms(p.p95)}, p99 ${ms(p.p99)}`;
}

/** Latencies of the requests answered by `t`. */
export function answeredBy(s: ServiceSeries, t: number): number[] {
	return s.answered.latencyMs.slice(0, lowerBound(s.answered.endMs, t + 1e-9));
}

/** The queues panel: the door and the ready queue at `t`, and their peaks so far. */
export function queuesWords(s: ServiceSeries, t: number): string {
	return (
		`At ${ms(t)}: ${plural(valueAt(s.door, t), 'request')} waiting at the door (unread), ` +
		`${plural(valueAt(s.ready, t), 'callback')} in the ready queue. Highest so far: door ` +
		`${peakWords(peakBy(s.door, t))}, ready queue ${peakWords(peakBy(s.ready, t))}.`
	);
}

/** The in-flight panel. */
export function inFlightWords(s: ServiceSeries, t: number): string {
	return (
		`At ${ms(t)}: ${plural(valueAt(s.inFlight, t), 'request')} in flight (arrived, not answered). ` +
		`Highest so far: ${peakWords(peakBy(s.inFlight, t))}.`
	);
}

/** The latency panels: percentiles of what is answered by `t`, and the slowest answer. */
export function latencyWords(s: ServiceSeries, t: number): string {
	const done = answeredBy(s, t);
	const p = percentilesOf(done);
	if (!p) return `By ${ms(t)}: no request answered yet, of ${grouped(s.requests)}.`;
	let slowest = 0;
	for (let i = 1; i < done.length; i++) if (done[i] > done[slowest]) slowest = i;
	return (
		`By ${ms(t)}: ${grouped(done.length)} of ${grouped(s.requests)} answered; ${percentileWords(p)}; ` +
		`slowest ${s.answered.ids[slowest]}, ${ms(done[slowest])}.`
	);
}

/** The loop panel: its shares from the start to `t`, and what it does at `t`. */
export function loopWords(s: ServiceSeries, t: number): string {
	const sh = sharesOver(s.loop, s.endMs, 0, t);
	const all = sh.busy + sh.blocked + sh.idle;
	const now = { busy: 'running callbacks', blocked: 'blocked', idle: 'idle in select()' };
	return (
		`From 0 to ${ms(t)} the loop was busy ${pct(sh.busy, all)}, blocked ${pct(sh.blocked, all)}, ` +
		`idle ${pct(sh.idle, all)} of the time. At ${ms(t)} it is ${now[loopAt(s.loop, t)]}.`
	);
}

/** The lag strip: the samples so far and the worst. */
export function lagWords(s: ServiceSeries, t: number): string {
	const sofar = s.lag.filter((l) => l.atMs <= t);
	if (sofar.length === 0) return `No lag sample by ${ms(t)}.`;
	const worst = sofar.reduce((a, b) => (b.lagMs > a.lagMs ? b : a));
	return `By ${ms(t)}: ${plural(sofar.length, 'lag sample')}, worst ${ms(worst.lagMs)} late at ${ms(worst.atMs)}.`;
}

/** The pool panel: threads busy at `t`, and how busy the pool was so far. */
export function poolWords(s: ServiceSeries, t: number): string {
	if (s.poolSize === 0) return 'No pool: this runtime cannot start threads.';
	let area = 0;
	const { times, values } = s.poolBusy;
	for (let i = 0; i < times.length && times[i] < t; i++)
		area += values[i] * (Math.min(t, times[i + 1] ?? t) - times[i]);
	const used = t > 0 ? area / (t * s.poolSize) : 0;
	return (
		`At ${ms(t)}: ${grouped(valueAt(s.poolBusy, t))} of ${plural(s.poolSize, 'pool thread')} busy; ` +
		`the pool was ${Math.round(used * 100)}% used from 0 to ${ms(t)}.`
	);
}
