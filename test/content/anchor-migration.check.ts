// One-off check (run with tsx, then deleted): every step's new identity anchor lands on the same
// trace event (same seq) as its old text anchor from lesson.json at the commit before the move.
import { execFileSync } from 'node:child_process';
import { simulate } from '../../simulations/index';
import { anchorIndex, findEvent } from '../../src/content/anchor';
import { findAnchor, formatAnchor } from '../../src/content/event-anchor';
import { listLessonFiles, readLessonFiles } from '../../cli/lesson-files';
import type { Lesson } from '../../src/content/types';

const base = process.argv[2] ?? 'HEAD';
let steps = 0;
let anchored = 0;
const failures: string[] = [];
for (const { folder, slug } of listLessonFiles('lessons')) {
	const old = JSON.parse(
		execFileSync('git', ['show', `${base}:lessons/${folder}/lesson.json`], { encoding: 'utf8' })
	) as { steps: { variant: string; t: number; event?: string }[] };
	const lesson = (await readLessonFiles('lessons', slug)) as Lesson;
	if (lesson.steps.length !== old.steps.length) failures.push(`${folder}: step count differs`);
	old.steps.forEach((o, i) => {
		steps++;
		const s = lesson.steps[i];
		const variant = lesson.variants.find((v) => v.name === s.variant)!;
		const trace = simulate(variant.scenario, { trace: true }).trace ?? [];
		const where = `${folder} step ${i + 1}`;
		if (o.variant !== s.variant || o.t !== s.t) failures.push(`${where}: variant or t differs`);
		if ((o.event === undefined) !== (s.event === undefined))
			failures.push(`${where}: anchor added or lost`);
		if (anchorIndex(trace, o.t) !== anchorIndex(trace, s.t))
			failures.push(`${where}: time index differs`);
		if (o.event === undefined || s.event === undefined) return;
		anchored++;
		const was = findEvent(trace, o.t, o.event);
		const now = findAnchor(trace, s.t, s.event);
		const seq = (k: number) => (k < 0 ? 'none' : String(trace[k].seq));
		const same = was >= 0 && was === now;
		if (!same) failures.push(`${where}: seq ${seq(was)} → ${seq(now)}`);
		console.log(
			`${same ? 'same' : 'DIFF'}  ${where.padEnd(36)} seq ${seq(was).padStart(3)}  ${JSON.stringify(o.event)} → after ${formatAnchor(s.event)}`
		);
	});
}
console.log(
	`\n${steps} steps in ${listLessonFiles('lessons').length} lessons, ${anchored} with an event anchor; ${failures.length} differences`
);
for (const f of failures) console.log(`  ${f}`);
process.exitCode = failures.length === 0 ? 0 : 1;
