// Reads a trace file off the main thread, so parsing a large file never freezes the page: the
// file's text, JSON.parse, the import and "Make this a scenario" all run here.
import { READY } from '../runtime/ready';
import { importTrace, toScenario } from '../traces/index';
import type { TraceRead } from './trace-reader';

self.addEventListener('message', async (e: MessageEvent<Blob>) => {
	let read: TraceRead;
	try {
		const imported = importTrace(await e.data.text());
		read = imported.ok ? { ...imported, scenario: toScenario(imported.model) } : imported;
	} catch (err) {
		read = { ok: false, message: `the file could not be read (${(err as Error).message})` };
	}
	self.postMessage(read);
});
self.postMessage(READY);
