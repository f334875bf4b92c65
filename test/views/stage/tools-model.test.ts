import { describe, expect, it } from 'vitest';
import { readLessonFiles } from '../../../cli/lesson-files';
import type { Lesson } from '../../../src/content/types';
import { debugOnLog } from '../../../src/state/debug-run';
import { runVariant } from '../../../src/state/variant-run';
import { latencyAt } from '../../../src/views/stage/latency-model';
import {
	MAX_TOOL_LINES,
	newestLines,
	patchedCallIn,
	toolsAt,
	toolsDigest
} from '../../../src/views/stage/tools-model';

const lesson2 = (await readLessonFiles('lessons', 'blocking-vs-offloaded')) as Lesson;
const lesson8 = (await readLessonFiles('lessons', 'catching-a-blocked-loop')) as Lesson;

/** The tools at `t` ms of one variant (the end of the run when t is omitted). */
function tools(lesson: Lesson, name: string, t?: number) {
	const v = lesson.variants.find((x) => x.name === name);
	if (!v) throw new Error(`no variant ${name}`);
	const run = runVariant(v.name, v.label, v.scenario);
	const cursor = t ?? run.result.endMs;
	const frame = run.framer.atTime(cursor);
	return {
		run,
		cursor,
		at: toolsAt(
			v.scenario,
			run.result,
			run.digest.part('tools', toolsDigest),
			frame,
			cursor,
			debugOnLog(v.scenario)
		)
	};
}

const SLEEP = 'blockbuster.blockbuster.BlockingError: Blocking call to time.sleep';

describe('toolsAt: blockbuster', () => {
	it('raises at the start of each time.sleep on the loop thread (lesson 2, time-sleep)', () => {
		const { at } = tools(lesson2, 'time-sleep');
		expect(at.blockbuster).toEqual(
			[0, 200, 400, 600, 800].map((atMs, i) => ({ atMs, task: `r${i + 1}`, text: SLEEP }))
		);
	});

	it('shows only the calls begun by the moment, never a later one', () => {
		expect(tools(lesson2, 'time-sleep', 300).at.blockbuster.map((l) => l.atMs)).toEqual([0, 200]);
	});

	it("names the file write blockbuster patches for lesson 2's sync write", () => {
		const texts = new Set(tools(lesson2, 'sync-write').at.blockbuster.map((l) => l.text));
		expect([...texts]).toEqual([
			'blockbuster.blockbuster.BlockingError: Blocking call to io.BufferedWriter.write'
		]);
	});

	for (const name of ['cpu', 'asyncio-sleep', 'to-thread', 'to-thread-cpu']) {
		it(`raises nothing for ${name}: pure-Python CPU, awaits and pool threads are not patched calls`, () => {
			expect(tools(lesson2, name).at.blockbuster).toEqual([]);
		});
	}
});

describe('toolsAt: blockbuster on a lock', () => {
	const lesson6 = readLessonFiles('lessons', 'gather-deadlock') as Promise<Lesson>;
	const lesson7 = readLessonFiles('lessons', 'loop-on-its-own-thread') as Promise<Lesson>;
	const LOCK = 'blockbuster.blockbuster.BlockingError: Blocking call to lock.acquire';

	it('raises on a contended threading.Lock acquire on the loop thread (lesson 6)', async () => {
		expect(tools(await lesson6, 'thread-lock-gather').at.blockbuster).toEqual([
			{ atMs: 0, task: 'main/2', text: LOCK }
		]);
		expect(tools(await lesson6, 'asyncio-lock').at.blockbuster).toEqual([]);
	});

	it("raises on fut.result() on the loop's own thread (lesson 7)", async () => {
		expect(tools(await lesson7, 'result-timeout').at.blockbuster.map((l) => l.text)).toEqual([
			LOCK,
			LOCK
		]);
	});
});

describe('toolsAt: debug mode', () => {
	it("prints lesson 8's slow-callback WARNINGs as they happen, in asyncio's words", () => {
		const { at } = tools(lesson8, 'long-blocks', 450);
		expect(at.debug.on).toBe(true);
		expect(at.debug.lines.map((l) => l.atMs)).toEqual([200, 400]);
		expect(at.debug.lines[0].text).toMatch(
			/^WARNING:asyncio:Executing <Task finished name='Task-4' coro=<upload\(\) done, .*> took 0\.200 seconds$/
		);
	});

	it('prints nothing for blocks under slow_callback_duration (lesson 8, short-blocks)', () => {
		expect(tools(lesson8, 'short-blocks').at.debug.lines).toEqual([]);
	});

	it('with debug off, says what debug mode would have printed by then (lesson 2, time-sleep)', () => {
		const { at } = tools(lesson2, 'time-sleep', 650);
		expect(at.debug.on).toBe(false);
		expect(at.debug.lines.map((l) => l.atMs)).toEqual([200, 400, 600]);
	});
});

describe('toolsAt: the lag monitor', () => {
	for (const [lesson, name] of [
		[lesson2, 'time-sleep'],
		[lesson8, 'new-connections'],
		[lesson8, 'short-blocks']
	] as const) {
		it(`reads the same samples as the latency view (${name})`, () => {
			const { run, cursor, at } = tools(lesson, name);
			const view = latencyAt(run.result, cursor).lags;
			expect(at.lag.samples.map((s) => s.atMs)).toEqual(view.map((l) => l.atMs));
			expect(at.lag.samples.map((s) => s.text)).toEqual(view.map((l) => `lag ${l.lagMs} ms`));
			expect(at.lag.samples.length).toBeGreaterThan(0);
		});
	}

	it('notes the stalls shorter than its interval (50 ms blocks under a 100 ms probe)', () => {
		const { at } = tools(lesson8, 'short-blocks');
		expect([at.lag.everyMs, at.lag.shortStallMs]).toEqual([100, 50]);
		expect(tools(lesson8, 'long-blocks').at.lag.shortStallMs).toBeNull();
	});
});

describe('patchedCallIn(code)', () => {
	it('reads the call from the code, time.sleep when it names none it knows', () => {
		expect(patchedCallIn('    time.sleep(0.2)')).toBe('time.sleep');
		expect(patchedCallIn("with open(p, 'w') as f:")).toBe('io.TextIOWrapper.write');
		expect(patchedCallIn('digest = slow_hash(data)')).toBe('time.sleep');
	});
});

describe('newestLines(lines)', () => {
	it('keeps every line up to MAX_TOOL_LINES, beyond it the newest few and a count of the rest', () => {
		const lines = (n: number) => Array.from({ length: n }, (_, i) => ({ atMs: i, text: `l${i}` }));
		expect(newestLines(lines(MAX_TOOL_LINES))).toEqual({
			shown: lines(MAX_TOOL_LINES),
			earlier: 0
		});
		const many = newestLines(lines(500));
		expect(many.earlier + many.shown.length).toBe(500);
		expect(many.shown.at(-1)?.text).toBe('l499');
		expect(many.shown.length).toBeLessThan(MAX_TOOL_LINES);
	});
});
