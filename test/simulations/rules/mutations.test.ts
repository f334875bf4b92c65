import { afterEach, describe, expect, it, vi } from 'vitest';
import { simulate } from '../../../simulations/index';
import type * as Background from '../../../simulations/rules/background';
import type * as Messages from '../../../simulations/rules/messages';
import type * as Pool from '../../../simulations/rules/pool';
import type * as Result from '../../../simulations/rules/result';
import type * as Stop from '../../../simulations/rules/stop';
import { firstDisagreement, firstGoldenMismatch } from './checks';

// The mutation check: each rule of the rulebook is broken once by replacing its module with
// vi.doMock, then the engine and the interpreter are imported afresh (both now use the broken
// rule). Two of the suite's own checks run against them: the golden timelines (mutated engine)
// and the differential test (the untouched engine, imported statically above, against the mutated
// interpreter). Each mutant must be caught by exactly the checks its row names.
type Check = 'golden' | 'differential';
type Modules = {
	pool: typeof Pool;
	background: typeof Background;
	messages: typeof Messages;
	result: typeof Result;
	stop: typeof Stop;
};
interface Mutant<K extends keyof Modules> {
	rule: string;
	module: K;
	mutation: string;
	mutate: (original: Modules[K]) => Partial<Modules[K]>;
	caughtBy: Check[];
}
const mutant = <K extends keyof Modules>(m: Mutant<K>) => m as unknown as Mutant<keyof Modules>;

// The pool model's private state, which a mutant reaches past TypeScript's `private`.
interface PoolInternals {
	items: unknown[];
	head: number;
	tokens: number;
	threads: number;
	maxWorkers: number;
}
type PoolClass = typeof Pool.IdleSemaphorePool;
const inside = (pool: object) => pool as unknown as PoolInternals;
// A mutant class is generic only in name: the cast keeps the module's type for the mock.
const withPool = (patch: (Base: PoolClass) => unknown) => (o: typeof Pool) => ({
	IdleSemaphorePool: patch(o.IdleSemaphorePool) as PoolClass
});

const MUTANTS = [
	mutant({
		rule: 'pool: a token after every finished item, second runs included',
		module: 'pool',
		mutation: 'finished() releases no token',
		mutate: withPool(
			(Base) =>
				class extends Base<unknown, unknown> {
					finished() {}
				}
		),
		caughtBy: ['golden', 'differential']
	}),
	mutant({
		rule: 'pool: a thread starts only when no token is left',
		module: 'pool',
		mutation: 'submit() starts a thread whenever below max_workers (pre-3.8 CPython)',
		mutate: withPool(
			(Base) =>
				class extends Base<unknown, unknown> {
					submit(item: unknown, noThread: 'raise' | 'inline', mayStart?: boolean) {
						const self = inside(this);
						if (self.threads >= self.maxWorkers) return super.submit(item, noThread, mayStart);
						const tokens = self.tokens;
						self.tokens = 0;
						const submitted = super.submit(item, noThread, mayStart);
						self.tokens = tokens;
						return submitted;
					}
				}
		),
		caughtBy: ['golden']
	}),
	mutant({
		rule: 'pool: at most max_workers threads',
		module: 'pool',
		mutation: 'one thread more than max_workers',
		mutate: withPool(
			(Base) =>
				class extends Base<unknown, unknown> {
					constructor(maxWorkers: number, prestarted: unknown[]) {
						super(maxWorkers > 0 ? maxWorkers + 1 : 0, prestarted);
					}
				}
		),
		caughtBy: ['golden', 'differential']
	}),
	mutant({
		rule: 'pool: pre-started threads each left a token',
		module: 'pool',
		mutation: 'pre-started threads leave no token',
		mutate: withPool(
			(Base) =>
				class extends Base<unknown, unknown> {
					constructor(maxWorkers: number, prestarted: unknown[]) {
						super(maxWorkers, prestarted);
						inside(this).tokens = 0;
					}
				}
		),
		caughtBy: ['golden', 'differential']
	}),
	mutant({
		rule: 'pool: the work queue is FIFO',
		module: 'pool',
		mutation: 'take() hands out the newest item',
		mutate: withPool(
			(Base) =>
				class extends Base<unknown, unknown> {
					take(worker: unknown) {
						const self = inside(this);
						if (self.items.length - self.head < 2) return super.take(worker);
						return self.items.pop() ?? null;
					}
				}
		),
		caughtBy: ['golden', 'differential']
	}),
	mutant({
		rule: 'thread start: a refused item stays queued (F20)',
		module: 'pool',
		mutation: 'a raise or inline fallback takes its item off the queue',
		mutate: withPool(
			(Base) =>
				class extends Base<unknown, unknown> {
					submit(item: unknown, noThread: 'raise' | 'inline', mayStart?: boolean) {
						const submitted = super.submit(item, noThread, mayStart);
						if (submitted.outcome === 'raise' || submitted.outcome === 'inline')
							inside(this).items.pop();
						return submitted;
					}
				}
		),
		caughtBy: ['golden', 'differential']
	}),
	mutant({
		rule: "thread start: noThread 'inline' falls back inline",
		module: 'pool',
		mutation: 'every refused start raises',
		mutate: withPool(
			(Base) =>
				class extends Base<unknown, unknown> {
					submit(item: unknown, _noThread: 'raise' | 'inline', mayStart?: boolean) {
						return super.submit(item, 'raise', mayStart);
					}
				}
		),
		caughtBy: ['golden', 'differential']
	}),
	mutant({
		rule: 'thread start: a thread limit frees up at threadsRefusedUntilMs (F20)',
		module: 'pool',
		mutation: 'the limit never frees up',
		mutate: (o) => ({
			threadsMayStart: (...[runtime, now]: Parameters<typeof o.threadsMayStart>) =>
				o.threadsMayStart(runtime, now) && !runtime.threadsRefusedUntilMs
		}),
		caughtBy: ['golden', 'differential']
	}),
	mutant({
		rule: "message: RuntimeError: can't start new thread",
		module: 'messages',
		mutation: 'another text',
		mutate: () => ({
			CANT_START: 'RuntimeError: cannot start new thread' as typeof Messages.CANT_START
		}),
		caughtBy: ['golden', 'differential']
	}),
	mutant({
		rule: 'message: debug slow callback, Executing <…> took N.NNN seconds',
		module: 'messages',
		mutation: 'two decimals',
		mutate: (o) => ({
			slowCallbackWarning: (...args: Parameters<typeof o.slowCallbackWarning>) => {
				const w = o.slowCallbackWarning(...args);
				return w && { ...w, message: w.message.replace(/(\.\d\d)\d/, '$1') };
			}
		}),
		caughtBy: ['golden', 'differential']
	}),
	mutant({
		rule: 'message: the stop reason at the limit',
		module: 'stop',
		mutation: 'another text',
		mutate: () => ({ stopReason: () => 'limit reached' }),
		caughtBy: ['differential']
	}),
	mutant({
		rule: 'message: thread-lock deadlock',
		module: 'messages',
		mutation: 'waiter and holder swapped',
		mutate: (o) => ({
			threadLockDeadlock: (name: string, waiter: string, holder: string) =>
				o.threadLockDeadlock(name, holder, waiter)
		}),
		caughtBy: ['golden', 'differential']
	}),
	mutant({
		rule: 'background: first wake of a task started before 0',
		module: 'background',
		mutation: 'one period late',
		mutate: (o) => ({
			firstWake: (startMs: number, everyMs: number) => o.firstWake(startMs + everyMs, everyMs)
		}),
		caughtBy: ['golden', 'differential']
	}),
	mutant({
		rule: 'background: lag = now − mark − every',
		module: 'background',
		mutation: 'lag = now − mark',
		mutate: (o) => ({ lagSample: (now: number, mark: number) => o.lagSample(now, mark, 0) }),
		caughtBy: ['golden', 'differential']
	}),
	mutant({
		rule: 'result: heartbeats in result@1',
		module: 'result',
		mutation: 'heartbeats left out',
		mutate: (o) => ({
			assembleResult: (...args: Parameters<typeof o.assembleResult>) => ({
				...o.assembleResult(...args),
				heartbeats: []
			})
		}),
		caughtBy: ['differential']
	}),
	mutant({
		rule: 'result: a request that raised carries its error',
		module: 'result',
		mutation: 'error text dropped',
		mutate: (o) => ({
			endRequest: (...[record, now, status]: Parameters<typeof o.endRequest>) =>
				o.endRequest(record, now, status)
		}),
		caughtBy: ['differential']
	})
];

afterEach(() => {
	vi.resetModules();
	vi.doUnmock('../../../simulations/rules/pool');
	vi.doUnmock('../../../simulations/rules/background');
	vi.doUnmock('../../../simulations/rules/messages');
	vi.doUnmock('../../../simulations/rules/result');
	vi.doUnmock('../../../simulations/rules/stop');
});

describe('every rule of the rulebook, broken once, fails a check', () => {
	// Without this, a check that always fails would make every row pass.
	it('the untouched rulebook passes the golden and the differential check', async () => {
		const engine = await import('../../../simulations/index');
		const { runForReal } = await import('../../../src/runtime/interpreter');
		expect(firstGoldenMismatch(engine)).toBeNull();
		expect(await firstDisagreement(simulate, runForReal)).toBeNull();
	});

	const table: string[] = [];
	for (const m of MUTANTS) {
		it(`${m.rule} — ${m.mutation} — is caught by ${m.caughtBy.join(' and ')}`, async () => {
			vi.resetModules();
			const path = `../../../simulations/rules/${m.module}`;
			vi.doMock(path, async (importOriginal) => {
				const original = await importOriginal<Modules[typeof m.module]>();
				return { ...original, ...m.mutate(original) };
			});
			const engine = await import('../../../simulations/index');
			const { runForReal } = await import('../../../src/runtime/interpreter');
			const golden = firstGoldenMismatch(engine);
			const differential = await firstDisagreement(simulate, runForReal);
			table.push(
				`${m.rule} | ${m.mutation} | golden: ${golden ?? '-'} | differential: ${differential ?? '-'}`
			);
			const caught: Check[] = [];
			if (golden) caught.push('golden');
			if (differential) caught.push('differential');
			expect(caught).toEqual(m.caughtBy);
		});
	}
	it('prints the mutation table', () => {
		console.log(`mutations:\n${table.join('\n')}`);
		expect(table).toHaveLength(MUTANTS.length);
	});
});
