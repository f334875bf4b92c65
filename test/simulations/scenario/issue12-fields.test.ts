import { describe, expect, it } from 'vitest';
import { type Scenario, type ScenarioError } from '../../../simulations/index';
import { parseScenario } from '../../../simulations/text';

// The fields added for issue 12's engine fidelity: connection (F6), threadsRefusedUntilMs (F20),
// gather's collect (F33) and sync handlers (F32).
const base = {
	format: 'event-loop-lab/scenario@1',
	id: 'demo',
	title: 'Demo',
	handlers: { upload: { steps: [{ op: 'block', ms: 200 }] } },
	requests: [{ id: 'r1', at: 0, handler: 'upload' }]
};
type Doc = Record<string, unknown>;
const parse = (doc: Doc): Scenario => {
	const r = parseScenario(JSON.stringify(doc));
	if (!r.ok) expect.fail(JSON.stringify(r.errors));
	return r.scenario;
};
const errorsOf = (doc: Doc): ScenarioError[] => {
	const r = parseScenario(JSON.stringify(doc));
	return r.ok ? [] : r.errors;
};

describe('parseScenario: new fields on valid documents', () => {
	it('a request comes on a keep-alive connection unless it says "new"; an arrival group sets it for all', () => {
		const s = parse({
			...base,
			arrivals: [{ handler: 'upload', count: 2, connection: 'new', idPrefix: 'n' }]
		});
		expect(s.requests.map((r) => [r.id, r.connection])).toEqual([
			['r1', 'keepAlive'],
			['n1', 'new'],
			['n2', 'new']
		]);
	});
	it('threadsRefusedUntilMs defaults to 0 (threads are never refused for a while)', () => {
		expect(parse(base).runtime.threadsRefusedUntilMs).toBe(0);
		expect(parse({ ...base, runtime: { threadsRefusedUntilMs: 500 } }).runtime).toMatchObject({
			threads: 6,
			threadsRefusedUntilMs: 500
		});
	});
	it('gather keeps collect only when given', () => {
		const steps = [
			{ op: 'gather', branches: [[{ op: 'sleep', ms: 1 }]] },
			{ op: 'gather', collect: 'asCompleted', branches: [[{ op: 'sleep', ms: 1 }]] }
		];
		const s = parse({ ...base, handlers: { upload: { steps } } });
		expect(s.handlers.upload.steps.map((x) => (x.op === 'gather' ? x.collect : null))).toEqual([
			undefined,
			'asCompleted'
		]);
	});
});

describe('parseScenario: sync handlers (FastAPI def endpoints)', () => {
	it('keeps sync only when given; anyioTokens defaults to 40', () => {
		const s = parse({
			...base,
			handlers: {
				upload: {
					sync: true,
					steps: [
						{ op: 'cpu', ms: 1 },
						{ op: 'fail', error: 'E' }
					]
				}
			}
		});
		expect(s.handlers.upload.sync).toBe(true);
		expect(parse(base).handlers.upload.sync).toBeUndefined();
		expect(s.runtime.anyioTokens).toBe(40);
	});
});

describe('parseScenario: new fields, errors name the field path', () => {
	const cases: [string, Doc, string, string][] = [
		[
			'E_ENUM',
			{ ...base, requests: [{ id: 'r1', at: 0, handler: 'upload', connection: 'fresh' }] },
			'requests[0].connection',
			'"keepAlive", "new"'
		],
		[
			'E_ENUM',
			{ ...base, requests: undefined, arrivals: [{ handler: 'upload', count: 1, connection: 1 }] },
			'arrivals[0].connection',
			'"keepAlive", "new"'
		],
		[
			'E_CONFLICT',
			{
				...base,
				runtime: { host: 'hostThreads' },
				requests: [{ id: 'r1', at: 0, handler: 'upload', connection: 'new' }]
			},
			'requests[0].connection',
			'when runtime.host is not "loop"'
		],
		[
			'E_RANGE',
			{ ...base, runtime: { threadsRefusedUntilMs: -1 } },
			'runtime.threadsRefusedUntilMs',
			'>= 0'
		],
		[
			'E_CONFLICT',
			{ ...base, runtime: { threads: 0, threadsRefusedUntilMs: 100 } },
			'runtime.threadsRefusedUntilMs',
			'0 when runtime.threads is 0'
		],
		[
			'E_ENUM',
			{
				...base,
				handlers: { upload: { steps: [{ op: 'gather', collect: 'race', branches: [[]] }] } }
			},
			'handlers.upload.steps[0].collect',
			'"gather", "asCompleted"'
		],
		[
			'E_TYPE',
			{ ...base, handlers: { upload: { sync: 'yes', steps: [] } } },
			'handlers.upload.sync',
			'true or false'
		],
		[
			'E_CONFLICT',
			{
				...base,
				handlers: {
					upload: {
						sync: true,
						steps: [
							{ op: 'block', ms: 1 },
							{ op: 'sleep', ms: 1 }
						]
					}
				}
			},
			'handlers.upload.steps[1].op',
			'one of cpu, block, fail in a def endpoint'
		],
		['E_RANGE', { ...base, runtime: { anyioTokens: 0 } }, 'runtime.anyioTokens', '>= 1']
	];
	for (const [code, doc, path, words] of cases) {
		it(`${code} at ${path}`, () => {
			const errors = errorsOf(doc);
			const hit = errors.find((e) => e.code === code && e.path === path);
			expect(hit, JSON.stringify(errors)).toBeDefined();
			expect(hit?.message).toContain(words);
		});
	}
});
