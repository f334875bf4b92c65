import { instant, type Callback } from './callback';
import type { Scheduler } from './capabilities';

/**
 * The server's listening socket: a request on a new TCP connection takes four loop iterations
 * before its bytes are read (F6). The listener's readiness runs `_accept_connection`, which
 * accepts every connection in the backlog and creates an `_accept_connection2` task for each;
 * that task's step builds the transport, which schedules `connection_made` and `_add_reader`;
 * once the reader is registered, the next select() reports the socket readable (the request's
 * bytes came with the connection) and the read callback hands the request to the protocol.
 */
export class Listener {
	private backlog: { id: string; read: Callback }[] = [];
	private acceptPending = false;
	/** Requests accepted or waiting in the backlog whose bytes are not yet at the selector. */
	private connecting = new Set<string>();

	constructor(private loop: Pick<Scheduler, 'callSoon' | 'ioReady'>) {}

	/** A connection carrying request `id` reaches the listening socket; `read` reads it once registered. */
	connect(id: string, read: Callback): void {
		this.backlog.push({ id, read });
		this.connecting.add(id);
		if (this.acceptPending) return;
		this.acceptPending = true;
		this.loop.ioReady(instant('_accept_connection', 'loop', false, () => this.acceptAll()));
	}

	/** The request's connection is being set up: it waits at the door, not yet readable. */
	isConnecting(id: string): boolean {
		return this.connecting.has(id);
	}

	private acceptAll(): void {
		this.acceptPending = false;
		const accepted = this.backlog;
		this.backlog = [];
		for (const { id, read } of accepted) {
			this.loop.callSoon(
				instant(`_accept_connection2 → ${id}`, id, false, () => this.transportMade(id, read))
			);
		}
	}

	/** `_SelectorSocketTransport.__init__` schedules connection_made, then _add_reader. */
	private transportMade(id: string, read: Callback): void {
		this.loop.callSoon(instant(`connection_made → ${id}`, id, false, () => {}));
		this.loop.callSoon(
			instant(`_add_reader → ${id}`, id, false, () => {
				this.connecting.delete(id);
				this.loop.ioReady(read);
			})
		);
	}
}
