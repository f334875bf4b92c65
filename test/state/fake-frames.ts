import type { FrameSource } from '../../src/state/frame-source';

/** Animation frames on demand: `advance(ms)` delivers frames of `frameMs` (the last one shorter). */
export function fakeFrames(frameMs = 16) {
	const listeners = new Set<(dt: number) => void>();
	const source: FrameSource = (onFrame) => {
		listeners.add(onFrame);
		return () => listeners.delete(onFrame);
	};
	return {
		source,
		/** True while some player is listening (it is playing). */
		get listening() {
			return listeners.size > 0;
		},
		/** Delivers frames for `ms` wall ms, calling `each` after every frame. */
		advance(ms: number, each?: () => void) {
			for (let left = ms; left > 0; left -= frameMs) {
				const dt = Math.min(frameMs, left);
				for (const l of [...listeners]) l(dt);
				each?.();
			}
		}
	};
}
