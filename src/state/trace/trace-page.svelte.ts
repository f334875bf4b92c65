import {
	STALL_MS,
	type ScenarioDocument,
	type Stall,
	type StretchChange,
	type TraceModel
} from '../../traces/index';
import { sameSiteTraceUrl } from '../../url/trace-url';
import { PlaygroundSession } from '../playground-session.svelte';
import { ScenarioDraft } from '../scenario-draft.svelte';
import { whatIfScenario, type OfferedChange } from './what-if-run';
import type { LatencyPair } from './latency-pairs';
import { TraceReader } from './trace-reader';

/** The stage re-simulates on the page's thread: a scenario larger than this is not drawn. */
export const MAX_STAGE_REQUESTS = 2000;

/** A trace on show: its file's name, the model, its scenario and the model's run of it. */
export interface LoadedTrace {
	name: string;
	/** The same-site path it was fetched from (kept in the URL), or null for a file opened here. */
	path: string | null;
	/** The file as read, for Perfetto (which reads our recorder's and viztracer's files as they are). */
	file: Blob;
	model: TraceModel;
	scenario: ScenarioDocument;
	/** Each request's name on the page (the timeline's), by the recorder's id. */
	names: ReadonlyMap<string, string>;
	/** Recorded and model latencies, or null when the model has no run of the scenario. */
	pairs: LatencyPair[] | null;
	/** The scenario as text, as the playground and the download take it. */
	text: string;
	/** The model's run of the scenario, stepped like the playground's; null when there is none. */
	session: PlaygroundSession | null;
	/** Why there is no run, in words, when there is none. */
	noRun: string | null;
}

/**
 * The trace page: the file on show, what is being read (a worker reads it, and finds the stalls
 * at each threshold), why the last file could not be used, and the stall threshold the table and
 * the CLI share.
 */
export class TracePage {
	loaded: LoadedTrace | null = $state.raw(null);
	/** What is being read now, for a status line; '' when nothing is. */
	reading = $state('');
	/** Why the last file or link could not be used, or null. */
	problem: string | null = $state(null);
	/** The stalls of the trace on show at the threshold. */
	stalls: readonly Stall[] = $state.raw([]);
	private chosenThreshold = $state(STALL_MS);
	private readonly reader = new TraceReader();
	/** Counts stall queries, so an answer overtaken by a newer one is dropped. */
	private query = 0;

	get threshold(): number {
		return this.chosenThreshold;
	}

	/** A new threshold: the worker lists the stalls again (an empty field counts as 0). */
	set threshold(ms: number) {
		this.chosenThreshold = ms;
		const asked = ++this.query;
		this.reader.stalls(Math.max(0, ms || 0)).then((stalls) => {
			if (stalls && asked === this.query) this.stalls = stalls;
		});
	}

	/** Reads a file the user chose or dropped. */
	async openFile(file: File): Promise<void> {
		await this.open(file.name, null, async () => file);
	}

	/** Fetches a trace from this site (a `trace=` link, the sample). */
	async openPath(path: string): Promise<void> {
		const url = sameSiteTraceUrl(path, location.href);
		if (!url.ok) {
			this.problem = url.message;
			return;
		}
		const name = decodeURIComponent(url.url.split(/[?#]/)[0].split('/').pop() || path);
		await this.open(name, path, async () => {
			const response = await fetch(url.url);
			if (!response.ok) throw new Error(`${path} could not be fetched (${response.status})`);
			// A single-page server answers a missing path with the lab's own page.
			if (response.headers.get('content-type')?.startsWith('text/html'))
				throw new Error(`${path} could not be fetched (the site has no such file)`);
			return response.blob();
		});
	}

	/**
	 * The what-if on show, in words: what changed, how many steps, the two runs' texts (A is the
	 * recording's own scenario unless both GIL answers are shown) and what each column is.
	 */
	whatIf: {
		what: string;
		steps: number;
		a: string;
		b: string;
		columns: [string, string];
	} | null = $state.raw(null);

	/** Makes `change` to the stretches of `stalls` and compares the two runs on the stage. */
	tryWhatIf(stalls: readonly Stall[], change: OfferedChange, what: string): void {
		const loaded = this.loaded;
		if (!loaded?.session) return;
		const made = (c: StretchChange) => {
			const { doc, steps } = whatIfScenario(loaded.model, loaded.scenario, stalls, c);
			return { text: JSON.stringify(doc, null, 2), steps };
		};
		const unknown = change === 'unknownGil';
		const a = unknown ? made('holdsGil').text : loaded.text;
		const b = made(unknown ? 'releasesGil' : change);
		this.showPair(a, b.text);
		this.whatIf = {
			what,
			steps: b.steps,
			a,
			b: b.text,
			columns: unknown ? ['Holding the GIL', 'Releasing it'] : ['Before', 'What if']
		};
	}

	/** Back to the model's run of the recording alone. */
	clearWhatIf(): void {
		const session = this.loaded?.session;
		if (session && this.loaded) {
			session.active = 'a';
			session.compare = false;
			session.b = null;
			this.setA(this.loaded.text);
		}
		this.whatIf = null;
	}

	private showPair(a: string, b: string) {
		const session = this.loaded!.session!;
		this.setA(a);
		session.b = new ScenarioDraft('b', b);
		session.compare = true;
	}

	private setA(text: string) {
		const a = this.loaded!.session!.a;
		if (a.text === text) return;
		a.text = text;
		a.settle();
	}

	/** Shows the stage at a moment of the run (ms), as the timeline's click does. */
	show(atMs: number): void {
		this.loaded?.session?.scrub(Math.round(atMs));
	}

	private async open(name: string, path: string | null, blob: () => Promise<Blob>) {
		this.problem = null;
		this.reading = `Reading ${name}…`;
		let read;
		let file: Blob | null = null;
		try {
			file = await blob();
			const size = kb(file.size);
			read = await this.reader.read(
				file,
				(what) => (this.reading = `Reading ${name} (${size}) in the background: ${what}…`)
			);
		} catch (e) {
			read = { ok: false as const, message: (e as Error).message };
		}
		if (read === null) return; // another file replaced this one
		this.reading = '';
		if (!read.ok) {
			this.problem = `${name} cannot be shown: ${read.message}.`;
			return;
		}
		const playing = this.loaded?.session;
		if (playing?.playing) playing.toggle();
		this.query++; // a stall list still on its way is the old file's
		this.chosenThreshold = STALL_MS;
		this.stalls = read.stalls;
		this.whatIf = null;
		const { model, scenario, names, pairs } = read;
		this.loaded = loadedTrace({ name, path, file: file!, model, scenario, names, pairs });
	}
}

function loadedTrace(read: Omit<LoadedTrace, 'text' | 'session' | 'noRun'>): LoadedTrace {
	const text = JSON.stringify(read.scenario, null, 2);
	const trace = { ...read, text, session: null, noRun: null };
	const count = read.scenario.requests.length;
	if (count === 0)
		return {
			...trace,
			noRun:
				read.model.source === 'otlp'
					? 'Request spans give arrival and latency only: there are no loop stretches to re-simulate.'
					: 'No request in this trace has task steps recorded, so there is nothing to re-simulate.'
		};
	if (count > MAX_STAGE_REQUESTS)
		return {
			...trace,
			noRun: `The scenario has ${count} requests; the stage draws up to ${MAX_STAGE_REQUESTS}. Download it, or record a shorter stretch.`
		};
	const session = new PlaygroundSession({
		a: text,
		b: null,
		active: 'a',
		compare: false,
		step: 0,
		moment: null,
		speed: 1
	});
	// A valid scenario is on its way when too large to simulate at once (the simulation worker).
	if (!session.draft.parsed.ok)
		return {
			...trace,
			noRun: `The model cannot run the scenario made from it: ${session.draft.errors[0]?.message ?? 'it is not valid'}.`
		};
	return { ...trace, session };
}

const kb = (bytes: number) =>
	bytes < 1024 * 1024 ? `${Math.ceil(bytes / 1024)} KB` : `${(bytes / 1024 / 1024).toFixed(1)} MB`;
