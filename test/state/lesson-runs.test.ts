import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { readLessonFiles } from '../../cli/lesson-files';
import type { Lesson } from '../../src/content/types';

const simulated: string[] = [];
vi.mock('../../src/state/variant-run', async (original) => {
	const real = await original<typeof import('../../src/state/variant-run')>();
	return {
		...real,
		runVariant: (...args: Parameters<typeof real.runVariant>) => {
			simulated.push(args[0]);
			return real.runVariant(...args);
		}
	};
});
const logged: string[] = [];
vi.mock('../../src/state/debug-run', async (original) => {
	const real = await original<typeof import('../../src/state/debug-run')>();
	return {
		...real,
		debugOnLog: (...args: Parameters<typeof real.debugOnLog>) => {
			logged.push(args[0].id);
			return real.debugOnLog(...args);
		}
	};
});
const { lessonRun, warmLessonRuns } = await import('../../src/state/lesson-runs');

const lesson = (await readLessonFiles('lessons', 'blocking-vs-offloaded')) as Lesson;

describe('warmLessonRuns(lesson)', () => {
	beforeEach(() => {
		simulated.length = 0;
		logged.length = 0;
		vi.useFakeTimers();
	});
	afterEach(() => vi.useRealTimers());

	it('simulates each variant once, one per idle moment, and lessonRun then finds it ready', async () => {
		const warm = structuredClone(lesson);
		lessonRun(warm, warm.variants[0].name);
		warmLessonRuns(warm);
		expect(simulated).toEqual([warm.variants[0].name]);
		await vi.advanceTimersToNextTimerAsync();
		expect(simulated).toHaveLength(1);
		await vi.runAllTimersAsync();
		expect(simulated).toEqual(warm.variants.map((v) => v.name));
		for (const v of warm.variants) lessonRun(warm, v.name);
		expect(simulated).toHaveLength(warm.variants.length);
	});

	it('then makes what debug mode would print for each, once the runs are warm', async () => {
		const warm = structuredClone(lesson);
		warmLessonRuns(warm);
		await vi.runAllTimersAsync();
		await vi.dynamicImportSettled();
		await vi.runAllTimersAsync();
		expect(logged).toEqual(warm.variants.map((v) => v.scenario.id));
	});

	it('stops when told to', async () => {
		const warm = structuredClone(lesson);
		const stop = warmLessonRuns(warm);
		await vi.advanceTimersToNextTimerAsync();
		stop();
		await vi.runAllTimersAsync();
		await vi.dynamicImportSettled();
		expect(simulated).toEqual([warm.variants[0].name]);
		expect(logged).toEqual([]);
	});
});
