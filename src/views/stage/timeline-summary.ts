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

function laneWords(lane: Lane, upTo: number): string | null {
	const parts = sofar(lane.segments, upTo);
	if (lane.kind === 'loop') {
		const bad = parts.filter((s) => s.state === 'blocked' || s.state === 'gil');
		if (bad.length === 0) return 'loop thread never blocked';
		return `loop thread ${bad.map((s) => `${WORDS[s.state]} ${range(s.from, s.to)}`).join(', ')}`;
	}
	if (parts.length === 0) return null;
	if (parts.length <= MAX_STRETCHES)
		return `${lane.label} ${parts.map((s) => `${WORDS[s.state]} ${range(s.from, s.to)}`).join(', then ')}`;
	const totals = new Map<string, number>();
	for (const s of parts)
		totals.set(WORDS[s.state], (totals.get(WORDS[s.state]) ?? 0) + s.to - s.from);
	const each = [...totals].map(([words, ms]) => `${words} ${ms} ms`).join(', ');
	return `${lane.label} ${range(parts[0].from, parts.at(-1)?.to ?? upTo)}: ${each} in all`;
}

function handoffWords(h: Handoff, name: (id: string) => string): string {
	const from = name(h.from);
	const to = name(h.to);
	switch (h.kind) {
		case 'threadsafe':
			return `${from} hands ${h.what} to the ${to} at ${h.at} ms${h.woke ? ', waking it' : ''}`;
		case 'unsafe':
			return `${from} hands ${h.what} to the ${to} at ${h.at} ms without waking it`;
		case 'runCoroutineThreadsafe':
			return `${from} submits ${h.what} to the ${to} at ${h.at} ms`;
		case 'resultWait':
			return `${from} waits on ${h.what} from the ${to} from ${h.at} ms`;
	}
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
	const told = [
		...t.lanes.filter((l) => l.kind !== 'request'),
		...requests.slice(0, MAX_REQUESTS)
	].flatMap((l) => laneWords(l, upTo) ?? []);
	const untold = requests.slice(MAX_REQUESTS).filter((l) => sofar(l.segments, upTo).length > 0);
	if (untold.length > 0) told.push(`${untold.length} more requests`);
	told.push(...t.handoffs.filter((h) => h.at <= upTo).map((h) => handoffWords(h, laneName)));
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
