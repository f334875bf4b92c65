import type { Frame, RequestResult } from '../../../simulations/index';

export type TableState = 'empty' | 'waiting' | 'ordering' | 'kitchen' | 'served' | 'failed';

/** A request as the scene needs it: when it arrived and, once answered, when. */
export type SceneRequest = Pick<RequestResult, 'id' | 'arriveMs' | 'endMs'>;

/**
 * Where the waiter is and what each table is doing, read from one frame. The waiter is where the
 * loop thread is: at the stove while it is blocked, at a table while it runs that table's callback,
 * busy at the pass while it runs any other callback, and resting by the pass only in select().
 */
export interface RestaurantScene {
	waiter: { at: 'pass' | 'table' | 'stove'; table: string | null; resting: boolean };
	/** Orders that came in and wait at the door, unread by the waiter (`frame.unread`). */
	door: string[];
	/** `waitedMs`: from the table's arrival to now, or to its answer once served. */
	tables: { id: string; state: TableState; waitedMs: number | null }[];
	cooking: number;
}

/** Maps the loop onto the restaurant: waiter = loop thread, tables = requests, kitchen = awaited I/O. */
export function restaurantScene(frame: Frame, requests: readonly SceneRequest[]): RestaurantScene {
	const thread = frame.loopThread.state;
	const forTable = requests.find((q) => frame.tasks[q.id]?.state === 'running')?.id ?? null;
	const tables = requests.map((q) => ({
		id: q.id,
		state: tableState(frame, q.id),
		waitedMs: waited(frame, q)
	}));
	return {
		waiter:
			thread === 'blocked'
				? { at: 'stove', table: forTable, resting: false }
				: thread === 'callback' && forTable
					? { at: 'table', table: forTable, resting: false }
					: { at: 'pass', table: null, resting: thread === 'select' },
		door: [...frame.unread],
		tables,
		cooking: tables.filter((t) => t.state === 'kitchen').length
	};
}

function waited(frame: Frame, q: SceneRequest): number | null {
	if (!frame.requests[q.id] || frame.t < q.arriveMs) return null;
	const answered = frame.requests[q.id].state !== 'arrived' && q.endMs !== null;
	return (answered ? Math.min(frame.t, q.endMs ?? frame.t) : frame.t) - q.arriveMs;
}

function tableState(frame: Frame, id: string): TableState {
	const req = frame.requests[id];
	const task = frame.tasks[id];
	if (req?.state === 'ok') return 'served';
	if (req?.state === 'error') return 'failed';
	if (task?.state === 'running') return 'ordering';
	if (task?.state === 'waiting') return 'kitchen';
	return req || task ? 'waiting' : 'empty';
}
