import type { WorkKind } from '../../simulations/index';
import { putHandler, type Placement } from '../handler-import/put-in-scenario';
import { readHandler } from '../handler-import/read-handler';
import { stepRows, toHandler, type StepSettings } from '../handler-import/to-steps';
import type { StepId } from '../handler-import/types';
import type { ScenarioDraft } from './scenario-draft.svelte';

/**
 * "Paste your handler": the pasted Python, what the reader makes of it, the durations and work
 * the user sets per step, and putting the result into the scenario on show as a handler.
 */
export class PasteHandler {
	code = $state('');
	readonly result = $derived(readHandler(this.code));
	readonly rows = $derived(this.result.ok ? stepRows(this.result.reading.steps) : []);
	ms: Record<StepId, number> = $state({});
	work: Record<StepId, WorkKind> = $state({});
	placement: Placement = $state({ count: 5, everyMs: 10, alone: true });
	/** What the last Put did, or why it could not. */
	done: { ok: boolean; text: string } | null = $state(null);

	constructor(code: string) {
		this.code = code;
	}

	/** A new paste: the settings belong to the steps of the last one. */
	paste(code: string): void {
		if (code === this.code) return;
		this.code = code;
		this.ms = {};
		this.work = {};
		this.done = null;
	}

	msOf(id: StepId, fallback: number): number {
		return this.ms[id] ?? fallback;
	}

	/** Puts the handler into `draft` (replacing one of its name), with the requests asked for. */
	put(draft: ScenarioDraft): void {
		if (!this.result.ok) return;
		const reading = this.result.reading;
		const settings: StepSettings = { ms: this.ms, work: this.work };
		try {
			draft.text = putHandler(
				draft.text,
				reading.name,
				toHandler(reading, settings),
				this.placement
			);
			const n = this.placement.count;
			this.done = {
				ok: true,
				text: `Handler ${reading.name} is in scenario ${draft.name.toUpperCase()} with ${n} request${n === 1 ? '' : 's'}: the run below steps through it, its code beside the loop.`
			};
		} catch (e) {
			this.done = {
				ok: false,
				text: `It could not go in: ${(e as Error).message}. Fix the scenario's JSON first.`
			};
		}
	}
}
