/** What a FIFO of waiters gained and lost since it was last traced (see `QueueChanges`). */
export interface QueueDelta {
	/** Appended at the tail, in order. */
	joined: string[];
	/** Taken from the head, in order. */
	left: string[];
}

/**
 * The list of every event in which nothing joined (or left): one frozen array, as most of a
 * long trace's GIL events change no waiters and each would otherwise hold two empty arrays.
 */
const NONE = Object.freeze([]) as unknown as string[];

/**
 * The changes to a FIFO (GIL waiters, a lock's waiters, the pool's work queue) since the last
 * trace event, so each event carries what changed and not the whole list, which would make the
 * trace quadratic in the number of waiters. One that joins and leaves between two events is in
 * neither list.
 */
export class QueueChanges {
	private joined: string[] = [];
	private left: string[] = [];
	/** How many of the queue's entries the trace has already shown. */
	private shown = 0;

	join(name: string): void {
		this.joined.push(name);
	}

	/** The head leaves: one the trace has shown, or else the first that joined since. */
	leave(name: string): void {
		if (this.shown > this.left.length) this.left.push(name);
		else this.joined.shift();
	}

	get changed(): boolean {
		return this.joined.length > 0 || this.left.length > 0;
	}

	/** The changes since the last call, which the trace now shows. */
	take(): QueueDelta {
		const { joined, left } = this;
		this.shown += joined.length - left.length;
		if (joined.length > 0) this.joined = [];
		if (left.length > 0) this.left = [];
		return { joined: joined.length > 0 ? joined : NONE, left: left.length > 0 ? left : NONE };
	}
}
