import { MAX_REQUESTS } from './timeline-geometry';
import type { LaneState } from './state-style';
import type { Handoff, Lane, Segment, TimelineModel } from './timeline-model';

// The timeline in words, for a screen reader: only what has happened by the cursor, as the
// drawing dims the rest, and only what matters: who blocked, who waited, for how long.

const WORDS: Record<LaneState, string> = {
	running: 'running',
	blocked: 'blocked',
	'thread-blocked': 'blocked',
	gil: 'waiting for the GIL',
	awaiting: 'awaiting',
	queued: 'queued',
	asleep: 'asleep in select()'
};

// A lane with more stretches than this is told as totals per state, not stretch by stretch.
const MAX_STRETCHES = 3;

const range = (from: number, to: number) => `${from}–${to} ms`;

/**
 * A lane's segments cut off at `upTo`, touching stretches of one state (two callbacks that both
 * block, say) told as one, leaving out the stretches the loop spends asleep.
 */
function sofar(segments: Segment[], upTo: number): Segment[] {
	const told: Segment[] = [];
	for (const s of segments) {
		if (s.from >= upTo || s.state === 'asleep') continue;
		const last = told.at(-1);
		const to = Math.min(s.to, upTo);
		if (last && last.state === s.state && last.to === s.from) last.to = to;
		else told.push({ ...s, to });
	}
	return told;
}

/** Stretches in words: one by one when few, else the time in each state over the whole span. */
function stretches(parts: Segment[]): string {
	if (parts.length <= MAX_STRETCHES)
		return parts.map((s) => `${WORDS[s.state]} ${range(s.from, s.to)}`).join(', then ');
	const totals = new Map<string, number>();
	for (const s of parts)
		totals.set(WORDS[s.state], (totals.get(WORDS[s.state]) ?? 0) + s.to - s.from);
	const each = [...totals].map(([words, ms]) => `${words} ${ms} ms`).join(', ');
	return `${range(parts[0].from, parts.at(-1)?.to ?? 0)}: ${each} in all`;
}

/** What a lane did by `upTo`, without its name; for the loop, only its blocking matters. */
function laneWords(lane: Lane, upTo: number): string | null {
	const parts = sofar(lane.segments, upTo);
	if (lane.kind !== 'loop') return parts.length === 0 ? null : stretches(parts);
	const bad = parts.filter((s) => s.state === 'blocked' || s.state === 'gil');
	return bad.length === 0 ? 'never blocked' : stretches(bad);
}

/** Lanes that did the same, told once: "r1, r2, r3 awaiting 0–60 ms". */
function lanesWords(lanes: Lane[], upTo: number): string[] {
	// Only lanes of one kind are told together: the loop's words count its blocking alone.
	const same = new Map<string, { words: string; labels: string[] }>();
	for (const lane of lanes) {
		const words = laneWords(lane, upTo);
		if (words === null) continue;
		const key = `${lane.kind} ${words}`;
		const group = same.get(key) ?? { words, labels: [] };
		same.set(key, { words, labels: [...group.labels, lane.label] });
	}
	return [...same.values()].map(({ words, labels }) => `${labels.join(', ')} ${words}`);
}

// Hand-offs told one by one; earlier ones are counted.
const MAX_HANDOFFS = 3;

// The engine's `what` says what crossed and whether it woke the loop, in a learner's words.
function handoffWords(h: Handoff, name: (id: string) => string): string {
	return `at ${h.at} ms, ${name(h.from)} to ${name(h.to)}: ${h.what}`;
}

/**
 * The timeline's accessible name (starting "Timeline") and what matters in it up to `upTo` ms:
 * which thread blocked and when, how each request spent its time, hand-offs, the worst lag.
 */
export function describeTimeline(
	t: TimelineModel,
	upTo: number,
	variant: string
): { name: string; description: string } {
	const name = `Timeline of ${variant}, 0–${t.endMs} ms, cursor at ${upTo} ms`;
	const label = new Map(t.lanes.map((l) => [l.id, l.label]));
	const laneName = (id: string) => label.get(id) ?? id;
	const requests = t.lanes.filter((l) => l.kind === 'request');
	const told = lanesWords(
		[...t.lanes.filter((l) => l.kind !== 'request'), ...requests.slice(0, MAX_REQUESTS)],
		upTo
	);
	const untold = requests.slice(MAX_REQUESTS).filter((l) => sofar(l.segments, upTo).length > 0);
	if (untold.length > 0) told.push(`${untold.length} more requests`);
	const handoffs = t.handoffs.filter((h) => h.at <= upTo);
	const earlier = handoffs.length - MAX_HANDOFFS;
	if (earlier > 0) told.push(`${earlier} earlier hand-off${earlier === 1 ? '' : 's'}`);
	told.push(...handoffs.slice(-MAX_HANDOFFS).map((h) => handoffWords(h, laneName)));
	const lags = t.lags.filter((l) => l.atMs <= upTo);
	if (lags.length > 0) {
		const worst = lags.reduce((a, b) => (b.lagMs > a.lagMs ? b : a));
		told.push(`lag monitor late by ${worst.lagMs} ms at ${worst.atMs} ms at worst`);
	}
	const beats = t.beats.filter((b) => b <= upTo).length;
	if (t.beats.length > 0) told.push(`heartbeat ran ${beats} time${beats === 1 ? '' : 's'}`);
	if (t.hungAtMs !== null && upTo >= t.hungAtMs)
		told.push(`hung from ${t.hungAtMs} ms: nothing changes after`);
	const what = told.length > 0 ? told.join('; ') : 'nothing has happened yet';
	return { name, description: `Up to ${upTo} ms: ${what}.` };
}
