import { describe, expect, it, vi } from 'vitest';
import type { TraceEvent } from '../../simulations/index';

// A step names its event by identity, so rewording the timeline's lines must not move it.
async function stepEvents(): Promise<string[]> {
	vi.resetModules();
	const { simulate } = await import('../../simulations/index');
	const { anchorIndex } = await import('../../src/content/anchor');
	const { listLessonFiles, readLessonFiles } = await import('../../cli/lesson-files');
	const landed: string[] = [];
	for (const { slug } of listLessonFiles('lessons')) {
		const lesson = await readLessonFiles('lessons', slug);
		if ('error' in lesson) throw new Error(lesson.error);
		const traces = new Map(
			lesson.variants.map((v) => [v.name, simulate(v.scenario, { trace: true }).trace ?? []])
		);
		for (const [i, step] of lesson.steps.entries()) {
			const trace = traces.get(step.variant)!;
			const shown = anchorIndex(trace, step.t, step.event);
			landed.push(`${slug} step ${i + 1}: after seq ${trace[shown - 1]?.seq ?? 'none'}`);
		}
	}
	return landed;
}

describe('anchorIndex(trace, t, anchor)', () => {
	it('stops every lesson step after the same event when formatEvent words events differently', async () => {
		const before = await stepEvents();
		const reworded = (e: TraceEvent) => `${e.t} ${e.type.toUpperCase()} by ${e.actor}`;
		vi.doMock('../../simulations/timeline', async (original) => ({
			...(await original<typeof import('../../simulations/timeline')>()),
			formatEvent: reworded
		}));
		try {
			vi.resetModules();
			const { formatEvent } = await import('../../simulations/index');
			const sample: TraceEvent = { t: 0, seq: 0, actor: 'loop', type: 'batch', detail: { n: 6 } };
			expect(formatEvent(sample)).toBe('0 BATCH by loop');
			expect(await stepEvents()).toEqual(before);
		} finally {
			vi.doUnmock('../../simulations/timeline');
		}
		expect(before.length).toBeGreaterThanOrEqual(8);
	});
});
