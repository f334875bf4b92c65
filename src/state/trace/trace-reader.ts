// The one bridge to the trace-reading worker: a worker per file, kept while its file is on show
// to answer threshold changes, and ended when another file replaces it. A file that cannot be
// read ends only its own worker: the one on show stays.
import * as Comlink from 'comlink';
import { whenReady } from '../../runtime/ready';
import type { Stall } from '../../traces/index';
import type { TraceApi, TraceRead } from './trace-api';

/** Larger files are refused before reading: the parsed JSON would not fit a tab's memory. */
export const MAX_TRACE_BYTES = 200 * 1024 * 1024;

interface Reading {
	worker: Worker;
	api: Comlink.Remote<TraceApi>;
}

/** Reads one trace file at a time; a new read ends the one under way. */
export class TraceReader {
	/** The worker of the file on show. */
	private shown: Reading | null = null;
	/** Ends the read under way: its promise then answers null. */
	private cancel: (() => void) | null = null;

	/** The file read, or why not; null when a newer read replaced this one. */
	read(file: Blob, phase: (what: string) => void): Promise<TraceRead | null> {
		this.cancel?.();
		if (file.size > MAX_TRACE_BYTES)
			return Promise.resolve({
				ok: false,
				message: `the file is ${mb(file.size)}; the lab reads traces up to ${mb(MAX_TRACE_BYTES)} (record a shorter stretch with --duration)`
			});
		const worker = new Worker(new URL('./trace-read.worker.ts', import.meta.url), {
			type: 'module'
		});
		const reading: Reading = { worker, api: Comlink.wrap<TraceApi>(worker) };
		return new Promise((resolve) => {
			let settled = false;
			const done = (read: TraceRead | null) => {
				if (settled) return;
				settled = true;
				this.cancel = null;
				if (read?.ok) {
					this.shown?.worker.terminate();
					this.shown = reading;
				} else worker.terminate();
				resolve(read);
			};
			this.cancel = () => done(null);
			worker.addEventListener('error', (e) =>
				done({ ok: false, message: `the trace reader failed (${e.message || 'script error'})` })
			);
			whenReady(worker).then(() => {
				if (settled) return;
				reading.api
					.open(file, Comlink.proxy(phase))
					.then(done, (e: Error) =>
						done({ ok: false, message: `the file could not be read (${e.message})` })
					);
			});
		});
	}

	/** The stalls of the file on show at another threshold; null when no file is on show. */
	async stalls(thresholdMs: number): Promise<Stall[] | null> {
		return this.shown ? this.shown.api.stalls(thresholdMs) : null;
	}
}

const mb = (bytes: number) => `${Math.round(bytes / 1024 / 1024)} MB`;
