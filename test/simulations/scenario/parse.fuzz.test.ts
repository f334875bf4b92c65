import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ERROR_CATALOGUE, type ScenarioError } from '../../../simulations/index';
import { parseScenario } from '../../../simulations/text';

const valid = {
	format: 'event-loop-lab/scenario@1',
	id: 'fuzz',
	title: 'Fuzz',
	runtime: { threads: 2 },
	handlers: {
		h: {
			code: 'x\ny',
			steps: [
				{ op: 'lock', name: 'l', kind: 'asyncio', steps: [{ op: 'offload', ms: 5, work: 'cpu' }] },
				{ op: 'gather', branches: [[{ op: 'sleep', ms: 1 }]] }
			]
		}
	},
	requests: [{ id: 'r1', at: 0, handler: 'h' }],
	arrivals: [{ handler: 'h', count: 2 }],
	background: [{ kind: 'heartbeat', everyMs: 100 }]
};

function wellFormed(errors: ScenarioError[]): void {
	expect(errors.length).toBeGreaterThan(0);
	for (const e of errors) {
		expect(Object.keys(ERROR_CATALOGUE)).toContain(e.code);
		expect(typeof e.path).toBe('string');
		if (e.path) expect(e.message).toContain(e.path);
	}
}

/** Every path into a JSON value, so mutations can reach any depth. */
function paths(v: unknown, at: (string | number)[] = []): (string | number)[][] {
	if (v === null || typeof v !== 'object') return [at];
	const keys = Array.isArray(v) ? v.map((_, i) => i) : Object.keys(v);
	return [at, ...keys.flatMap((k) => paths((v as Record<string, unknown>)[k], [...at, k]))];
}

const mutation = fc.tuple(
	fc.nat(),
	fc.constantFrom('delete', 'replace', 'add'),
	fc.jsonValue(),
	fc.string()
);

describe('parseScenario(input) under fuzzing (fast-check prints the seed of a failure)', () => {
	it('never throws on arbitrary strings and always names what is wrong', () => {
		fc.assert(
			fc.property(fc.string(), (s) => {
				const r = parseScenario(s);
				if (!r.ok) wellFormed(r.errors);
			}),
			{ numRuns: 400 }
		);
	});

	it('never throws on arbitrary JSON values, as text or as objects', () => {
		fc.assert(
			fc.property(fc.jsonValue(), (v) => {
				for (const input of [v, JSON.stringify(v) ?? 'null']) {
					const r = parseScenario(input);
					if (!r.ok) wellFormed(r.errors);
				}
			}),
			{ numRuns: 400 }
		);
	});

	it('never throws on mutations of a valid scenario, and names a path for each error', () => {
		fc.assert(
			fc.property(fc.array(mutation, { minLength: 1, maxLength: 3 }), (muts) => {
				const doc = structuredClone(valid) as unknown;
				for (const [pick, kind, value, key] of muts) {
					const all = paths(doc).filter((p) => p.length > 0);
					const path = all[pick % all.length];
					const parent = path
						.slice(0, -1)
						.reduce<unknown>((o, k) => (o as Record<string, unknown>)[k], doc) as Record<
						string | number,
						unknown
					>;
					const last = path[path.length - 1];
					if (kind === 'delete' && Array.isArray(parent)) parent.splice(last as number, 1);
					else if (kind === 'delete') delete parent[last];
					else if (kind === 'replace') parent[last] = value;
					else if (!Array.isArray(parent)) parent[key] = value;
				}
				const r = parseScenario(JSON.stringify(doc));
				if (!r.ok) wellFormed(r.errors);
				const again = parseScenario(doc);
				expect(again.ok).toBe(r.ok);
			}),
			{ numRuns: 500 }
		);
	});
});
