import { lessonHtml } from './lesson-html';
import type { Prediction, PredictionAnswer } from './types';

/** Numbered lines of a steps.md section, as the parser reads them. */
export type Lines = { text: string; line: number }[];

/** Reports a problem at a line of the file (the section's heading when none is given). */
export type Fail = (message: string, line?: number) => void;

const SUB = /^###\s+(.*?)\s*$/;
const CHOICE = /^- \[( |x)\] (.*)$/;
const TIME = /^answer:\s*(\d+(?:\.\d+)?)\s*ms\s*±\s*(\d+(?:\.\d+)?)\s*ms\s*$/;
const LINES = /^answer:\s*(line \d+(?:\s*,\s*line \d+)*)\s*$/;
const TITLES =
	'"### Predict: …", "### Predict on the timeline: …", "### Predict the line: …" or "### Measured on CPython"';

/** A `- [ ]`/`- [x]` list inside a section: the text before it, its choices, the text after it. */
export function readChoices(
	body: Lines,
	what: string,
	fail: Fail,
	at: number
): { before: Lines; choices: string[]; answer: number; after: Lines } {
	const first = body.findIndex((l) => CHOICE.test(l.text));
	const end = first < 0 ? -1 : body.findIndex((l, i) => i > first && !CHOICE.test(l.text));
	const list = first < 0 ? [] : body.slice(first, end < 0 ? undefined : end);
	const marks = list.map((l) => CHOICE.exec(l.text)!);
	const answers = marks.flatMap((c, i) => (c[1] === 'x' ? [i] : []));
	if (marks.length < 2) fail(`${what}: needs at least two "- [ ] choice" lines`, at);
	else if (answers.length !== 1)
		fail(`${what}: mark exactly one choice as the answer, "- [x]" (found ${answers.length})`, at);
	return {
		before: body.slice(0, Math.max(first, 0)),
		choices: marks.map((c) => c[2]),
		answer: answers[0] ?? 0,
		after: end < 0 ? [] : body.slice(end)
	};
}

/** Lines joined as one text, without the blank lines around it. */
export function prose(lines: { text: string }[]): string {
	return lines
		.map((l) => l.text)
		.join('\n')
		.trim();
}

/**
 * Splits a step's body at its `###` subsections: the narration before the first, then at most
 * one prediction and one "Measured on CPython" disclosure; an unknown title is reported.
 */
export function readSubsections(
	body: Lines,
	name: string,
	fail: Fail
): { narration: Lines; predict?: Prediction; measured?: { text: string; html: string } } {
	const starts = body.flatMap((l, i) => (SUB.test(l.text) ? [i] : []));
	const out: ReturnType<typeof readSubsections> = {
		narration: body.slice(0, starts[0] ?? body.length)
	};
	starts.forEach((start, k) => {
		const title = SUB.exec(body[start].text)![1];
		const at = body[start].line;
		const rest = body.slice(start + 1, starts[k + 1] ?? body.length);
		if (title === 'Measured on CPython') {
			if (out.measured) fail(`${name}: a second "### Measured on CPython"`, at);
			const text = prose(rest);
			if (text === '') fail(`${name}: "### Measured on CPython" is empty`, at);
			out.measured = { text, html: lessonHtml(text, false) };
			return;
		}
		const m = /^Predict(?: (on the timeline|the line))?:\s*(.*)$/.exec(title);
		if (!m) {
			fail(`${name}: "### ${title}" is not a subsection; expected ${TITLES}`, at);
			return;
		}
		if (out.predict) fail(`${name}: a second prediction; a step asks one`, at);
		const prompt = m[2];
		if (prompt === '') fail(`${name}: "### ${title}" has no question after the colon`, at);
		const what = `${name}: prediction`;
		const read =
			m[1] === undefined
				? readChoicePrediction(rest, what, fail, at)
				: readAnswerLine(rest, m[1] === 'the line' ? 'line' : 'time', what, fail, at);
		if (!read) return;
		if (read.explain === '') fail(`${what}: no explanation after the answer`, at);
		out.predict = {
			...read.answer,
			prompt,
			explain: read.explain,
			html: {
				prompt: lessonHtml(prompt, true),
				choices:
					read.answer.kind === 'choice' ? read.answer.choices.map((c) => lessonHtml(c, true)) : [],
				explain: lessonHtml(read.explain, false)
			}
		};
	});
	return out;
}

type Read = { answer: PredictionAnswer; explain: string };

function readChoicePrediction(rest: Lines, what: string, fail: Fail, at: number): Read {
	const { before, choices, answer, after } = readChoices(rest, what, fail, at);
	if (prose(before) !== '')
		fail(
			`${what}: text between the "### Predict:" line and its choices`,
			before.find((l) => l.text.trim())?.line
		);
	return { answer: { kind: 'choice', choices, answer }, explain: prose(after) };
}

function readAnswerLine(
	rest: Lines,
	kind: 'time' | 'line',
	what: string,
	fail: Fail,
	at: number
): Read | null {
	const first = rest.findIndex((l) => l.text.trim() !== '');
	const line = rest[first];
	const form =
		kind === 'time' ? '"answer: <ms> ms ± <tolerance> ms"' : '"answer: line <n>[, line <n>]"';
	if (!line || !line.text.startsWith('answer:')) {
		fail(`${what}: the line after the heading must be ${form}`, line?.line ?? at);
		return null;
	}
	const explain = prose(rest.slice(first + 1));
	if (kind === 'time') {
		const m = TIME.exec(line.text.trim());
		if (!m) {
			fail(`${what}: "${line.text.trim()}" is not ${form}`, line.line);
			return null;
		}
		return { answer: { kind, ms: Number(m[1]), tolerance: Number(m[2]) }, explain };
	}
	const m = LINES.exec(line.text.trim());
	const lines = m ? m[1].split(',').map((p) => Number(p.trim().slice('line '.length))) : [];
	if (!m || lines.some((n) => n < 1)) {
		fail(`${what}: "${line.text.trim()}" is not ${form}`, line.line);
		return null;
	}
	return { answer: { kind, lines }, explain };
}
