import type { FoundStep } from '../../../handler-import/types';

/** What a found step does to the loop, in two or three words, and the state colour that draws it. */
export function stepKind(s: FoundStep, sync: boolean): { text: string; state: string } {
	switch (s.op) {
		case 'block':
			return sync
				? { text: 'blocks its worker thread', state: 'thread-blocked' }
				: { text: 'blocks the loop', state: 'blocked' };
		case 'cpu':
			return sync
				? { text: 'CPU on its worker thread', state: 'gil' }
				: { text: 'CPU on the loop', state: 'blocked' };
		case 'sleep':
			return { text: 'awaits a timer', state: 'awaiting' };
		case 'io':
			return { text: 'awaits I/O', state: 'awaiting' };
		case 'offload':
			return { text: 'offloaded to a thread', state: 'running' };
		case 'lock':
			return { text: s.kind === 'asyncio' ? 'asyncio.Lock' : 'threading.Lock', state: 'queued' };
		case 'gather':
			return { text: `gather: ${s.branches.length} branches`, state: 'running' };
	}
}
