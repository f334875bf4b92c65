import { describe, expect, it } from 'vitest';
import { createSweepApi } from '../../src/state/sweep-api';
import { inPageSweep, workerSweep, type SweepWorker } from '../../src/state/sweep-source';
import { COUNT, DOC } from './sweep-fixture';

const SPEC = { param: COUNT, values: [1, 2, 3] };

/**
 * The sweep worker's API on this thread, as workers the test can hold: while `hold` is set, a
 * point is not answered (a worker busy with a run) until the test releases it.
 */
function fakeWorkers() {
	const log: string[] = [];
	let held: (() => void) | null = null;
	const state = { hold: false };
	const open = (): SweepWorker => {
		const id = log.filter((l) => l.startsWith('open')).length + 1;
		log.push(`open ${id}`);
		const api = createSweepApi();
		return {
			api: {
				start: async (doc, spec) => api.start(doc, spec),
				next: () =>
					state.hold
						? new Promise((resolve) => (held = () => resolve(api.next())))
						: Promise.resolve(api.next())
			},
			ready: Promise.resolve(),
			end: () => log.push(`end ${id}`)
		};
	};
	return { open, log, state, release: () => held?.() };
}

async function all(source: ReturnType<typeof workerSweep>) {
	const values: number[] = [];
	for (let p = await source.next(); p; p = await source.next()) values.push(p.value);
	return values;
}

describe('workerSweep', () => {
	it('gives the points the page would compute, from one worker kept for the next sweep', async () => {
		const w = fakeWorkers();
		const source = workerSweep(w.open);
		const here = inPageSweep(() => Promise.resolve());
		source.start(DOC, SPEC);
		here.start(DOC, SPEC);
		const [there, mine] = [[] as unknown[], [] as unknown[]];
		for (let p = await source.next(); p; p = await source.next()) there.push(p);
		for (let p = await here.next(); p; p = await here.next()) mine.push(p);
		expect(there).toEqual(mine);
		expect(there).toHaveLength(3);
		source.start(DOC, { ...SPEC, values: [4] });
		expect(await all(source)).toEqual([4]);
		expect(w.log).toEqual(['open 1']);
	});

	it('ending a sweep between points keeps the worker; ending one mid-point ends it', async () => {
		const w = fakeWorkers();
		const source = workerSweep(w.open);
		source.start(DOC, SPEC);
		expect((await source.next())?.value).toBe(1);
		source.stop();
		expect(w.log).toEqual(['open 1']);
		source.start(DOC, SPEC);
		w.state.hold = true;
		const busy = source.next();
		await new Promise((r) => setImmediate(r));
		source.start(DOC, { ...SPEC, values: [9] });
		expect(w.log).toEqual(['open 1', 'end 1', 'open 2']);
		w.state.hold = false;
		expect(await all(source)).toEqual([9]);
		// The ended worker's point, were it to come, is no one's.
		w.release();
		expect(await busy).toBeNull();
	});

	it('a caller waiting for a sweep that was replaced before it began gets null', async () => {
		const w = fakeWorkers();
		const source = workerSweep(w.open);
		source.start(DOC, SPEC);
		const early = source.next();
		source.start(DOC, { ...SPEC, values: [5] });
		expect(await early).toBeNull();
		expect(await all(source)).toEqual([5]);
		// Before any sweep, there is nothing to take.
		await expect(workerSweep(w.open).next()).resolves.toBeNull();
	});
});
