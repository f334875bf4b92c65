import type { Frame } from '../../../simulations/index';

export type TableState = 'empty' | 'waiting' | 'ordering' | 'kitchen' | 'served' | 'failed';

/** Where the waiter is and what each table is doing, read from one frame. */
export interface RestaurantScene {
	waiter: { at: 'pass' | 'table' | 'stove'; table: string | null };
	tables: { id: string; state: TableState }[];
	cooking: number;
}

/** Maps the loop onto the restaurant: waiter = loop thread, tables = requests, kitchen = awaited I/O. */
export function restaurantScene(frame: Frame, requestIds: readonly string[]): RestaurantScene {
	const running = requestIds.find((id) => frame.tasks[id]?.state === 'running') ?? null;
	const blocked = frame.threads.loop?.state === 'blocked';
	const tables = requestIds.map((id) => ({ id, state: tableState(frame, id) }));
	return {
		waiter: running
			? { at: blocked ? 'stove' : 'table', table: running }
			: { at: 'pass', table: null },
		tables,
		cooking: tables.filter((t) => t.state === 'kitchen').length
	};
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
