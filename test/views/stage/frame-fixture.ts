import { emptyFrame, type Frame } from '../../../simulations/index';

type Over = Omit<Partial<Frame>, 'loop'> & { loop?: Partial<Frame['loop']> };

/** A frame for table-driven view tests: the empty frame with the fields a case sets. */
export function frameWith(over: Over): Frame {
	const base = emptyFrame();
	return {
		...base,
		loopThread: { state: 'select', blockedOn: null },
		unread: [],
		handoffs: [],
		log: [],
		...over,
		loop: { ...base.loop, batch: 0, ...over.loop }
	};
}
