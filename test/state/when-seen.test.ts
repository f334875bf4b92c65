import { afterEach, describe, expect, it, vi } from 'vitest';
import { whenSeen } from '../../src/state/when-seen';

/** An IntersectionObserver the test drives: `show(yes)` reports the one observed element. */
class FakeObserver {
	static last: FakeObserver | null = null;
	observed = 0;
	disconnected = false;
	constructor(private callback: (entries: { isIntersecting: boolean }[]) => void) {
		FakeObserver.last = this;
	}
	observe(): void {
		this.observed++;
	}
	disconnect(): void {
		this.disconnected = true;
	}
	show(yes: boolean): void {
		if (!this.disconnected) this.callback([{ isIntersecting: yes }]);
	}
}

afterEach(() => vi.unstubAllGlobals());

describe('whenSeen(element, f): work only a visible part needs', () => {
	it('runs once the element comes near the screen, and only once', () => {
		vi.stubGlobal('IntersectionObserver', FakeObserver);
		let runs = 0;
		whenSeen({} as Element, () => runs++);
		const observer = FakeObserver.last as FakeObserver;
		observer.show(false);
		expect(runs).toBe(0);
		observer.show(true);
		observer.show(true);
		expect(runs).toBe(1);
		expect(observer.disconnected).toBe(true);
	});

	it('never runs once cancelled', () => {
		vi.stubGlobal('IntersectionObserver', FakeObserver);
		let runs = 0;
		const cancel = whenSeen({} as Element, () => runs++);
		cancel();
		(FakeObserver.last as FakeObserver).show(true);
		expect(runs).toBe(0);
	});

	it('runs when idle where the browser cannot tell what is seen', () => {
		vi.useFakeTimers();
		vi.stubGlobal('IntersectionObserver', undefined);
		let runs = 0;
		whenSeen({} as Element, () => runs++);
		vi.advanceTimersByTime(2000);
		expect(runs).toBe(1);
		vi.useRealTimers();
	});
});
