import type { Frame } from '../../simulations/index';
import type { Expectation } from './step-expectations';

/**
 * What a frame contradicts of a step's expectations, one `expected …, frame has …` per broken
 * claim (empty when the frame agrees with every one).
 */
export function checkExpectations(frame: Frame, expect: readonly Expectation[]): string[] {
	return expectationMisses(frame, expect).map(
		(m) => `expected ${m.expect.text}, frame has ${m.found}`
	);
}

/** Each expectation the frame contradicts, with what the frame shows instead. */
export function expectationMisses(
	frame: Frame,
	expect: readonly Expectation[]
): { expect: Expectation; found: string }[] {
	return expect.flatMap((e) => {
		const found = contradiction(frame, e);
		return found === null ? [] : [{ expect: e, found }];
	});
}

const list = (xs: readonly string[]) => (xs.length === 0 ? 'none' : xs.join(' '));
const sameSet = (a: readonly string[], b: readonly string[]) =>
	a.length === b.length && [...a].sort().join('\n') === [...b].sort().join('\n');
const holding = (holder: string | null, waiters: readonly string[]) =>
	holder === null ? 'free' : `held by ${holder} waiting ${list(waiters)}`;

// What the frame shows instead, or null when it agrees.
function contradiction(f: Frame, e: Expectation): string | null {
	switch (e.kind) {
		case 'loop': {
			const { state, blockedOn } = f.loopThread;
			const shown =
				state === 'blocked'
					? `loop blocked on "${blockedOn ?? ''}"`
					: state === 'callback'
						? `loop callback "${f.loop.running ?? ''}"`
						: 'loop select';
			if (state !== e.state) return shown;
			const detail = state === 'blocked' ? blockedOn : f.loop.running;
			return e.detail === undefined || (detail ?? '').includes(e.detail) ? null : shown;
		}
		case 'gil': {
			const { holder, waiters } = f.gil;
			const shown = holder === null ? 'gil free' : `gil ${holder} waiting ${list(waiters)}`;
			const agrees =
				holder === e.holder && (e.waiters === undefined || sameSet(waiters, e.waiters));
			return agrees ? null : shown;
		}
		case 'lock': {
			const lock = f.locks[e.name];
			if (!lock) return `no lock ${e.name} (locks: ${list(Object.keys(f.locks))})`;
			const agrees =
				lock.holder === e.holder && (e.waiters === undefined || sameSet(lock.waiters, e.waiters));
			return agrees ? null : `lock ${e.name} ${holding(lock.holder, lock.waiters)}`;
		}
		case 'log':
			return logContradiction(f.log, e);
		case 'ready':
			if (e.count !== undefined && f.loop.ready.length !== e.count)
				return `ready ${f.loop.ready.length} (${list(f.loop.ready)})`;
			if (e.has?.some((cb) => !f.loop.ready.includes(cb))) return `ready ${list(f.loop.ready)}`;
			return null;
		case 'batch':
			return f.loop.batch === e.count ? null : `batch ${f.loop.batch}`;
		case 'unread':
			return sameSet(f.unread, e.ids) ? null : `unread ${list(f.unread)}`;
		case 'timers':
			return f.loop.timers.length === e.count
				? null
				: `timers ${f.loop.timers.length} (${list(f.loop.timers.map((t) => `${t.cb}@${t.at}`))})`;
		case 'request': {
			const wrong = e.ids.flatMap((id) => {
				const r = f.requests[id];
				const state = r === undefined ? 'not arrived' : r.state === 'arrived' ? 'pending' : r.state;
				const agrees =
					state === e.state && (e.error === undefined || (r?.error ?? '').includes(e.error));
				return agrees ? [] : [`request ${id} ${state}${r?.error ? ` "${r.error}"` : ''}`];
			});
			return wrong.length === 0 ? null : wrong.join(', ');
		}
		case 'thread': {
			const t = f.threads[e.name];
			if (!t) return `no thread ${e.name} (threads: ${list(Object.keys(f.threads))})`;
			return t.state === e.state ? null : `thread ${e.name} ${t.state}`;
		}
		case 'task': {
			const wrong = e.names.flatMap((name) => {
				const t = f.tasks[name];
				if (!t) return [`no task ${name}`];
				return t.state === e.state ? [] : [`task ${name} ${t.state}`];
			});
			return wrong.length === 0 ? null : wrong.join(', ');
		}
		case 'outcome': {
			// The verdict is the run's from its `hung` (or `stopped`) event on, a moment before `end`.
			const reason = f.hungReason ?? f.stoppedReason;
			const outcome =
				f.outcome ??
				(f.hungReason !== null ? 'hung' : f.stoppedReason !== null ? 'stopped' : 'running');
			const shown = reason === null ? `outcome ${outcome}` : `outcome ${outcome} "${reason}"`;
			if (outcome !== e.outcome) return shown;
			return e.reason === undefined || (reason ?? '').includes(e.reason) ? null : shown;
		}
		case 'heartbeats':
			return f.heartbeats === e.count ? null : `heartbeats ${f.heartbeats}`;
		case 'lag': {
			const lag = f.lastLagMs === null ? null : Math.round(f.lastLagMs);
			return lag === e.ms ? null : `lag ${lag ?? 'none'}`;
		}
		case 'handoff': {
			const found = f.handoffs.some(
				(h) => h.kind === e.handoff && (e.woke === undefined || h.woke === e.woke)
			);
			const shown = f.handoffs.map((h) => `${h.kind} ${h.woke ? 'woke' : 'silent'}`);
			return found ? null : `handoffs ${list(shown)}`;
		}
		case 'pool':
			return f.pool.queue.length === e.queued
				? null
				: `pool queued ${f.pool.queue.length} (${list(f.pool.queue)})`;
	}
}

function logContradiction(log: Frame['log'], e: Extract<Expectation, { kind: 'log' }>) {
	const shown = () =>
		log.length === 0 ? 'log empty' : log.map((l) => `${l.source}: "${l.text}"`).join(', ');
	if (e.lines !== undefined) return log.length === e.lines ? null : shown();
	if (e.none !== undefined) return log.some((l) => l.source === e.none) ? shown() : null;
	const found = log.some(
		(l) => (e.source === undefined || l.source === e.source) && l.text.includes(e.has ?? '')
	);
	return found ? null : shown();
}
