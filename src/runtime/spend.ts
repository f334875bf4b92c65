/** Spins the calling thread for `ms`, as pure-Python CPU work holds its thread. */
export function busy(ms: number): void {
	const end = performance.now() + ms;
	while (performance.now() < end) {
		// spin
	}
}

/** Blocks the calling thread for `ms` without using the CPU where Atomics.wait is allowed. */
export function makeBlock(): { block: (ms: number) => void; mode: 'atomics' | 'busy' } {
	if (typeof SharedArrayBuffer === 'undefined' || !globalThis.crossOriginIsolated) {
		return { block: busy, mode: 'busy' };
	}
	const cell = new Int32Array(new SharedArrayBuffer(4));
	return { block: (ms) => void Atomics.wait(cell, 0, 0, ms), mode: 'atomics' };
}
