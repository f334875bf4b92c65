/** Where loading CPython is: in this order, never back. */
export type LoadPhase = 'downloading' | 'compiling' | 'starting' | 'running';

/** One progress report: the phase and the bytes of the runtime files read so far, of all. */
export interface LoadProgress {
	phase: LoadPhase;
	loaded: number;
	total: number;
}

const PHASES: readonly LoadPhase[] = ['downloading', 'compiling', 'starting', 'running'];

const mb = (bytes: number) => (bytes / 1e6).toFixed(1);

/** What a progress indicator says, e.g. "Downloading CPython 4.1 of 13.4 MB". */
export function progressText(p: LoadProgress): string {
	switch (p.phase) {
		case 'downloading':
			return `Downloading CPython ${mb(p.loaded)} of ${mb(p.total)} MB`;
		case 'compiling':
			return 'Compiling CPython (WebAssembly)…';
		case 'starting':
			return 'Starting Python…';
		case 'running':
			return 'Running the scenario on CPython…';
	}
}

/** A later phase wins; an earlier one (a late byte count) keeps the phase reached. */
export function laterPhase(a: LoadPhase, b: LoadPhase): LoadPhase {
	return PHASES.indexOf(b) > PHASES.indexOf(a) ? b : a;
}

/**
 * Counts the bytes of the runtime files as they arrive: `counted(fetch)` is a fetch whose
 * responses report each chunk read; `done(name)` is called when a file's body has been read.
 * Files read some other way (the loader `import()`s pyodide.asm.mjs) are added with `add`.
 */
export class ByteCounter {
	private readonly seen = new Map<string, number>();

	constructor(
		readonly sizes: Readonly<Record<string, number>>,
		private readonly changed: () => void,
		private readonly done: (name: string) => void = () => {}
	) {}

	get total(): number {
		return Object.values(this.sizes).reduce((a, b) => a + b, 0);
	}

	get loaded(): number {
		let sum = 0;
		for (const [name, bytes] of this.seen) sum += Math.min(bytes, this.sizes[name] ?? bytes);
		return sum;
	}

	/** Marks a file read whole (its known size). */
	add(name: string): void {
		if (!(name in this.sizes) || this.seen.get(name) === this.sizes[name]) return;
		this.seen.set(name, this.sizes[name]);
		this.changed();
	}

	/** A fetch that counts the body of every runtime file it reads; other URLs pass through. */
	counted(fetch: typeof globalThis.fetch): typeof globalThis.fetch {
		return async (input, init) => {
			const response = await fetch(input, init);
			const url = typeof input === 'string' ? input : input instanceof URL ? input.href : input.url;
			const name = fileName(url);
			if (!(name in this.sizes) || !response.body) return response;
			const reader = response.body.getReader();
			const body = new ReadableStream<Uint8Array>({
				pull: async (controller) => {
					const { done, value } = await reader.read();
					if (done) {
						controller.close();
						this.add(name);
						this.done(name);
						return;
					}
					this.seen.set(name, (this.seen.get(name) ?? 0) + value.byteLength);
					this.changed();
					controller.enqueue(value);
				},
				cancel: (reason) => reader.cancel(reason)
			});
			// Same status and headers: WebAssembly.instantiateStreaming needs application/wasm.
			return new Response(body, {
				status: response.status,
				statusText: response.statusText,
				headers: response.headers
			});
		};
	}
}

/** The last path segment of a URL, without its query. */
export function fileName(url: string): string {
	return url.split(/[?#]/)[0].split('/').pop() ?? '';
}
