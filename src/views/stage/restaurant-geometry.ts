import type { RestaurantScene } from './restaurant-model';

/** Where the restaurant's furniture and its waiter go, 1 unit = 1 CSS pixel. */
export interface RestaurantGeometry {
	width: number;
	height: number;
	door: { x: number; y: number; w: number; h: number };
	stove: { x: number; y: number; w: number; h: number };
	kitchen: { x: number; y: number; w: number; h: number };
	pass: { x: number; y: number; w: number; h: number };
	tableX: number[];
	tableY: number;
	waiter: { x: number; y: number };
}

/**
 * Lays the room out for a container `width` px wide, with the waiter where the loop thread is: he
 * stands beside a table he serves, so he never covers the pass or its label.
 */
export function restaurantGeometry(width: number, scene: RestaurantScene): RestaurantGeometry {
	const w = Math.max(300, Math.round(width));
	const third = (w - 16) / 3;
	const door = { x: 0, y: 0, w: third, h: 64 };
	const stove = { x: third + 8, y: 0, w: third, h: 64 };
	const kitchen = { x: 2 * third + 16, y: 0, w: third, h: 64 };
	const pass = { x: w / 2 - 60, y: 80, w: 120, h: 20 };
	const n = Math.max(1, scene.tables.length);
	const tableX = scene.tables.map((_, i) => ((i + 0.5) * w) / n);
	const tableY = 124;
	const at = scene.tables.findIndex((t) => t.id === scene.waiter.table);
	const waiter =
		scene.waiter.at === 'stove'
			? { x: stove.x + stove.w / 2, y: 46 }
			: scene.waiter.at === 'table' && at >= 0
				? { x: tableX[at] - 46, y: tableY + 15 }
				: { x: pass.x + pass.w / 2, y: pass.y - 15 };
	return { width: w, height: 198, door, stove, kitchen, pass, tableX, tableY, waiter };
}
