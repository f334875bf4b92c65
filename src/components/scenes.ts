import type { Component } from 'svelte';
import type { Frame } from '../../simulations/index';
import RestaurantScene from './RestaurantScene.svelte';

/** Scenes a lesson can name in its lesson.json ("scene"); a new lesson reuses them without code. */
export const scenes: Record<string, Component<{ frame: Frame; requests: string[] }>> = {
	restaurant: RestaurantScene
};
