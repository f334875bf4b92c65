import { parseAnchor } from './event-anchor';
import { lessonHtml } from './lesson-html';
import { markersIn } from './number-markers';
import { parseExpectations, type Expectation } from './step-expectations';
import { prose, readChoices, readSubsections, type Fail, type Lines } from './step-subsections';
import type { LessonQuestion, LessonStep } from './types';

/** A lesson's steps.md, read: its steps, the line each starts on, its question, every problem. */
export interface StepsFile {
	file: string;
	steps: LessonStep[];
	/** The line of each step's heading, for messages about a step found later. */
	lines: number[];
	question: LessonQuestion | null;
	/** Each as `<file>:<line>: <problem>`. */
	errors: string[];
	/** The `{{param}}` markers of each step's narration, by step index, where there are any. */
	markers?: { step: number; name: string; line: number }[];
}

const HEADING = /^##\s+(.*?)\s*$/;
const STEP = /^(\S+) at (\d+(?:\.\d+)?) ms(?:, (.*))?$/;
// ", " separates a heading's parts unless it sits inside an anchor's "quoted value".
const OUTSIDE_QUOTES = /, (?=(?:[^"]*"[^"]*")*[^"]*$)/;
const FORM = '"## <variant> at <t> ms[, line <n>][, after <event>]"';
const EXPECT = /^expect:\s*(.*)$/;

/**
 * Reads steps.md: one `## <variant> at <t> ms[, line <n>][, after <event>]` section per step,
 * optional `expect: …` lines right under it (see step-expectations.ts), its narration below, then
 * optional `###` subsections (a prediction, "Measured on CPython": see step-subsections.ts); then a
 * `## Question` section (prompt, `- [ ]`/`- [x]` choices, explanation).
 * Runs where files are read (the lesson index plugin, the command line), never in the page.
 */
export function parseStepsFile(file: string, text: string): StepsFile {
	const out: StepsFile = { file, steps: [], lines: [], question: null, errors: [] };
	const sections = split(text.split(/\r?\n/));
	for (const s of sections) {
		const fail = (message: string, line = s.line) => out.errors.push(`${file}:${line}: ${message}`);
		if (s.title === 'Question') {
			if (out.question) fail('a second ## Question section');
			out.question = readQuestion(s, fail);
			continue;
		}
		const step = readStep(s, `step ${out.steps.length + 1}`, fail);
		if (step) {
			const found = markersIn(s.body).map((m) => ({ step: out.steps.length, ...m }));
			if (found.length > 0) (out.markers ??= []).push(...found);
			out.steps.push(step);
			out.lines.push(s.line);
		}
	}
	if (!out.question) out.errors.push(`${file}: no ## Question section`);
	return out;
}

interface Section {
	title: string;
	/** 1-based line of the heading. */
	line: number;
	body: Lines;
}

// Text before the first heading is the writer's own (a title, a comment) and is not read.
function split(lines: string[]): Section[] {
	const sections: Section[] = [];
	lines.forEach((text, i) => {
		const heading = HEADING.exec(text);
		if (heading) sections.push({ title: heading[1], line: i + 1, body: [] });
		else sections.at(-1)?.body.push({ text, line: i + 1 });
	});
	return sections;
}

function readStep(s: Section, name: string, fail: Fail): LessonStep | null {
	const m = STEP.exec(s.title);
	if (!m) {
		fail(`${name}: "## ${s.title}" is not a step heading; expected ${FORM}`);
		return null;
	}
	const { expect, body } = readExpect(s.body, name, fail);
	const { narration, predict, measured } = readSubsections(body, name, fail);
	const text = prose(narration);
	const step: LessonStep = { variant: m[1], t: Number(m[2]), text, html: lessonHtml(text, true) };
	if (predict) step.predict = predict;
	if (measured) step.measured = measured;
	for (const part of m[3] ? m[3].split(OUTSIDE_QUOTES) : []) {
		const line = /^line (\d+)$/.exec(part);
		if (line) step.line = Number(line[1]);
		else if (part.startsWith('after ')) {
			const anchor = parseAnchor(part.slice('after '.length));
			if ('error' in anchor) fail(`${name}: ${anchor.error}`);
			else step.event = anchor;
		} else fail(`${name}: "${part}" is neither "line <n>" nor "after <event>"`);
	}
	if (expect.length > 0) step.expect = expect;
	if (step.text === '') fail(`${name}: no narration`);
	return step;
}

// `expect:` lines come before the narration, so a reader of steps.md sees the claims first; one
// further down would be shown to learners as narration, so it is reported instead.
function readExpect(
	body: Section['body'],
	name: string,
	fail: Fail
): { expect: Expectation[]; body: Section['body'] } {
	const expect: Expectation[] = [];
	let start = 0;
	for (; start < body.length; start++) {
		const { text, line } = body[start];
		const m = EXPECT.exec(text);
		if (!m && text.trim() !== '') break;
		if (!m) continue;
		const read = parseExpectations(m[1], line);
		expect.push(...read.expect);
		for (const error of read.errors) fail(`${name}: ${error}`, line);
	}
	const rest = body.slice(start);
	for (const { text, line } of rest) {
		if (EXPECT.test(text))
			fail(`${name}: an "expect:" line after the narration; put it right under the heading`, line);
	}
	return { expect, body: rest };
}

function readQuestion(s: Section, fail: Fail): LessonQuestion {
	const { before, choices, answer, after } = readChoices(s.body, 'question', fail, s.line);
	const prompt = prose(before);
	const explain = prose(after);
	return {
		prompt,
		choices,
		answer,
		explain,
		html: {
			prompt: lessonHtml(prompt, true),
			choices: choices.map((c) => lessonHtml(c, true)),
			explain: lessonHtml(explain, false)
		}
	};
}
