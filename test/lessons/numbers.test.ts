import { describe, expect, it } from 'vitest';
import type { SimResult } from '../../simulations/index';
import { parseScenarioValue } from '../../simulations/text';
import type { LessonParam } from '../../src/content/lesson-params';
import { listLessons } from '../../src/content/lesson-list';
import { loadLesson } from '../../src/content/lessons';
import { valueAt } from '../../src/content/scenario-path';
import type { Lesson } from '../../src/content/types';
import { lessonRun } from '../../src/state/lesson-runs';

// Generated from the content: every lesson's numbers (lesson.json `params`) set real fields of
// the variants they name, keep each run's verdict at their extremes, and move its result the way
// the lesson says they do.

const lessons = await Promise.all(
	listLessons().map(async (s) => ({
		folder: s.folder,
		lesson: (await loadLesson(s.slug)) as Lesson
	}))
);

const endOf = (id: string) => (r: SimResult) => r.requests.find((q) => q.id === id)!.endMs!;
const lastEnd = (r: SimResult) => Math.max(...r.requests.map((q) => q.endMs ?? Infinity));
const longestWait = (r: SimResult) => Math.max(...r.requests.map((q) => q.endMs! - q.arriveMs));
const longestLag = (r: SimResult) => Math.max(0, ...r.lag.map((l) => l.lagMs));
const warnings = (r: SimResult) => r.warnings.length;

type Direction = 'up' | 'down' | 'same';
/** What a larger value of the number does to a measure of the variant's run. */
interface Claim {
	param: string;
	variant: string;
	measure: string;
	of: (r: SimResult) => number;
	goes: Direction;
}

const CLAIMS: Record<string, Claim[]> = {
	'01-restaurant': [
		{ param: 'cook', variant: 'stove', measure: 'last answer', of: lastEnd, goes: 'up' }
	],
	'02-blocking-vs-offloaded': [
		{ param: 'work', variant: 'time-sleep', measure: "r5's answer", of: endOf('r5'), goes: 'up' },
		{ param: 'count', variant: 'time-sleep', measure: 'last answer', of: lastEnd, goes: 'up' },
		{ param: 'pool', variant: 'pool-of-2', measure: 'last answer', of: lastEnd, goes: 'down' }
	],
	'03-dev-server-vs-burst': [
		// Clicks further apart than the work hide the blocking: no call waits behind another.
		{ param: 'spacing', variant: 'dev', measure: 'longest wait', of: longestWait, goes: 'down' },
		{ param: 'work', variant: 'burst', measure: 'last answer', of: lastEnd, goes: 'up' }
	],
	'04-gil-and-pool': [
		{ param: 'work', variant: 'four', measure: 'last answer', of: lastEnd, goes: 'up' },
		{ param: 'calls', variant: 'four', measure: 'last answer', of: lastEnd, goes: 'up' },
		{ param: 'pool', variant: 'saturation', measure: 'last answer', of: lastEnd, goes: 'down' },
		{ param: 'blocking', variant: 'saturation', measure: 'last answer', of: lastEnd, goes: 'up' }
	],
	'05-no-threads-fallback': [
		// Inline, the health check waits for every graph run; offloaded, it answers on arrival.
		{
			param: 'work',
			variant: 'inline-thread-lock',
			measure: "h1's answer",
			of: endOf('h1'),
			goes: 'up'
		},
		{
			param: 'work',
			variant: 'offload-with-lock',
			measure: "h1's answer",
			of: endOf('h1'),
			goes: 'same'
		},
		{ param: 'pool', variant: 'prestarted', measure: 'last answer', of: lastEnd, goes: 'down' }
	],
	'06-gather-deadlock': [
		{ param: 'reply', variant: 'fixed', measure: "main's answer", of: endOf('main'), goes: 'up' },
		{
			param: 'tick',
			variant: 'lost-wakeup-timer',
			measure: "main's answer",
			of: endOf('main'),
			goes: 'up'
		}
	],
	'07-loop-on-its-own-thread': [
		{
			param: 'work',
			variant: 'run-until-complete',
			measure: 'last answer',
			of: lastEnd,
			goes: 'up'
		},
		// The host serializes run_until_complete; one loop thread answers them all at once.
		{
			param: 'count',
			variant: 'run-until-complete',
			measure: 'last answer',
			of: lastEnd,
			goes: 'up'
		},
		{ param: 'count', variant: 'loop-thread', measure: 'last answer', of: lastEnd, goes: 'same' }
	],
	'08-catching-a-blocked-loop': [
		{
			param: 'block',
			variant: 'long-blocks',
			measure: 'longest lag sample',
			of: longestLag,
			goes: 'up'
		},
		{
			param: 'block',
			variant: 'long-blocks',
			measure: 'slow-callback warnings',
			of: warnings,
			goes: 'up'
		},
		{
			param: 'threshold',
			variant: 'lower-threshold',
			measure: 'slow-callback warnings',
			of: warnings,
			goes: 'down'
		}
	]
};

// The variant's run with one set of numbers (every value fitted to its steps by construction).
const run = (lesson: Lesson, variant: string, values: Record<string, number>) =>
	lessonRun(lesson, variant, values, parseScenarioValue).result;

// The values a param is tried at: its extremes and the lesson's own.
const tried = (p: LessonParam) => [p.min, p.value, p.max];

for (const { folder, lesson } of lessons) {
	describe(`lesson ${folder}'s numbers`, () => {
		const params = lesson.params ?? [];

		it('declares at least one number, and a claim about each', () => {
			expect(params.length).toBeGreaterThan(0);
			const claimed = new Set((CLAIMS[folder] ?? []).map((c) => c.param));
			expect(params.map((p) => p.name).filter((n) => !claimed.has(n))).toEqual([]);
		});

		it('sets, in each variant it names, fields that hold the lesson value', () => {
			const wrong = params.flatMap((p) =>
				p.sets.flatMap(({ variant, paths }) => {
					const v = lesson.variants.find((x) => x.name === variant);
					if (!v) return [`${p.name}: no variant "${variant}"`];
					if (paths.length === 0) return [`${p.name}: no field in "${variant}"`];
					return paths
						.filter((path) => valueAt(v.source, path) !== p.value)
						.map((path) => `${p.name}: ${path.join('.')} in "${variant}" is not ${p.value}`);
				})
			);
			expect(wrong).toEqual([]);
		});

		it('keeps every run it changes to its verdict at its extremes, none stopped at the limit', () => {
			const sets: Record<string, number>[] = [
				...params.flatMap((p) => [{ [p.name]: p.min }, { [p.name]: p.max }]),
				Object.fromEntries(params.map((p) => [p.name, p.min])),
				Object.fromEntries(params.map((p) => [p.name, p.max]))
			];
			const changed = sets.flatMap((values) =>
				lesson.variants
					.filter((v) =>
						params.some((p) => p.name in values && p.sets.some((s) => s.variant === v.name))
					)
					.flatMap((v) => {
						const own = run(lesson, v.name, {});
						const got = run(lesson, v.name, values);
						const what = `${v.name} with ${JSON.stringify(values)}`;
						if (got.outcome !== own.outcome) return [`${what}: ${got.outcome}, not ${own.outcome}`];
						if (got.hung?.reason.startsWith('limit of')) return [`${what}: ${got.hung.reason}`];
						return [];
					})
			);
			expect(changed).toEqual([]);
		});

		for (const c of CLAIMS[folder] ?? []) {
			const moves = c.goes === 'same' ? 'leaves' : 'moves';
			const way = c.goes === 'same' ? 'as it is' : c.goes;
			it(`a larger ${c.param} ${moves} ${c.variant}'s ${c.measure} ${way}`, () => {
				const p = params.find((x) => x.name === c.param)!;
				const [low, own, high] = tried(p).map((value) =>
					c.of(run(lesson, c.variant, { [p.name]: value }))
				);
				if (c.goes === 'same') expect([low, high]).toEqual([own, own]);
				else {
					const [a, b, z] = c.goes === 'up' ? [low, own, high] : [high, own, low];
					expect(a).toBeLessThanOrEqual(b);
					expect(b).toBeLessThanOrEqual(z);
					expect(a).toBeLessThan(z);
				}
			});
		}
	});
}
