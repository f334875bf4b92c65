// Reads OTLP/JSON request spans: each server span is one request's arrival and latency. The
// file says nothing of the loop, so the lab can only infer its stretches, and says so.
import type { TraceModel, TraceRequest } from './model';
import { sortModel } from './import-recorder';

interface OtlpSpan {
	spanId?: string;
	parentSpanId?: string;
	name?: string;
	kind?: number | string;
	startTimeUnixNano?: string | number;
	endTimeUnixNano?: string | number;
	attributes?: { key: string; value?: Record<string, unknown> }[];
}

const SERVER = new Set<unknown>([2, 'SPAN_KIND_SERVER']);
const PATH_KEYS = ['url.path', 'http.target', 'http.route'];

/** Whether the document is OTLP/JSON: it has a resourceSpans array. */
export const looksLikeOtlp = (doc: unknown): boolean =>
	Array.isArray((doc as { resourceSpans?: unknown })?.resourceSpans);

/** The model of an OTLP/JSON file's server spans, or what is missing. */
export function importOtlp(
	doc: unknown
): { ok: true; model: TraceModel } | { ok: false; message: string } {
	const spans: OtlpSpan[] = [];
	for (const rs of (doc as { resourceSpans: unknown[] }).resourceSpans)
		for (const ss of ((rs as { scopeSpans?: unknown[] })?.scopeSpans ?? []) as {
			spans?: OtlpSpan[];
		}[])
			spans.push(...(ss?.spans ?? []));
	const server = spans.filter((s) => SERVER.has(s.kind));
	if (server.length === 0)
		return {
			ok: false,
			message: 'OTLP/JSON has no server spans (kind SPAN_KIND_SERVER): no requests to show'
		};
	const times: { span: OtlpSpan; start: bigint; end: bigint }[] = [];
	for (const [i, span] of server.entries()) {
		try {
			times.push({
				span,
				start: BigInt(span.startTimeUnixNano!),
				end: BigInt(span.endTimeUnixNano!)
			});
		} catch {
			return {
				ok: false,
				message: `server span ${span.spanId ?? i} has no startTimeUnixNano/endTimeUnixNano`
			};
		}
	}
	const origin = times.reduce((min, t) => (t.start < min ? t.start : min), times[0].start);
	const ms = (t: bigint) => Number(t - origin) / 1e6;
	const requests: TraceRequest[] = times.map(({ span, start, end }, i) => ({
		id: span.spanId ?? String(i + 1),
		path: pathOf(span),
		arriveMs: ms(start),
		endMs: ms(end)
	}));
	const model: TraceModel = {
		source: 'otlp',
		notes: [
			'OTLP spans carry arrival and latency only: the loop stretches are inferred, not recorded'
		],
		originUs: Number(origin / 1000n),
		slices: [],
		selects: [],
		tasks: [],
		pool: [],
		requests,
		lag: [],
		samples: [],
		about: {}
	};
	sortModel(model);
	return { ok: true, model };
}

function pathOf(span: OtlpSpan): string {
	for (const key of PATH_KEYS) {
		const value = span.attributes?.find((a) => a.key === key)?.value?.stringValue;
		if (typeof value === 'string') return value;
	}
	return span.name ?? '?';
}
