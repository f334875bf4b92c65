import type { Scenario, SimResult, Step } from '../../simulations/index';
import { whyNotReal } from '../../src/runtime/interpreter';

const FIELDS = [
	'outcome',
	'status',
	'error',
	'order',
	'requestTimes',
	'runEnd',
	'hung',
	'stopped',
	'heartbeats',
	'lag',
	'warnings'
] as const;

/** What the differential test compares between the engine's result and the real run's. */
export type Field = (typeof FIELDS)[number];

/**
 * A documented reason why the engine and the real run (in the fake environment) may differ on a
 * scenario: `applies` picks the scenarios, `fields` are the only ones that may then differ, and
 * `check` (if any) states what must still hold between the two results.
 */
export interface Allowance {
	name: string;
	reason: string;
	applies: (scenario: Scenario, engine: SimResult) => boolean;
	fields: Field[];
	check?: (engine: SimResult, real: SimResult) => string | null;
}

const anyStep = (s: Scenario, test: (step: Step) => boolean): boolean => {
	const visit = (steps: Step[]): boolean =>
		steps.some(
			(step) =>
				test(step) ||
				((step.op === 'lock' || step.op === 'threadsafeResult') && visit(step.steps)) ||
				(step.op === 'gather' && step.branches.some(visit))
		);
	return Object.values(s.handlers).some((h) => visit(h.steps));
};

const isDeadlock = (r: SimResult) => r.hung?.reason.startsWith('deadlock:') === true;
const runsForReal = (s: Scenario) => whyNotReal(s, true) === null;

/**
 * The scenario both engines run in the comparison: the same, with exact timers. The engine's
 * default `timerLateness: "epoll"` is CPython's on Linux (F37); the real run's timers are the
 * browser's own (exact in the fake env), so lateness stays out of the comparison.
 */
export function compared(scenario: Scenario): Scenario {
	return { ...scenario, runtime: { ...scenario.runtime, timerLateness: 'exact' } };
}

/** The table of allowed differences (mirrored in the README, section "One rulebook"). */
export const ALLOWANCES: Allowance[] = [
	{
		name: 'no GIL, no core limit',
		reason:
			'the fake env, like a page without shared memory, has no GIL and no core limit: CPU work offloaded to pool threads overlaps instead of taking turns',
		applies: (s) => anyStep(s, (step) => step.op === 'offload' && step.work === 'cpu'),
		fields: ['requestTimes', 'runEnd', 'heartbeats', 'lag']
	},
	{
		name: 'new connections',
		reason:
			'a page has no sockets: the real run starts a request’s handler at its arrival, while the engine takes a new TCP connection through accept, _accept_connection2, connection_made/_add_reader and the read (F6), iterations in which overdue timers run, so the monitors differ',
		applies: (s) => s.requests.some((r) => r.connection === 'new'),
		fields: ['heartbeats', 'lag']
	},
	{
		name: 'simulation only',
		reason:
			'run_coroutine_threadsafe(...).result(), FastAPI def endpoints (anyio’s worker pool) and debug mode’s thread check run in the simulation only: the page refuses the real run (whyNotReal), so nothing is compared',
		applies: (s) => !runsForReal(s),
		fields: [...FIELDS]
	},
	{
		name: 'deadlock seen by the time-out',
		reason:
			'a real deadlock blocks the server worker for good; only the bridge’s time-out ends the run, so it reports at limitMs with no heartbeats, quoting the deadlock the engine names',
		applies: (s, engine) => runsForReal(s) && isDeadlock(engine),
		fields: ['requestTimes', 'runEnd', 'hung', 'heartbeats', 'lag', 'warnings'],
		check: (engine, real) =>
			real.hung?.reason.endsWith(`: ${engine.hung?.reason}`)
				? null
				: `real hung reason ${JSON.stringify(real.hung?.reason)} does not quote the engine's deadlock`
	},
	{
		name: 'hang seen at the limit',
		reason:
			'the engine knows when nothing can ever happen again and ends at once, hung; a real loop cannot know, so it runs on to limitMs: there, if it ran nothing for a quarter of the run with requests unfinished, it is hung, naming them; if background tasks kept it running, it is stopped',
		applies: (s, engine) => runsForReal(s) && engine.outcome === 'hung' && !isDeadlock(engine),
		fields: ['outcome', 'runEnd', 'hung', 'stopped'],
		check: (_engine, real) =>
			seenAtTheLimit(real)
				? null
				: `real run ${real.outcome} (${JSON.stringify(real.hung ?? real.stopped)}) is not a hang seen at the limit`
	}
];

/** A real run's view of a hang: at its limit, stuck (hung, nothing ran) or still at work (stopped). */
export function seenAtTheLimit(real: SimResult): boolean {
	if (real.outcome === 'hung')
		return real.hung?.reason.startsWith('nothing ran on the loop') ?? false;
	return (
		real.outcome === 'stopped' &&
		real.stopped?.why === 'limit' &&
		real.stopped.reason.startsWith('Stopped at the ')
	);
}

/** Request ids in the order they ended (ties in request order); unfinished ones are left out. */
export function endOrder(r: SimResult): string[] {
	return r.requests
		.map((q, i) => ({ q, i }))
		.filter(({ q }) => q.endMs !== null)
		.sort((a, b) => (a.q.endMs as number) - (b.q.endMs as number) || a.i - b.i)
		.map(({ q }) => q.id);
}

const stopHead = (r: SimResult) =>
	r.stopped && { atMs: r.stopped.atMs, why: r.stopped.why, head: r.stopped.reason.split('; ')[0] };

const same = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);

/** The fields on which two results differ; monitors are compared up to the earlier end. */
export function differences(engine: SimResult, real: SimResult): Field[] {
	const until = Math.min(engine.endMs, real.endMs);
	const upTo = <T>(xs: T[], at: (x: T) => number) => xs.filter((x) => at(x) <= until);
	const fields: [Field, unknown, unknown][] = [
		['outcome', engine.outcome, real.outcome],
		['status', engine.requests.map((q) => q.status), real.requests.map((q) => q.status)],
		['error', engine.requests.map((q) => q.error), real.requests.map((q) => q.error)],
		['order', endOrder(engine), endOrder(real)],
		[
			'requestTimes',
			engine.requests.map((q) => [q.startMs, q.endMs]),
			real.requests.map((q) => [q.startMs, q.endMs])
		],
		['runEnd', engine.endMs, real.endMs],
		['hung', engine.hung, real.hung],
		// What each was left waiting for is said in each engine's words; the rulebook's head is shared.
		['stopped', stopHead(engine), stopHead(real)],
		['heartbeats', upTo(engine.heartbeats, (t) => t), upTo(real.heartbeats, (t) => t)],
		['lag', upTo(engine.lag, (l) => l.atMs), upTo(real.lag, (l) => l.atMs)],
		['warnings', upTo(engine.warnings, (w) => w.atMs), upTo(real.warnings, (w) => w.atMs)]
	];
	return fields.filter(([, a, b]) => !same(a, b)).map(([f]) => f);
}

/** How one scenario fared: the allowances that apply, and what differs beyond them. */
export interface Verdict {
	differs: Field[];
	allowances: string[];
	unexplained: string[];
}

/** Compares the two results of one scenario against the table of allowed differences. */
export function judge(scenario: Scenario, engine: SimResult, real: SimResult): Verdict {
	const applying = ALLOWANCES.filter((a) => a.applies(scenario, engine));
	const allowed = new Set(applying.flatMap((a) => a.fields));
	const differs = differences(engine, real);
	const unexplained = differs.filter((f) => !allowed.has(f)).map((f) => `${f} differs`);
	for (const a of applying) {
		const broken = a.check?.(engine, real);
		if (broken) unexplained.push(`${a.name}: ${broken}`);
	}
	return { differs, allowances: applying.map((a) => a.name), unexplained };
}
