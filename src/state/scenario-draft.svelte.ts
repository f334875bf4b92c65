import { parseScenario, type Scenario, type ScenarioError } from '../../simulations/index';
import { insertIn, moveIn, setIn, valueAt, type Path } from './json-edit';
import { errorsAt } from './scenario-errors';
import { runVariant, type VariantRun } from './variant-run';

/** The last valid version of a draft, simulated. */
export interface Simulated {
	text: string;
	scenario: Scenario;
	run: VariantRun;
}

/**
 * One scenario being written in the playground. Its JSON text is the source of truth: the form
 * reads the parsed document and edits the text (keeping the rest as the user wrote it), and the
 * engine's own validator reports on the text.
 */
export class ScenarioDraft {
	text = $state('');
	/** Why the last form edit could not be applied, or null. */
	editProblem: string | null = $state(null);
	/** The last valid version, simulated; it stays on show while the text is being fixed. */
	simulated: Simulated | null = $state.raw(null);
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

	constructor(
		readonly name: 'a' | 'b',
		text: string
	) {
		this.text = text;
		this.settle();
	}

	/** True while the text differs from the version on show. */
	get stale(): boolean {
		return this.simulated?.text !== this.text;
	}

	/** Simulates the text if it is valid and new; an invalid text keeps the last run on show. */
	settle(): void {
		const parsed = this.parsed;
		if (!parsed.ok || !this.stale) return;
		// The views call a version by its letter and title: "A: Five uploads".
		const label = `${this.name.toUpperCase()}: ${parsed.scenario.title || parsed.scenario.id}`;
		const run = runVariant(this.name, label, parsed.scenario);
		this.simulated = { text: this.text, scenario: parsed.scenario, run };
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
