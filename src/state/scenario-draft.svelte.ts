import { type Scenario, type ScenarioError } from '../../simulations/index';
import { parseScenario } from '../../simulations/text';
import { insertIn, moveIn, setIn, valueAt, type Path } from './json-edit';
import { BackgroundRuns } from './background-run';
import { runsInline } from './inline-run';
import type { RunProgress } from './run-progress';
import { errorsAt } from './scenario-errors';
import { runVariant, type VariantRun } from './variant-run';

/** The last valid version of a draft, simulated. */
export interface Simulated {
	text: string;
	scenario: Scenario;
	run: VariantRun;
}

export interface DraftOptions {
	runs?: BackgroundRuns | null;
	landed?: () => void;
}

const defaultRuns = () => (typeof Worker === 'undefined' ? null : new BackgroundRuns());

/**
 * One scenario being written in the playground. Its JSON text is the source of truth: the form
 * reads the parsed document and edits the text (keeping the rest as the user wrote it), and the
 * engine's own validator reports on the text.
 */
export class ScenarioDraft {
	text = $state('');
	/** Why the last form edit could not be applied, or null. */
	editProblem: string | null = $state(null);
	/** The last valid version, simulated; it stays on show while the text is being fixed or simulated. */
	simulated: Simulated | null = $state.raw(null);
	/** How far the simulation of a newer version has come; null when none is under way. */
	progress: RunProgress | null = $state.raw(null);
	/** Why the simulation of the newest version failed (the worker crashed), or null. */
	runProblem: string | null = $state(null);
	/** The text being simulated off the page's thread. */
	private pending: string | null = null;
	readonly parsed = $derived(parseScenario(this.text));
	readonly errors: ScenarioError[] = $derived(this.parsed.ok ? [] : this.parsed.errors);
	/** The parsed JSON, or undefined when the text is not JSON (the form then waits). */
	readonly doc: unknown = $derived.by(() => {
		try {
			return JSON.parse(this.text) as unknown;
		} catch {
			return undefined;
		}
	});

	private runs: BackgroundRuns | null;
	private landed: () => void;

	/**
	 * `runs`: where a scenario too large to simulate at once goes (by default the simulation
	 * worker; null simulates every scenario on this thread, as where no worker exists);
	 * `landed`: told when a run simulated off the page's thread is on show.
	 */
	constructor(
		readonly name: 'a' | 'b',
		text: string,
		{ runs = defaultRuns(), landed = () => {} }: DraftOptions = {}
	) {
		this.runs = runs;
		this.landed = landed;
		this.text = text;
		this.settle();
	}

	/** True while the text differs from the version on show. */
	get stale(): boolean {
		return this.simulated?.text !== this.text;
	}

	/**
	 * Simulates the text if it is valid and new: a small scenario at once, a larger one in the
	 * simulation worker (the last run stays on show meanwhile, and `progress` says how far it is).
	 * A newer text ends the simulation under way; an invalid text keeps the last run on show.
	 */
	settle(): void {
		const parsed = this.parsed;
		if (!parsed.ok || this.pending === this.text) return;
		this.cancel();
		this.runProblem = null;
		if (!this.stale) return;
		const { scenario } = parsed;
		const text = this.text;
		// The views call a version by its letter and title: "A: Five uploads".
		const label = `${this.name.toUpperCase()}: ${scenario.title || scenario.id}`;
		if (this.runs === null || runsInline(scenario)) {
			this.simulated = { text, scenario, run: runVariant(this.name, label, scenario) };
			return;
		}
		this.pending = text;
		this.runs
			.run(this.name, label, scenario, (p) => {
				if (this.pending === text) this.progress = p;
			})
			.then(
				(run) => {
					if (run === null || this.pending !== text) return;
					this.simulated = { text, scenario, run };
					this.stop();
					this.landed();
				},
				(e: unknown) => {
					if (this.pending !== text) return;
					this.runProblem = `The simulation failed: ${e instanceof Error ? e.message : String(e)}.`;
					this.stop();
				}
			);
	}

	/** Ends the simulation under way, if any (what is on show stays). */
	cancel(): void {
		if (this.pending === null) return;
		this.runs?.cancel();
		this.stop();
	}

	private stop(): void {
		this.pending = null;
		this.progress = null;
	}

	valueAt(path: Path): unknown {
		return valueAt(this.doc, path);
	}

	errorsAt(path: Path): ScenarioError[] {
		return errorsAt(this.errors, path);
	}

	/** Sets (or, with undefined, removes) the value at `path`. */
	set(path: Path, value: unknown): void {
		this.edit(() => setIn(this.text, path, value));
	}

	/** Appends to the array at `path`, creating the array if it is missing. */
	append(path: Path, value: unknown): void {
		const list = this.valueAt(path);
		this.edit(() =>
			Array.isArray(list)
				? insertIn(this.text, path, list.length, value)
				: setIn(this.text, path, [value])
		);
	}

	move(path: Path, from: number, to: number): void {
		this.edit(() => moveIn(this.text, path, from, to));
	}

	/**
	 * Renames a handler, keeping its place, and points its requests and arrivals at the new name.
	 * True when it was renamed.
	 */
	renameHandler(from: string, to: string): boolean {
		if (to === from) return false;
		const handlers = this.valueAt(['handlers']) as Record<string, unknown>;
		if (!to || Object.hasOwn(handlers, to)) {
			this.editProblem = to
				? `There is already a handler called “${to}”.`
				: 'A handler needs a name.';
			return false;
		}
		return this.edit(() => {
			const renamed: Record<string, unknown> = {};
			for (const [k, v] of Object.entries(handlers)) {
				Object.defineProperty(renamed, k === from ? to : k, { value: v, enumerable: true });
			}
			let text = setIn(this.text, ['handlers'], renamed);
			for (const list of ['requests', 'arrivals']) {
				const items = this.valueAt([list]);
				if (!Array.isArray(items)) continue;
				items.forEach((item, i) => {
					if (valueAt(item, ['handler']) === from) text = setIn(text, [list, i, 'handler'], to);
				});
			}
			return text;
		});
	}

	/** Makes a change of the text; false (and a problem saying why) when it cannot be made. */
	private edit(change: () => string): boolean {
		try {
			this.text = change();
			this.editProblem = null;
			return true;
		} catch (e) {
			// The JSON there has another shape (say, a number where an object belongs).
			this.editProblem = `That change could not be made: ${(e as Error).message}. Fix the JSON first.`;
			return false;
		}
	}
}
