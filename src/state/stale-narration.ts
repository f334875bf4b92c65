import { formatMs } from '../format/numbers';
import { expectationMisses } from '../content/check-expectations';
import type { LessonParam } from '../content/lesson-params';
import { numberPhrase, numberText } from '../content/number-markers';
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
	/** "50 ms", or "pool size 4 threads, blocking calls 20": the learner's values, in the same order. */
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
		written: changed.map((p) => numberPhrase(p, p.value)).join(', '),
		// One number needs no label; several do, to tell which is which.
		yours: changed
			.map((p) =>
				changed.length === 1 ? numberText(p, values[p.name]) : numberPhrase(p, values[p.name])
			)
			.join(', '),
		broken,
		moved
	};
}

const ms = (n: number) => formatMs(n, 1);

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
			? ` (the last answer is now ${lastNow.id}, at ${ms(lastNow.endMs!)})`
			: '';
	return `${last.id} ends at ${ms(same.endMs)}, not ${was}${also}`;
}

/**
 * The note in two sentences, e.g. "Written for work duration 200 ms. With your 50 ms: r5 ends at
 * 250 ms, not 1,000 ms." One broken claim is quoted, shortened (the count of the others follows),
 * so the note stays short enough to read beside the narration.
 */
export function staleText(s: StaleNarration): string {
	const head = `Written for ${s.written}. With your ${s.yours}:`;
	// Only what was checked is called wrong; a moved answer alone is reported as a fact.
	const parts = s.moved ? [s.moved] : [];
	if (s.broken.length > 0) {
		const more = s.broken.length > 1 ? ` (and ${s.broken.length - 1} more)` : '';
		parts.push(`this no longer holds: ${shorten(s.broken[0])}${more}`);
	}
	return `${head} ${parts.join('; ')}.`;
}

const LONGEST_CLAIM = 110;

// Cut at the last ", " that fits: a claim about many requests lists each one.
function shorten(text: string): string {
	if (text.length <= LONGEST_CLAIM) return text;
	const cut = text.lastIndexOf(', ', LONGEST_CLAIM);
	return `${text.slice(0, cut > 0 ? cut : LONGEST_CLAIM)} and more`;
}
