import { describe, expect, it } from 'vitest';
import { instant, type Callback } from '../../../simulations/engine/callback';
import { Listener } from '../../../simulations/engine/listener';

// A scheduler that keeps what was scheduled, so the test runs one "iteration" at a time.
function build() {
	const ready: Callback[] = [];
	const io: Callback[] = [];
	const listener = new Listener({ callSoon: (cb) => ready.push(cb), ioReady: (cb) => io.push(cb) });
	const run = (queue: Callback[]) => queue.splice(0).map((cb) => (cb.run(), cb.label));
	return { listener, ready, io, run };
}

describe('Listener (requests on new TCP connections, F6)', () => {
	it('one _accept_connection takes the whole backlog; each connection is set up before its read', () => {
		const { listener, ready, io, run } = build();
		const reads = ['r1', 'r2'].map((id) => instant(`read request ${id}`, id, false, () => {}));
		listener.connect('r1', reads[0]);
		listener.connect('r2', reads[1]);
		expect(run(io)).toEqual(['_accept_connection']);
		expect(run(ready)).toEqual(['_accept_connection2 → r1', '_accept_connection2 → r2']);
		expect(listener.isConnecting('r1')).toBe(true);
		expect(run(ready)).toEqual([
			'connection_made → r1',
			'_add_reader → r1',
			'connection_made → r2',
			'_add_reader → r2'
		]);
		expect(io).toEqual(reads);
		expect(listener.isConnecting('r1')).toBe(false);
	});

	it('a connection that arrives after the accept ran waits for the next one', () => {
		const { listener, io, run } = build();
		listener.connect(
			'r1',
			instant('read request r1', 'r1', false, () => {})
		);
		run(io);
		listener.connect(
			'r2',
			instant('read request r2', 'r2', false, () => {})
		);
		expect(io.map((cb) => cb.label)).toEqual(['_accept_connection']);
	});
});
