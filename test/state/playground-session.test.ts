import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import {
	PLAYGROUND_STEP_MS,
	PlaygroundSession,
	type PlaygroundStart
} from '../../src/state/playground-session.svelte';
import { fakeFrames } from './fake-frames';

const blocking = readFileSync('lessons/02-blocking-vs-offloaded/time-sleep.json', 'utf8');
const offloaded = readFileSync('lessons/02-blocking-vs-offloaded/to-thread.json', 'utf8');
const open = (o: Partial<PlaygroundStart> = {}) =>
	new PlaygroundSession({
		a: blocking,
		b: null,
		active: 'a',
		compare: false,
		step: 0,
		moment: null,
		speed: 1,
		...o
	});

describe('PlaygroundSession', () => {
	it('steps one trace event at a time, forward and back, within the run', () => {
		const s = open();
		const events = s.run?.result.trace?.length ?? 0;
		expect(s.count).toBe(events + 1);
		expect([s.step, s.event]).toEqual([0, null]);
		s.next();
		s.next();
		expect(s.step).toBe(2);
		expect(s.event).toEqual(s.run?.result.trace?.[1]);
		expect(s.frame.index).toBe(2);
		s.previous();
		expect(s.step).toBe(1);
		s.goTo(10 ** 6);
		expect(s.step).toBe(events);
		s.toggle();
		s.next();
		expect([s.step, s.playing, s.player.ended]).toEqual([events, false, true]);
		s.goTo(-5);
		expect(s.step).toBe(0);
	});

	it('plays one event per PLAYGROUND_STEP_MS (divided by the speed), each frame at its event’s time', () => {
		const frames = fakeFrames(10);
		const s = new PlaygroundSession(
			{ a: blocking, b: null, active: 'a', compare: false, step: 0, moment: null, speed: 2 },
			frames.source
		);
		s.toggle();
		frames.advance(PLAYGROUND_STEP_MS * 3);
		expect([s.step, s.pace, s.frame.t, s.time]).toEqual([6, null, s.event?.t, s.event?.t]);
	});

	it('scrubs to a moment: every event up to it has happened, and the cursor is the moment', () => {
		const s = open();
		s.scrub(300);
		expect(s.cursor).toBe(300);
		expect(s.frame.t).toBe(300);
		expect(s.run?.result.trace?.[s.step]?.t).toBeGreaterThan(300);
		s.next();
		expect(s.moment).toBeNull();
	});

	it('duplicates A as B, compares both on one axis, and keeps the moment when switching', () => {
		const s = open();
		s.scrub(250);
		s.duplicate();
		expect([s.active, s.compare]).toEqual(['b', true]);
		const title = JSON.parse(blocking).title as string;
		expect(s.b?.text).toBe(blocking.replace(`"title": "${title}"`, `"title": "${title} (copy)"`));
		expect(s.b?.simulated?.run.label).toBe(`B: ${title} (copy)`);
		s.b!.text = offloaded;
		s.b!.settle();
		expect(s.compared.map((r) => r.name)).toEqual(['a', 'b']);
		expect(s.compared[1].result.endMs).toBeLessThan(s.compared[0].result.endMs);
		s.show('a');
		expect([s.active, s.cursor]).toEqual(['a', 250]);
		s.removeVariant();
		expect([s.b, s.compare, s.compared.length]).toEqual([null, false, 1]);
	});

	it('keeps showing the last valid run while the text is broken, and a step past its end is clamped', () => {
		const s = open({ step: 10 ** 6 });
		const run = s.run;
		expect(s.step).toBe(s.count - 1);
		s.a.text = '{ "format": ';
		s.a.settle();
		expect([s.run, s.a.stale]).toEqual([run, true]);
		expect(s.a.errors[0].code).toBe('E_JSON_SYNTAX');
	});

	it('opens with no run, and no crash, when the text was never valid', () => {
		const s = open({ a: '[]' });
		expect([s.run, s.count, s.step, s.frame.index, s.compared]).toEqual([null, 1, 0, 0, []]);
		s.next();
		s.scrub(100);
		expect(s.step).toBe(0);
	});
});
