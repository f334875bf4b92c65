import { describe, expect, it } from 'vitest';
import { readLessonFiles } from '../../cli/lesson-files';
import type { Lesson, LessonClient } from '../../src/content/types';
import { LIVE } from '../../src/state/live-scenario';
import { LiveSession } from '../../src/state/live-session.svelte';
import { fakeFrames } from './fake-frames';

const lesson = (await readLessonFiles('lessons', 'dev-server-vs-burst')) as Lesson & {
	client: LessonClient;
};
// Wall ms that move live time by `ms` virtual ms.
const wall = (ms: number) => ms / LIVE.pace;

/** A live session on fake frames, and a way to press at chosen virtual times. */
function live(variant?: string) {
	const frames = fakeFrames(4);
	const session = new LiveSession(lesson, frames.source, variant);
	return {
		session,
		frames,
		/** Lets live time run to `t` (virtual ms). */
		to(t: number) {
			frames.advance(wall(t - session.now));
		},
		/** Presses Send at each virtual time, letting live time run between them. */
		pressAt(...times: number[]) {
			for (const t of times) {
				if (session.running) this.to(t);
				session.send();
			}
		},
		latencies() {
			return session.shownRun.result.requests.map((q) =>
				q.endMs === null ? null : Math.round(q.endMs - q.arriveMs)
			);
		}
	};
}

describe('LiveSession', () => {
	it('starts stopped at 0 on the first client variant, with no request and an idle server', () => {
		const { session } = live();
		expect([session.variant, session.now, session.running, session.presses]).toEqual([
			'burst',
			0,
			false,
			[]
		]);
		expect(session.shownScenario.requests).toEqual([]);
		expect(session.frame.loopThread.state).toBe('select');
		expect(session.readout).toMatch(/^Press “Send a request”/);
	});

	it('each press is a request of the client handler at that virtual time', () => {
		const l = live();
		l.pressAt(0, 400, 800);
		expect(l.session.shownScenario.requests).toEqual([
			{ id: 'r1', at: 0, handler: 'settings', connection: 'keepAlive' },
			{ id: 'r2', at: 400, handler: 'settings', connection: 'keepAlive' },
			{ id: 'r3', at: 800, handler: 'settings', connection: 'keepAlive' }
		]);
	});

	it('live time runs at LIVE.pace from the first press, in the injected frames only', () => {
		const l = live();
		l.frames.advance(1000);
		expect(l.session.now).toBe(0);
		l.session.send();
		l.frames.advance(1000);
		expect(l.session.now).toBe(1000 * LIVE.pace);
		expect(l.session.cursor).toBe(l.session.frame.t);
	});

	it('slow presses on the blocking variant are each answered in about 200 ms', () => {
		const l = live('burst');
		l.pressAt(0, 400, 800, 1200);
		l.to(1500);
		expect(l.latencies()).toEqual([200, 200, 200, 200]);
		expect(l.session.readout).toMatch(
			/fastest 200 ms, slowest 200 ms; none waited for the loop\.$/
		);
	});

	it('a burst of 5 on the blocking variant: each waits for the ones before, the last ≈1 s', () => {
		const l = live('burst');
		l.pressAt(0, 30, 60, 90, 120);
		l.to(1200);
		const ms = l.latencies() as number[];
		expect(ms[0]).toBe(200);
		expect(ms[4]).toBeGreaterThan(850);
		expect(ms).toEqual([...ms].sort((a, b) => a - b));
		expect(l.session.readout).toBe(
			'Your 5 answers: fastest 200 ms, slowest 880 ms; 4 waited for the loop, busy with the ones before (longest: r5, 680 ms).'
		);
	});

	it('the same burst on the fixed variant stays fast, and the press times are kept', () => {
		const l = live('burst');
		l.pressAt(0, 30, 60, 90, 120);
		l.to(1200);
		l.session.show('fixed');
		expect(l.session.presses).toEqual([0, 30, 60, 90, 120]);
		expect(l.latencies()).toEqual([200, 200, 200, 200, 200]);
		expect(l.session.readout).toMatch(/none waited for the loop/);
	});

	it('shows only what has happened by now: a queued request is pending, not answered', () => {
		const l = live('burst');
		l.pressAt(0, 30, 60);
		l.to(300);
		expect(l.session.frame.requests.r1.state).toBe('ok');
		expect(l.session.frame.requests.r3?.state).not.toBe('ok');
		expect(l.session.readout).toBe(
			'Your first answer: 200 ms; it did not wait for the loop. 2 not answered yet.'
		);
	});

	it('re-simulates ahead to the window end, and the past stays as it was', () => {
		const l = live('burst');
		l.pressAt(0);
		expect(l.session.shownRun.result.endMs).toBe(LIVE.windowMs);
		const before = l.session.shownRun.result.heartbeats.filter((t) => t < 500);
		l.pressAt(500);
		expect(l.session.shownRun.result.heartbeats.filter((t) => t < 500)).toEqual(before);
		l.to(1700);
		expect(l.session.shownRun.result.endMs).toBe(2 * LIVE.windowMs);
		expect(l.session.shownRun.result.outcome).toBe('completed');
	});

	it('Stop holds the moment; a scrub shows an earlier one, never a later one; Go on runs again', () => {
		const l = live('burst');
		l.pressAt(0);
		l.to(100);
		l.session.stop();
		l.frames.advance(1000);
		expect([l.session.now, l.session.running]).toEqual([100, false]);
		l.session.scrub(50);
		expect([l.session.cursor, l.session.frame.t]).toEqual([50, 50]);
		l.session.scrub(5000);
		expect(l.session.cursor).toBe(100);
		l.session.go();
		expect(l.session.moment).toBeNull();
		l.frames.advance(wall(100));
		expect(l.session.now).toBe(200);
	});

	it('Start over forgets the requests and goes back to 0, stopped', () => {
		const l = live('burst');
		l.pressAt(0, 30);
		l.to(400);
		l.session.startOver();
		expect([l.session.now, l.session.running, l.session.presses, l.session.announcement]).toEqual([
			0,
			false,
			[],
			''
		]);
		expect(l.session.shownScenario.requests).toEqual([]);
	});

	it('announces answers politely: a burst of answers becomes one sentence', () => {
		const l = live('burst');
		l.pressAt(0);
		l.to(250);
		expect(l.session.announcement).toBe('r1 answered in 200 ms.');
		l.pressAt(300, 310, 320);
		l.to(600);
		expect(l.session.announcement).toBe('r2 answered in 200 ms.');
		// r3 is answered 0.5 s (wall) after r2 was announced: it waits out the 1.5 s gap, with r4.
		l.to(850);
		expect(l.session.announcement).toBe('r2 answered in 200 ms.');
		l.to(1000);
		expect(l.session.announcement).toBe('r3 and r4 answered in 390 and 580 ms.');
	});

	it('stops by itself at LIVE.spanMs, and a press after that sends nothing', () => {
		const l = live('burst');
		l.pressAt(0);
		l.to(LIVE.spanMs + 500);
		expect([l.session.now, l.session.running, l.session.ended]).toEqual([LIVE.spanMs, false, true]);
		expect(l.session.send()).toBe(false);
		expect(l.session.presses).toHaveLength(1);
	});

	it('accepts LIVE.maxPresses requests, then sends nothing more', () => {
		const { session } = live('burst');
		for (let i = 0; i < LIVE.maxPresses; i++) expect(session.send()).toBe(true);
		expect([session.full, session.send(), session.presses.length]).toEqual([
			true,
			false,
			LIVE.maxPresses
		]);
	});

	it('a long frame (a tab in the background) counts as LIVE.maxFrameMs', () => {
		const frames = fakeFrames(5000);
		const session = new LiveSession(lesson, frames.source);
		session.send();
		frames.advance(5000);
		expect(session.now).toBe(LIVE.maxFrameMs * LIVE.pace);
	});

	it('names the requests as the variant does (lesson 1: table1, table2)', async () => {
		const restaurant = (await readLessonFiles('lessons', 'restaurant')) as Lesson & {
			client: LessonClient;
		};
		const session = new LiveSession(restaurant, fakeFrames().source);
		session.send();
		session.send();
		expect(session.shownScenario.requests.map((q) => q.id)).toEqual(['table1', 'table2']);
		expect(session.shownRun.label).toBe('Live: The waiter cooks himself (blocking)');
	});
});
