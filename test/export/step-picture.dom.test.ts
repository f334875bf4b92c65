import { describe, expect, it } from 'vitest';
import { PALETTES } from '../../src/export/picture-palette';
import { stepPicture } from '../../src/export/step-picture';
import { pictureInput } from './picture-input';

// DOMParser (happy-dom) reports broken structure as a <parsererror>; bare "&" it lets pass, so
// that is checked on the text itself.
function parse(svg: string): Document {
	const doc = new DOMParser().parseFromString(svg, 'image/svg+xml');
	expect(doc.getElementsByTagName('parsererror')).toHaveLength(0);
	expect(svg).not.toMatch(/&(?!(amp|lt|gt|quot|apos);)/);
	return doc;
}

const texts = (doc: Document) => [...doc.getElementsByTagName('text')].map((t) => t.textContent);
const HOSTILE = `<script>alert("x")</script> & 'quotes' ]]> \u0007`;

describe('stepPicture(input, theme)', () => {
	const hung = pictureInput('lessons/06-gather-deadlock/thread-lock-gather', 0);

	it('is a well-formed SVG document with its size, viewBox, title and description', () => {
		const svg = parse(stepPicture(hung, 'light')).documentElement;
		expect(svg.tagName.toLowerCase()).toBe('svg');
		expect(svg.getAttribute('xmlns')).toBe('http://www.w3.org/2000/svg');
		const [w, h] = [Number(svg.getAttribute('width')), Number(svg.getAttribute('height'))];
		expect(w).toBe(960);
		expect(h).toBeGreaterThan(300);
		expect(svg.getAttribute('viewBox')).toBe(`0 0 ${w} ${h}`);
		expect(svg.firstElementChild?.tagName.toLowerCase()).toBe('title');
		expect(svg.firstElementChild?.textContent).toBe(
			'6. The gather “deadlock”, step 4 of 19: gather + threading.Lock at t = 0 ms'
		);
		expect(svg.getElementsByTagName('desc')[0].textContent).toContain('blocked in acquire()');
	});

	it('refers to nothing outside itself and uses generic fonts only', () => {
		const svg = stepPicture(hung, 'dark');
		// url(#…) names the picture's own patterns; nothing else may be referred to.
		expect(svg).not.toMatch(/href|url\((?!#)|@import|<image|<foreignObject|<style|<script/i);
		expect([...svg.matchAll(/font-family="([^"]*)"/g)].map((m) => m[1])).toEqual(['sans-serif']);
	});

	it('escapes hostile text in the title, variant, narration, status and lane names', () => {
		const input = pictureInput('lessons/06-gather-deadlock/thread-lock-gather', 0, {
			title: HOSTILE,
			variant: HOSTILE,
			narration: HOSTILE,
			status: HOSTILE,
			hungReason: HOSTILE
		});
		input.timeline.lanes[1].label = '<img src=x onerror=alert(1)>';
		const doc = parse(stepPicture(input, 'light'));
		expect(doc.getElementsByTagName('script')).toHaveLength(0);
		expect(doc.getElementsByTagName('img')).toHaveLength(0);
		// The words survive as words (the control character XML forbids is dropped).
		expect(doc.getElementsByTagName('title')[0].textContent).toContain(
			`<script>alert("x")</script> & 'quotes' ]]>`
		);
		expect(texts(doc).join(' ')).toContain('Event loop: <script>alert("x")</script>');
		expect(texts(doc).some((t) => t?.startsWith('<img src=') && t.endsWith('…'))).toBe(true);
	});

	it('draws the narration as plain text: no Markdown marks', () => {
		const all = texts(parse(stepPicture(hung, 'light'))).join(' ');
		expect(all).toContain('The loop thread is blocked in acquire().');
		expect(all).not.toMatch(/[*`]/);
	});

	it('draws every lane with its name, the cursor at the step moment, and the hung shading', () => {
		const moving = pictureInput('lessons/02-blocking-vs-offloaded/time-sleep', 300);
		const c = PALETTES.light;
		const doc = parse(stepPicture(moving, 'light'));
		for (const id of ['loop thread', 'r1', 'r2']) expect(texts(doc)).toContain(id);
		expect(texts(doc)).toContain(`t = ${moving.t} ms`);
		const cursor = [...doc.getElementsByTagName('line')].filter(
			(l) => l.getAttribute('stroke') === c.accent
		);
		expect(cursor).toHaveLength(1);
		const fills = [...doc.getElementsByTagName('rect')].map((r) => r.getAttribute('fill'));
		expect(fills).toContain(c.lanes.blocked);
		expect(fills).toContain(c.lanes.queued);
		const shaded = (d: Document) =>
			[...d.getElementsByTagName('rect')].filter((r) => r.getAttribute('stroke') === c.bad);
		expect(shaded(doc)).toHaveLength(0);
		expect(shaded(parse(stepPicture(hung, 'light')))).toHaveLength(1);
		expect(texts(parse(stepPicture(hung, 'light')))).toContain('hung: stays like this');
	});

	it('moves the cursor with the moment', () => {
		const cursorX = (t: number) =>
			[
				...parse(
					stepPicture(pictureInput('lessons/02-blocking-vs-offloaded/time-sleep', t), 'light')
				).getElementsByTagName('line')
			]
				.find((l) => l.getAttribute('stroke') === PALETTES.light.accent)
				?.getAttribute('x1');
		expect(Number(cursorX(600))).toBeGreaterThan(Number(cursorX(100)));
	});

	it('draws light and dark themes in their own colours', () => {
		const light = stepPicture(hung, 'light');
		const dark = stepPicture(hung, 'dark');
		expect(light).not.toBe(dark);
		const background = (svg: string) =>
			parse(svg).getElementsByTagName('rect')[0].getAttribute('fill');
		expect(background(light)).toBe(PALETTES.light.bg);
		expect(background(dark)).toBe(PALETTES.dark.bg);
		expect(dark).toContain(PALETTES.dark.lanes.blocked);
		expect(dark).not.toContain(PALETTES.light.lanes.blocked);
	});

	it('gives the same bytes for the same input', () => {
		const again = pictureInput('lessons/06-gather-deadlock/thread-lock-gather', 0);
		expect(stepPicture(again, 'light')).toBe(stepPicture(hung, 'light'));
	});
});
