// `npm run bench:live`: what one live re-simulation costs (a press, or live time reaching a new
// window) and what a frame costs, for the lesson 3 client at the end of live time with the most
// presses it accepts: the worst case a learner can make. Medians of several runs in one process.
import { performance } from 'node:perf_hooks';
import { readLessonFiles } from '../cli/lesson-files';
import type { Lesson } from '../src/content/types';
import { LIVE, liveHorizon, liveScenario } from '../src/state/live-scenario';
import { runVariant } from '../src/state/variant-run';

const RUNS = 15;
const lesson = (await readLessonFiles('lessons', 'dev-server-vs-burst')) as Lesson;
const client = lesson.client!;

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const time = (f: () => void) => {
	const t0 = performance.now();
	f();
	return performance.now() - t0;
};

// Slow presses, then bursts of five, spread over live time up to LIVE.maxPresses.
const presses = Array.from({ length: LIVE.maxPresses }, (_, i) =>
	Math.round((i * (LIVE.spanMs - 1000)) / LIVE.maxPresses)
);
for (const { name } of client.variants) {
	const base = lesson.variants.find((v) => v.name === name)!.scenario;
	for (const [label, now, sent] of [
		['first press', 0, presses.slice(0, 1)],
		['end of live time', LIVE.spanMs, presses]
	] as const) {
		const scenario = liveScenario(base, client.handler, sent, liveHorizon(now));
		let run = runVariant(name, name, scenario, { live: true });
		const sims = Array.from({ length: RUNS }, () =>
			time(() => (run = runVariant(name, name, scenario, { live: true })))
		);
		const events = run.eventTimes.length;
		const frames = Array.from({ length: RUNS }, (_, i) =>
			time(() => run.framer.at(Math.floor((events * (i + 1)) / RUNS)))
		);
		console.log(
			`live ${name}, ${label} (${sent.length} presses, ${events} events): ` +
				`re-simulation ${median(sims).toFixed(2)} ms, frame ${median(frames).toFixed(3)} ms`
		);
	}
}
