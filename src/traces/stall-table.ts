// The "what blocked the loop" table as plain text, for the CLI and for copying from the page.
import type { TraceModel } from './model';
import { findStalls, STALL_MS } from './stalls';

const ms = (v: number) => `${v.toFixed(1)} ms`;

/** One line per stall (at, how long, task, coroutine, where), then the requests behind it. */
export function stallTable(model: TraceModel, thresholdMs = STALL_MS): string {
	const stalls = findStalls(model, thresholdMs);
	const lines = [
		`# ${model.source} trace: ${stalls.length} callback(s) held the loop ${thresholdMs} ms or more`
	];
	for (const note of model.notes) lines.push(`# note: ${note}`);
	const maxLag = model.lag.reduce((m, l) => Math.max(m, l.lagMs), 0);
	if (model.lag.length > 0) lines.push(`# worst timer lag: ${ms(maxLag)}`);
	if (stalls.length === 0) return lines.join('\n') + '\n';
	lines.push(['at', 'held', 'task', 'coroutine', 'where'].join('\t'));
	for (const s of stalls) {
		lines.push([ms(s.atMs), ms(s.ms), s.task ?? '-', s.coro ?? '-', s.where ?? '-'].join('\t'));
		for (const w of s.waited)
			lines.push(
				`\t  waited: request ${w.id} ${w.path} +${ms(w.addedMs)}${w.seen === 'before-arrival' ? ' (at most: it reached the app right after)' : ''}`
			);
	}
	return lines.join('\n') + '\n';
}
