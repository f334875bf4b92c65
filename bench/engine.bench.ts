// `npm run bench`: how long the engine takes for a 10,000-request scenario, where the time goes,
// its time and memory at 100 to 100,000 requests, and how today's engine compares with the one
// before the parts were split (commit 96b44f6).
// Figures are medians of several runs in one process; compare them as ratios, not across machines.
import { execSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { getHeapStatistics } from 'node:v8';
import { pathToFileURL } from 'node:url';
import * as after from '../simulations/index';
import { simulate, type Scenario } from '../simulations/index';
import { parseScenario } from '../simulations/text';
import { blockingService, SIZES } from './blocking-service';

/** The engine before its restructuring: parts sharing one Sim, context-free machines. */
const BEFORE = '96b44f6';
/** After/before of the median engine time may not exceed this. */
const RATIO_TARGET = 1.3;

const REQUESTS = 10_000;
const RUNS = 5;
const PAIRS = 7;

const handlers = {
	api: {
		steps: [
			{ op: 'cpu', ms: 0.2 },
			{ op: 'io', ms: 5 },
			{ op: 'cpu', ms: 0.1 }
		]
	},
	upload: { steps: [{ op: 'offload', ms: 3, work: 'block' }] },
	report: {
		steps: [
			{ op: 'lock', name: 'db', kind: 'asyncio', steps: [{ op: 'io', ms: 2 }] },
			{ op: 'sleep', ms: 1 }
		]
	},
	fanout: {
		steps: [
			{
				op: 'gather',
				branches: [[{ op: 'io', ms: 1 }], [{ op: 'rpc', ms: 0.05, handoff: 'threadsafe' }]]
			}
		]
	},
	crunch: {
		steps: [
			{ op: 'offload', ms: 0.5, work: 'cpu' },
			{ op: 'block', ms: 0.05 }
		]
	}
};
const names = Object.keys(handlers);
const text = JSON.stringify({
	format: 'event-loop-lab/scenario@1',
	id: 'bench-10k',
	title: '10,000 mixed requests with monitors',
	limitMs: 3_600_000,
	handlers,
	arrivals: names.map((handler, i) => ({
		handler,
		count: REQUESTS / names.length,
		startMs: i * 0.3,
		everyMs: 1.5,
		jitterMs: 1,
		idPrefix: `${handler}-`
	})),
	background: [
		{ kind: 'heartbeat', everyMs: 100, startMs: -250 },
		{ kind: 'lagMonitor', everyMs: 100, startMs: -250 }
	]
});

function median(xs: number[]): number {
	const s = [...xs].sort((a, b) => a - b);
	return s[Math.floor(s.length / 2)];
}

function time<T>(f: () => T): [number, T] {
	const t0 = performance.now();
	const v = f();
	return [performance.now() - t0, v];
}

const parse: number[] = [];
const engine: number[] = [];
const write: number[] = [];
const total: number[] = [];
let scenario: Scenario | null = null;
for (let i = 0; i < RUNS; i++) {
	const [tp, parsed] = time(() => parseScenario(text));
	if (!parsed.ok) throw new Error(parsed.errors.map((e) => e.message).join('\n'));
	scenario = parsed.scenario;
	const [te, run] = time(() => simulate(parsed.scenario));
	const [tw] = time(() => JSON.stringify(run).length);
	parse.push(tp);
	engine.push(te);
	write.push(tw);
	total.push(tp + te + tw);
}
const s = scenario as Scenario;
const [traceMs, traced] = time(() => simulate(s, { trace: true }));
const result = simulate(s);
const t = median(total);
const fmt = (ms: number) =>
	`${ms.toFixed(0).padStart(6)} ms  ${((ms / t) * 100).toFixed(0).padStart(3)} %`;
console.log(
	`engine benchmark: ${REQUESTS} requests, ${names.length} handler kinds, heartbeat + lag monitor`
);
console.log(`outcome ${result.outcome} at ${result.endMs} ms virtual`);
console.log(`parse + validate ${fmt(median(parse))}`);
console.log(`engine run       ${fmt(median(engine))}  (simulate: run + result assembly)`);
console.log(`result writing   ${fmt(median(write))}`);
console.log(`total (median of ${RUNS}) ${t.toFixed(0)} ms  (target <= 1000 ms)`);
console.log(
	`with trace: ${traced.trace?.length.toLocaleString('en')} trace events in ${traceMs.toFixed(0)} ms = ${Math.round((traced.trace?.length ?? 0) / (traceMs / 1000)).toLocaleString('en')} events/s`
);

// Scale: the blocking-handler service at each size, engine time and memory, untraced and traced.
// Memory: the heap V8 had to commit for the run (its peak, near enough: nothing is collected away
// by a full collection before it is read) and what the result still holds after a collection
// (the trace, when traced). `npm run bench` runs node with --expose-gc.
const gc = (globalThis as { gc?: () => void }).gc;
const mb = (bytes: number) => `${(bytes / 1e6).toFixed(0).padStart(4)} MB`;
console.log(
	`scale: the blocking-handler service (bench/blocking-service.ts)${gc ? '' : ' (without --expose-gc the memory figures are rough)'}`
);
for (const n of SIZES) {
	const parsed = parseScenario(blockingService(n));
	if (!parsed.ok) throw new Error('the scale scenario does not parse');
	const row = [`${n.toLocaleString('en').padStart(7)} requests:`];
	for (const trace of [false, true]) {
		gc?.();
		const before = getHeapStatistics();
		const [ms, run] = time(() => simulate(parsed.scenario, { trace }));
		const committed = getHeapStatistics().total_heap_size - before.total_heap_size;
		gc?.();
		const held = getHeapStatistics().used_heap_size - before.used_heap_size;
		const events = trace ? `, ${run.trace?.length.toLocaleString('en')} events` : '';
		row.push(
			`${trace ? 'traced' : run.outcome} ${ms.toFixed(0).padStart(6)} ms, heap +${mb(Math.max(0, committed))}, held ${mb(Math.max(0, held))} ` +
				`(${((ms * 1000) / n).toFixed(1)} µs, ${(Math.max(0, committed) / n / 1000).toFixed(1)} KB a request${events})`
		);
	}
	console.log(`  ${row.join('  ')}`);
}
console.log('  target: time and memory per request about flat from 2,000 to 100,000 (linear)');

// The engine before kept parseScenario in its index; today's has it in scenario/parse.
type Engine = { parseScenario: typeof parseScenario; simulate: typeof after.simulate };

/**
 * Imports the engine of commit `BEFORE` from a temporary copy in the repository's ignored `.tmp/`
 * (so that its xstate and jsonc-parser resolve), removed again whatever happens.
 */
async function withEngineBefore(run: (before: Engine) => void): Promise<void> {
	mkdirSync('.tmp', { recursive: true });
	const dir = mkdtempSync(join(process.cwd(), '.tmp', 'bench-before-'));
	try {
		execSync(`git archive ${BEFORE} simulations | tar -x -C ${JSON.stringify(dir)}`);
		run((await import(pathToFileURL(join(dir, 'simulations/index.ts')).href)) as Engine);
	} finally {
		rmSync(dir, { recursive: true, force: true });
	}
}

function engineMs(engine: Engine): number {
	const parsed = engine.parseScenario(text);
	if (!parsed.ok) throw new Error('the bench scenario does not parse');
	return time(() => engine.simulate(parsed.scenario))[0];
}

await withEngineBefore((before) => {
	const ms = { before: [] as number[], after: [] as number[] };
	// Interleaved, so that a change in machine load hits both engines alike.
	for (let i = 0; i < PAIRS; i++) {
		ms.before.push(engineMs(before));
		ms.after.push(engineMs({ parseScenario, simulate: after.simulate }));
	}
	const [b, a] = [median(ms.before), median(ms.after)];
	console.log(`before (${BEFORE}) engine run ${b.toFixed(0)} ms (median of ${PAIRS})`);
	console.log(`after  (this tree) engine run ${a.toFixed(0)} ms (median of ${PAIRS})`);
	console.log(`after/before ${(a / b).toFixed(2)}  (target <= ${RATIO_TARGET})`);
});
