import { describe, expect, it } from 'vitest';
import {
	ByteCounter,
	fileName,
	laterPhase,
	progressText,
	type LoadProgress
} from '../../src/exact/load-progress';

describe('progressText(progress)', () => {
	it.each<[LoadProgress, string]>([
		[{ phase: 'downloading', loaded: 4.1e6, total: 6e6 }, 'Downloading CPython 4.1 of 6.0 MB'],
		[{ phase: 'compiling', loaded: 6e6, total: 6e6 }, 'Compiling CPython (WebAssembly)…'],
		[{ phase: 'starting', loaded: 6e6, total: 6e6 }, 'Starting Python…'],
		[{ phase: 'running', loaded: 6e6, total: 6e6 }, 'Running the scenario on CPython…']
	])('%j says "%s"', (p, text) => expect(progressText(p)).toBe(text));
});

describe('laterPhase(a, b)', () => {
	it('moves forward and never back', () => {
		expect(laterPhase('downloading', 'compiling')).toBe('compiling');
		expect(laterPhase('starting', 'downloading')).toBe('starting');
		expect(laterPhase('running', 'running')).toBe('running');
	});
});

describe('fileName(url)', () => {
	it('is the last path segment without query or hash', () => {
		expect(fileName('http://x/a/pyodide/pyodide.asm.wasm?v=1#h')).toBe('pyodide.asm.wasm');
	});
});

/** A fetch that answers every URL with `bytes` bytes in chunks of 10, with a wasm content type. */
const fakeFetch =
	(bytes: number): typeof fetch =>
	async () => {
		const data = new Uint8Array(bytes);
		let at = 0;
		const body = new ReadableStream<Uint8Array>({
			pull(c) {
				if (at >= bytes) return c.close();
				c.enqueue(data.subarray(at, (at += 10)));
			}
		});
		return new Response(body, { headers: { 'Content-Type': 'application/wasm' } });
	};

describe('ByteCounter', () => {
	it('counts the bytes of runtime files as their bodies are read, and says when one is whole', async () => {
		const counts: number[] = [];
		const done: string[] = [];
		const counter = new ByteCounter(
			{ 'a.wasm': 30, 'b.zip': 20 },
			() => counts.push(counter.loaded),
			(name) => done.push(name)
		);
		const fetch = counter.counted(fakeFetch(30));
		const response = await fetch('http://site/pyodide/a.wasm');
		expect(response.headers.get('Content-Type')).toBe('application/wasm');
		expect((await response.arrayBuffer()).byteLength).toBe(30);
		expect(counts).toEqual([10, 20, 30]);
		expect(done).toEqual(['a.wasm']);
		expect(counter.total).toBe(50);
	});

	it('passes other URLs through uncounted', async () => {
		const counter = new ByteCounter({ 'a.wasm': 30 }, () => {});
		await (await counter.counted(fakeFetch(5))('http://site/other.json')).arrayBuffer();
		expect(counter.loaded).toBe(0);
	});

	it('add(name) counts a file read some other way at its known size, once', () => {
		let changes = 0;
		const counter = new ByteCounter({ 'x.mjs': 7 }, () => changes++);
		counter.add('x.mjs');
		counter.add('x.mjs');
		counter.add('unknown');
		expect([counter.loaded, changes]).toEqual([7, 1]);
	});
});
