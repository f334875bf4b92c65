import type { Component } from 'svelte';
import type { Frame } from '../../../simulations/index';
import type { SceneRequest } from './restaurant-model';

export type Scene = Component<{ frame: Frame; requests: readonly SceneRequest[] }>;

/**
 * Scenes a lesson can name in its lesson.json ("scene"); a new lesson reuses them without code.
 * Each loads with the lesson that names it, not with every page.
 */
export const scenes: Record<string, () => Promise<Scene>> = {
	restaurant: () => import('./RestaurantScene.svelte').then((m) => m.default)
};
