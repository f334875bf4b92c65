import { expectationMisses } from '../content/check-expectations';
import type { LessonParam } from '../content/lesson-params';
import { numberText } from '../content/number-markers';
import type { NumberValues } from '../content/numbered-scenario';
import { stepFrame } from '../content/step-frame';
import type { LessonStep } from '../content/types';
import type { VariantRun } from './variant-run';

/**
 * What a step's narration, written for the lesson's numbers, says with the learner's: which of
 * its checked claims (`expect:`) the new run's frame contradicts, and how the lesson's last
 * answer moved. Computed from the runs, never written per step.
 */
export interface StaleNarration {
	/** "Work duration 200 ms": the lesson's values of the changed params. */
	written: string;
	/** "50 ms": the learner's values, in the same order. */
	yours: string;
	/** Each contradicted claim as `“claim”: now …`; empty when every claim still holds. */
	broken: string[];
	/** "r5 ends at 250 ms, not 1,000 ms", or null when the last answer did not move. */
	moved: string | null;
}

/**
 * The stale note for `step` shown with `now` (its variant run with the learner's numbers) against
 * `base` (the lesson's run), or null when the numbers do not change what the step shows.
 */
export function staleNarration(
	step: LessonStep,
	base: VariantRun,
	now: VariantRun,
	changed: readonly LessonParam[],
	values: NumberValues
): StaleNarration | null {
	if (now === base || changed.length === 0) return null;
	const frame = stepFrame(now.framer, now.result.trace ?? [], step.t, step.event);
	const broken = expectationMisses(frame, step.expect ?? []).map(
		(m) => `“${m.expect.text}”: now ${m.found}`
	);
	const moved = lastAnswerMoved(base, now);
	if (broken.length === 0 && moved === null) return null;
	return {
		written: changed.map((p) => `${p.label.toLowerCase()} ${numberText(p, p.value)}`).join(', '),
		yours: changed.map((p) => numberText(p, values[p.name])).join(', '),
		broken,
		moved
	};
}

const ms = (n: number) => `${Number(n.toFixed(1)).toLocaleString('en-US')} ms`;

// The request the lesson answers last, where the learner's run answers it instead.
function lastAnswerMoved(base: VariantRun, now: VariantRun): string | null {
	const ended = base.result.requests.filter((r) => r.endMs !== null);
	const last = ended.reduce<(typeof ended)[number] | null>(
		(a, r) => (a === null || (r.endMs ?? 0) > (a.endMs ?? 0) ? r : a),
		null
	);
	const lastNow = now.result.requests.reduce<(typeof ended)[number] | null>(
		(a, r) => (r.endMs !== null && (a === null || r.endMs > (a.endMs ?? 0)) ? r : a),
		null
	);
	if (!last) return null;
	const same = now.result.requests.find((r) => r.id === last.id);
	const was = ms(last.endMs!);
	if (!same) return `${last.id} is never sent (it ended at ${was})`;
	if (same.endMs === null) return `${last.id} never finishes, not at ${was}`;
	if (same.endMs === last.endMs) return null;
	const also =
		lastNow && lastNow.id !== last.id
			? `; the last answer is now ${lastNow.id} at ${ms(lastNow.endMs!)}`
			: '';
	return `${last.id} ends at ${ms(same.endMs)}, not ${was}${also}`;
}

/**
 * The note as one sentence, e.g. "Written for work duration 200 ms; with your 50 ms r5 ends at
 * 250 ms, not 1,000 ms, and this no longer holds: …". One broken claim is quoted (the count of
 * the others follows), so the note stays short enough to read beside the narration.
 */
export function staleText(s: StaleNarration): string {
	const head = `Written for ${s.written}; with your ${s.yours}`;
	const moved = s.moved ?? '';
	if (s.broken.length === 0) return `${head} its claims still hold, but ${moved}.`;
	const more = s.broken.length > 1 ? ` (and ${s.broken.length - 1} more)` : '';
	const claim = `this no longer holds: ${s.broken[0]}${more}`;
	return moved ? `${head} ${moved}, and ${claim}.` : `${head} ${claim}.`;
}
