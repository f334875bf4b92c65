import { describe, expect, it } from 'vitest';
import { type ScenarioError } from '../../../simulations/index';
import { parseScenario } from '../../../simulations/text';

const base = {
	format: 'event-loop-lab/scenario@1',
	id: 'demo',
	title: 'Demo',
	handlers: {
		upload: {
			code: 'async def upload():\n    time.sleep(0.2)',
			steps: [{ op: 'block', ms: 200, line: 2 }]
		}
	},
	requests: [{ id: 'r1', at: 0, handler: 'upload' }]
};
const text = (doc: unknown) => JSON.stringify(doc, null, 2);
const errorsOf = (input: unknown): ScenarioError[] => {
	const r = parseScenario(input);
	return r.ok ? [] : r.errors;
};

describe('parseScenario(input) on valid documents', () => {
	it('fills in every default', () => {
		const r = parseScenario(text(base));
		if (!r.ok) expect.fail(JSON.stringify(r.errors));
		expect(r.scenario).toMatchObject({
			seed: 1,
			limitMs: 10_000,
			runtime: {
				host: 'loop',
				threads: 6,
				threadsStarted: 0,
				gil: true,
				switchIntervalMs: 5,
				cores: 2,
				debug: false,
				slowCallbackMs: 100,
				timerLateness: 'epoll'
			},
			background: []
		});
	});

	it('derives the default pool size from cores like min(32, cpu + 4)', () => {
		const r = parseScenario({ ...base, runtime: { cores: 64 } });
		expect(r.ok && r.scenario.runtime.threads).toBe(32);
	});

	it('fills step defaults: offload noThread raise, rpc selector + perRequest', () => {
		const r = parseScenario({
			...base,
			handlers: {
				h: {
					steps: [
						{ op: 'offload', ms: 1, work: 'cpu' },
						{ op: 'rpc', ms: 1 }
					]
				}
			},
			requests: [{ id: 'a', at: 0, handler: 'h' }]
		});
		expect(r.ok && r.scenario.handlers.h.steps).toEqual([
			{ op: 'offload', ms: 1, work: 'cpu', noThread: 'raise' },
			{ op: 'rpc', ms: 1, handoff: 'selector', client: 'perRequest' }
		]);
	});

	it('expands arrivals with per-prefix numbering, sorted by time with ties in document order', () => {
		const r = parseScenario({
			...base,
			requests: [{ id: 'x', at: 4, handler: 'upload' }],
			arrivals: [
				{ handler: 'upload', count: 2, startMs: 0, everyMs: 4 },
				{ handler: 'upload', count: 2, startMs: 1, everyMs: 10 }
			]
		});
		expect(r.ok && r.scenario.requests.map((q) => `${q.id}@${q.at}`)).toEqual([
			'r1@0',
			'r3@1',
			'x@4',
			'r2@4',
			'r4@11'
		]);
	});

	it('draws jitter from the seed: same seed same times, other seed other times', () => {
		const doc = (seed: number) => ({
			...base,
			seed,
			requests: undefined,
			arrivals: [{ handler: 'upload', count: 5, jitterMs: 10 }]
		});
		const times = (seed: number) => {
			const r = parseScenario(JSON.parse(JSON.stringify(doc(seed))));
			return r.ok ? r.scenario.requests.map((q) => q.at) : [];
		};
		expect(times(7)).toEqual(times(7));
		expect(times(7)).not.toEqual(times(8));
		for (const t of times(7)) {
			expect(t).toBeGreaterThanOrEqual(0);
			expect(t).toBeLessThan(10);
		}
	});

	it('accepts the threadsafeResult extension with and without a timeout', () => {
		const r = parseScenario({
			...base,
			handlers: {
				upload: {
					steps: [{ op: 'threadsafeResult', steps: [{ op: 'io', ms: 1 }], timeoutMs: 1000 }]
				}
			}
		});
		expect(r.ok ? [] : r.errors).toEqual([]);
	});
});

describe('parseScenario(input) reports catalogued errors with path and position', () => {
	const cases: [string, (d: Record<string, unknown>) => unknown, string, string][] = [
		['E_FORMAT', (d) => ({ ...d, format: 'scenario@2' }), 'format', 'found "scenario@2"'],
		['E_PATTERN', (d) => ({ ...d, id: 'Bad Id' }), 'id', 'lowercase'],
		['E_REQUIRED', (d) => ({ ...d, title: undefined }), 'title', 'found nothing'],
		['E_UNKNOWN_FIELD', (d) => ({ ...d, colour: 'red' }), 'colour', 'found "colour"'],
		['E_TYPE', (d) => ({ ...d, runtime: { gil: 'yes' } }), 'runtime.gil', 'true or false'],
		['E_RANGE', (d) => ({ ...d, runtime: { cores: 0 } }), 'runtime.cores', '>= 1'],
		[
			'E_ENUM',
			(d) => ({ ...d, handlers: { upload: { steps: [{ op: 'offload', ms: 1, work: 'gpu' }] } } }),
			'handlers.upload.steps[0].work',
			'"cpu", "block"'
		],
		[
			'E_UNKNOWN_OP',
			(d) => ({ ...d, handlers: { upload: { steps: [{ op: 'slep', ms: 1 }] } } }),
			'handlers.upload.steps[0].op',
			'found "slep"'
		],
		[
			'E_UNKNOWN_HANDLER',
			(d) => ({ ...d, requests: [{ id: 'r1', at: 0, handler: 'uplod' }] }),
			'requests[0].handler',
			'uplod'
		],
		[
			'E_DUPLICATE_ID',
			(d) => ({
				...d,
				requests: [
					{ id: 'r1', at: 0, handler: 'upload' },
					{ id: 'r1', at: 1, handler: 'upload' }
				]
			}),
			'requests[1].id',
			'"r1"'
		],
		['E_NO_REQUESTS', (d) => ({ ...d, requests: [] }), '', 'at least one request'],
		[
			'E_LINE_OUT_OF_CODE',
			(d) => ({
				...d,
				handlers: { upload: { code: 'a\nb', steps: [{ op: 'cpu', ms: 1, line: 3 }] } }
			}),
			'handlers.upload.steps[0].line',
			'from 1 to 2'
		],
		[
			'E_TOO_LARGE',
			(d) => ({
				...d,
				requests: undefined,
				arrivals: [
					{ handler: 'upload', count: 60_000 },
					{ handler: 'upload', count: 60_000 }
				]
			}),
			'arrivals[1].count',
			'at most 100000 requests in all'
		],
		['E_NOT_OBJECT', (d) => ({ ...d, runtime: [] }), 'runtime', 'found an array'],
		['E_ENUM', (d) => ({ ...d, runtime: { host: 'rust' } }), 'runtime.host', '"runUntilComplete"'],
		[
			'E_ENUM',
			(d) => ({ ...d, runtime: { timerLateness: 'linux' } }),
			'runtime.timerLateness',
			'one of "epoll", "exact"'
		],
		[
			'E_ENUM',
			(d) => ({ ...d, runtime: { timerLateness: 0.3 } }),
			'runtime.timerLateness',
			'one of "epoll", "exact"'
		],
		[
			'E_CONFLICT',
			(d) => ({
				...d,
				runtime: { host: 'runUntilComplete' },
				background: [{ kind: 'heartbeat', everyMs: 100 }]
			}),
			'background',
			'the loop stops between calls'
		],
		[
			'E_CONFLICT',
			(d) => ({
				...d,
				handlers: {
					upload: {
						steps: [
							{ op: 'lock', name: 'L', kind: 'thread', steps: [] },
							{ op: 'lock', name: 'L', kind: 'asyncio', steps: [] }
						]
					}
				}
			}),
			'handlers.upload.steps[1].kind',
			`"thread", the kind of lock 'L' at handlers.upload.steps[0]`
		]
	];
	for (const [code, mutate, path, words] of cases) {
		it(`${code} at ${path || '(document)'}`, () => {
			const errors = errorsOf(text(mutate(structuredClone(base))));
			const hit = errors.find((e) => e.code === code);
			expect(hit, JSON.stringify(errors)).toBeDefined();
			expect(hit?.path).toBe(path);
			expect(hit?.message).toContain(words);
			expect(hit?.line).toBeGreaterThanOrEqual(1);
			expect(hit?.hint.length).toBeGreaterThan(5);
		});
	}

	it('E_JSON_SYNTAX gives the line and column of the fault', () => {
		const errors = errorsOf('{\n  "format": "event-loop-lab/scenario@1",\n  "id": ,\n}');
		expect(errors[0]).toMatchObject({ code: 'E_JSON_SYNTAX', line: 3, column: 9 });
	});

	it('points at the offending field: line and column of "ms" in the third step', () => {
		const doc = text({
			...base,
			handlers: {
				upload: {
					steps: [
						{ op: 'cpu', ms: 1 },
						{ op: 'cpu', ms: 1 },
						{ op: 'cpu', ms: 'fast' }
					]
				}
			}
		});
		const e = errorsOf(doc).find((x) => x.path === 'handlers.upload.steps[2].ms');
		const lines = doc.split('\n');
		expect(lines[(e?.line ?? 0) - 1].slice((e?.column ?? 1) - 1)).toMatch(/^"ms": "fast"/);
	});

	it('reports every error at once, not just the first', () => {
		const errors = errorsOf({ ...base, id: 'X', title: 1, limitMs: -1, runtime: { gil: 2 } });
		expect(errors.map((e) => e.code).sort()).toEqual(['E_PATTERN', 'E_RANGE', 'E_TYPE', 'E_TYPE']);
	});

	it('treats "__proto__" and "constructor" as plain unknown names', () => {
		const errors = errorsOf(
			'{"__proto__": {"x": 1}, "format": "event-loop-lab/scenario@1", "id": "a", "title": "t", "handlers": {}, "requests": [{"id": "r", "at": 0, "handler": "constructor"}]}'
		);
		expect(errors.map((e) => `${e.code} ${e.path}`)).toEqual(
			expect.arrayContaining(['E_UNKNOWN_FIELD __proto__', 'E_UNKNOWN_HANDLER requests[0].handler'])
		);
		expect(({} as Record<string, unknown>).x).toBeUndefined();
	});

	it('stops nesting at 16 levels and survives a cyclic object', () => {
		const steps: unknown[] = [];
		steps.push({ op: 'lock', name: 'l', kind: 'thread', steps });
		const errors = errorsOf({ ...base, handlers: { upload: { steps } } });
		expect(errors.map((e) => e.code)).toContain('E_TOO_LARGE');
	});
});
