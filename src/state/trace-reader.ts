// The one bridge to the trace-reading worker: it starts a worker per file, and ends it when the
// file is read or another file replaces it.
import { whenReady } from '../runtime/ready';
import type { ScenarioDocument, TraceModel } from '../traces/index';

/** A file read: the model and its scenario, or what is missing (the importer's words). */
export type TraceRead =
	{ ok: true; model: TraceModel; scenario: ScenarioDocument } | { ok: false; message: string };

/** Larger files are refused before reading: the parsed JSON would not fit a tab's memory. */
export const MAX_TRACE_BYTES = 200 * 1024 * 1024;

/** Reads one trace file at a time; a new read ends the one before. */
export class TraceReader {
	private worker: Worker | null = null;
	private cancel: (() => void) | null = null;

	/** The file's model, or a message; null when a newer read replaced this one. */
	read(file: Blob): Promise<TraceRead | null> {
		this.stop();
		if (file.size > MAX_TRACE_BYTES)
			return Promise.resolve({
				ok: false,
				message: `the file is ${mb(file.size)}; the lab reads traces up to ${mb(MAX_TRACE_BYTES)} (record a shorter stretch with --duration)`
			});
		const worker = new Worker(new URL('./trace-read.worker.ts', import.meta.url), {
			type: 'module'
		});
		this.worker = worker;
		return new Promise((resolve) => {
			// The first of: the worker's answer, its failure, or a newer read (null).
			const done = (read: TraceRead | null) => {
				if (this.worker === worker) this.worker = this.cancel = null;
				worker.terminate();
				resolve(read);
			};
			this.cancel = () => done(null);
			worker.addEventListener('error', (e) =>
				done({ ok: false, message: `the trace reader failed (${e.message || 'script error'})` })
			);
			worker.addEventListener('message', (e: MessageEvent<TraceRead | string>) => {
				if (typeof e.data === 'object') done(e.data);
			});
			whenReady(worker).then(() => worker.postMessage(file));
		});
	}

	/** Ends the read under way, if any. */
	stop(): void {
		this.cancel?.();
	}
}

const mb = (bytes: number) => `${Math.round(bytes / 1024 / 1024)} MB`;
