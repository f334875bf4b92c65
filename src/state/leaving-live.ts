import type { Stepper } from './player.svelte';

/**
 * The step controls while live: each move (a button, a key, the Step slider) leaves live mode
 * first, then does what it says to the lesson, so Restart at step 1 or Next at the last step
 * still bring the lesson back. Reading and the speed pass straight through.
 */
export function leavingLive(s: Stepper, leave: () => void): Stepper {
	const act = (move: () => void) => {
		leave();
		move();
	};
	return {
		get step() {
			return s.step;
		},
		get count() {
			return s.count;
		},
		get playing() {
			return s.playing;
		},
		get speed() {
			return s.speed;
		},
		get current() {
			return s.current;
		},
		get time() {
			return s.time;
		},
		get pace() {
			return s.pace;
		},
		get waiting() {
			return s.waiting;
		},
		goTo: (step) => act(() => s.goTo(step)),
		next: () => act(() => s.next()),
		previous: () => act(() => s.previous()),
		restart: () => act(() => s.restart()),
		toggle: () => act(() => s.toggle()),
		setSpeed: (speed) => s.setSpeed(speed)
	};
}
