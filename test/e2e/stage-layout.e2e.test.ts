import AxeBuilder from '@axe-core/playwright';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { listLessonFiles, readLessonFiles } from '../../cli/lesson-files';
import type { Lesson } from '../../src/content/types';
import { collectErrors, useLab } from './harness';
import { skipPrediction } from './prediction-steps';

// Generated from the content: every lesson, every step, at a laptop's screen and a phone's. One
// page per lesson, stepped with the keyboard, one `evaluate` per step, to stay quick on 2 cores.
const slugs = listLessonFiles('lessons').map((l) => l.slug);
const lab = useLab();

async function loadLesson(slug: string): Promise<Lesson> {
	const lesson = await readLessonFiles('lessons', slug);
	if ('error' in lesson) throw new Error(lesson.error);
	return lesson;
}

type Box = { top: number; bottom: number; left: number; right: number; height: number };

/** What one step shows, read in one round trip: boxes of the stage's parts and the live text. */
interface Seen {
	live: string;
	viewport: { width: number; height: number };
	next: Box | null;
	bar: Box | null;
	narration: Box | null;
	/** The part of each named drawing its scrolling box shows (null: no element has the name). */
	loop: Box | null;
	timeline: Box | null;
}

function read(page: Page): Promise<Seen> {
	return page.evaluate(() => {
		const box = (r: DOMRect | null) =>
			r && { top: r.top, bottom: r.bottom, left: r.left, right: r.right, height: r.height };
		// Accessible names as the views give them: aria-label, aria-labelledby or a figcaption.
		const nameOf = (el: Element) =>
			el.getAttribute('aria-label') ??
			(el.getAttribute('aria-labelledby')
				? el
						.getAttribute('aria-labelledby')!
						.split(/\s+/)
						.map((id) => document.getElementById(id)?.textContent ?? '')
						.join(' ')
				: (el.querySelector(':scope > figcaption')?.textContent ?? ''));
		// A drawing may be taller than its box, which scrolls: what counts is the part on show.
		const shown = (el: Element) => {
			let r = el.getBoundingClientRect();
			for (let p = el.parentElement; p; p = p.parentElement) {
				const o = getComputedStyle(p).overflowY;
				if (o !== 'auto' && o !== 'scroll' && o !== 'hidden') continue;
				const c = p.getBoundingClientRect();
				const top = Math.max(r.top, c.top);
				const bottom = Math.min(r.bottom, c.bottom);
				r = new DOMRect(r.left, top, r.width, Math.max(0, bottom - top));
			}
			return r;
		};
		const named = (re: RegExp) => {
			const els = [...document.querySelectorAll('[role="img"], [role="figure"], figure')];
			const el = els.find((e) => re.test(nameOf(e).trim()) && e.getClientRects().length > 0);
			return el ? box(shown(el)) : null;
		};
		const next = document.querySelector('button[aria-label="Next step"]');
		return {
			live: document.querySelector('[aria-live="polite"]')?.textContent?.trim() ?? '',
			viewport: { width: innerWidth, height: innerHeight },
			next: box(next?.getBoundingClientRect() ?? null),
			bar: box(
				document.querySelector('[data-testid="stage-bar"]')?.getBoundingClientRect() ?? null
			),
			narration: box(
				document
					.querySelector('[role="region"][aria-label="Narration"]')
					?.getBoundingClientRect() ?? null
			),
			loop: named(/^Event loop/),
			timeline: named(/^Timeline/)
		};
	});
}

/** The problem with a box, or null when it lies inside the viewport (and, if asked, is not empty). */
function outside(what: string, b: Box | null, v: Seen['viewport'], minHeight = 1): string | null {
	if (!b) return `${what}: not found`;
	const r = (n: number) => Math.round(n);
	if (b.top < -0.5 || b.bottom > v.height + 0.5 || b.left < -0.5 || b.right > v.width + 0.5)
		return `${what}: ${r(b.left)},${r(b.top)}–${r(b.right)},${r(b.bottom)} outside ${v.width}×${v.height}`;
	if (b.height < minHeight) return `${what}: only ${r(b.height)} px on show`;
	return null;
}

/**
 * Waits for two frames: the boxes fit the window after a paint (and the views become tabs after
 * a resize), so the first place read is where Next settles, not where it was mid-layout.
 */
const settled = (page: Page) =>
	page.evaluate(() => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r))));

const place = (b: Box | null) => b && `${b.left.toFixed(1)},${b.top.toFixed(1)}`;

/** The live region's words for a step, as the interaction contract gives them. */
const announced = (lesson: Lesson, i: number) =>
	`Step ${i + 1} of ${lesson.steps.length}, ${lesson.steps[i].t} ms:`;

for (const slug of slugs) {
	describe(`the stage of lesson ${slug}`, () => {
		it('keeps the controls, narration, loop and timeline on one 1366×768 screen at every step, then the bar and narration at 375×667', async () => {
			const lesson = await loadLesson(slug);
			const page = await lab.context.newPage();
			const errors = collectErrors(page);
			await page.setViewportSize({ width: 1366, height: 768 });
			await page.goto(`${lab.site.url}?lesson=${slug}`);
			await page.getByTestId('narration').waitFor();
			await settled(page);
			const next = page.getByRole('button', { name: 'Next step' });
			await next.focus(); // the keys must work while a step button has focus
			const problems: string[] = [];
			let first: Seen | null = null;
			for (let i = 0; i < lesson.steps.length; i++) {
				if (i > 0 && lesson.steps[i - 1].predict) await skipPrediction(page);
				if (i > 0) await page.keyboard.press('ArrowRight');
				const seen = await read(page);
				first ??= seen;
				const at = `step ${i + 1}`;
				if (!seen.live.startsWith(announced(lesson, i)))
					problems.push(`${at}: live region says "${seen.live.slice(0, 40)}…"`);
				for (const [what, b, min] of [
					['Next step', seen.next, 1],
					['narration', seen.narration, 1],
					['Event loop', seen.loop, 40],
					['Timeline', seen.timeline, 40]
				] as const) {
					const p = outside(what, b, seen.viewport, min);
					if (p) problems.push(`${at}: ${p}`);
				}
				if (place(seen.next) !== place(first.next))
					problems.push(`${at}: Next step moved from ${place(first.next)} to ${place(seen.next)}`);
				if (place(seen.bar) !== place(first.bar)) problems.push(`${at}: the control bar moved`);
			}
			// Back to the first step: nothing above the controls opens again.
			await page.keyboard.press('Home');
			expect(place((await read(page)).next)).toBe(place(first!.next));
			expect(problems).toEqual([]);

			await page.setViewportSize({ width: 375, height: 667 });
			await page.keyboard.press('Home');
			await settled(page);
			let narrow: Seen | null = null;
			for (let i = 0; i < lesson.steps.length; i++) {
				// Skipped on the way at 1366 px: the session keeps the skip, so nothing waits now.
				if (i > 0) await page.keyboard.press('ArrowRight');
				const seen = await read(page);
				narrow ??= seen;
				for (const [what, b] of [
					['control bar', seen.bar],
					['Next step', seen.next],
					['narration', seen.narration]
				] as const) {
					const p = outside(what, b, seen.viewport);
					if (p) problems.push(`375 px, step ${i + 1}: ${p}`);
				}
				if (place(seen.next) !== place(narrow.next))
					problems.push(`375 px, step ${i + 1}: Next step moved`);
			}
			expect(problems).toEqual([]);
			expect(errors).toEqual([]);
		});
	});
}

describe('the stage on a phone', () => {
	it('shows the views as tabs that move with the arrow keys (not the steps), with no axe violations', async () => {
		const page = await lab.context.newPage();
		await page.setViewportSize({ width: 375, height: 667 });
		await page.goto(`${lab.site.url}?lesson=${slugs[0]}&step=2`);
		const tabs = page.getByRole('tablist', { name: 'Views' });
		const loop = tabs.getByRole('tab', { name: 'Loop' });
		expect(await loop.getAttribute('aria-selected')).toBe('true');
		await loop.focus();
		await page.keyboard.press('ArrowRight');
		const second = tabs.getByRole('tab').nth(1);
		// The page answers the key in its own time (a busy machine can take a frame or two).
		await expect.poll(() => second.getAttribute('aria-selected')).toBe('true');
		await expect.poll(() => second.evaluate((el) => el === document.activeElement)).toBe(true);
		await page.keyboard.press('End');
		await expect
			.poll(() => tabs.getByRole('tab').last().getAttribute('aria-selected'))
			.toBe('true');
		expect(await page.getByRole('tabpanel').count()).toBe(1); // the others are hidden
		expect(await page.getByRole('slider', { name: 'Step' }).inputValue()).toBe('2');
		await page.getByText(/^Variant:/).click(); // the compact variant picker opens over the page
		const axe = await new AxeBuilder({ page })
			.withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'])
			.analyze();
		expect(axe.violations.map((v) => `${v.id}: ${v.nodes[0]?.target.join(' ')}`)).toEqual([]);
	});
});

describe('the variant selector', () => {
	it('puts bug → fix pairs first, marks the chosen one, and names both variants in Compare', async () => {
		const lesson = await loadLesson(slugs[0]);
		const page = await lab.context.newPage();
		await page.setViewportSize({ width: 1366, height: 768 });
		await page.goto(`${lab.site.url}?lesson=${slugs[0]}`);
		const group = page.getByRole('group', { name: 'Variant' });
		const [bug, fix] = lesson.pairs[0].map((n) => lesson.variants.find((v) => v.name === n)!);
		const buttons = group.getByRole('button');
		expect(await buttons.first().textContent()).toContain(bug.label);
		expect(await buttons.nth(1).textContent()).toContain(fix.label);
		await buttons.first().click();
		expect(await buttons.first().getAttribute('aria-pressed')).toBe('true');
		expect(await buttons.nth(1).getAttribute('aria-pressed')).toBe('false');
		const compare = page.getByRole('checkbox', { name: /^Compare “.+” with “.+”$/ });
		await compare.check();
		await expect.poll(() => page.url()).toContain('compare=1');
	});
});
