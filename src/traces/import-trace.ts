// One entry point: any supported file's text in, the model (or what is missing) out.
import { importOtlp, looksLikeOtlp } from './import-otlp';
import { importRecorder } from './import-recorder';
import { importViztracer, looksLikeViztracer } from './import-viztracer';
import type { ImportResult } from './model';
import { readEvents } from './trace-events';

const RECORDER_FORMAT = 'event-loop-lab/trace@1';

/** Reads our recorder's trace, viztracer's --log_async JSON or OTLP/JSON spans. */
export function importTrace(text: string): ImportResult {
	let doc: unknown;
	try {
		doc = JSON.parse(text);
	} catch (e) {
		return { ok: false, message: `not JSON: ${(e as Error).message}` };
	}
	if (looksLikeOtlp(doc)) return importOtlp(doc);
	const read = readEvents(doc);
	if (!read.ok)
		return {
			ok: false,
			message: `${read.message}: expected a Chrome Trace Event file (event_loop_lab_record.py or viztracer) or OTLP/JSON (resourceSpans)`
		};
	const about = ((doc as { otherData?: unknown }).otherData ?? {}) as Record<string, unknown>;
	if (about.format === RECORDER_FORMAT)
		return { ok: true, model: importRecorder(read.events, about) };
	if (looksLikeViztracer(read.events))
		return { ok: true, model: importViztracer(read.events, about) };
	return {
		ok: false,
		message:
			'a Chrome trace with no loop in it: no otherData.format "event-loop-lab/trace@1" (our recorder) and no Handle._run slices (viztracer --log_async)'
	};
}
