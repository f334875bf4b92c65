import { flushSync, mount, unmount } from 'svelte';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { readLessonFiles } from '../../../cli/lesson-files';
import ExportPicture from '../../../src/views/lesson/ExportPicture.svelte';
import type { Lesson } from '../../../src/content/types';

// Each download is an <a download> click on a Blob URL; record what would be saved.
function recordDownloads() {
	const blobs = new Map<string, Blob>();
	const saved: { name: string; blob: Blob | undefined }[] = [];
	let n = 0;
	vi.spyOn(URL, 'createObjectURL').mockImplementation((b) => {
		const url = `blob:test/${n++}`;
		blobs.set(url, b as Blob);
		return url;
	});
	vi.spyOn(URL, 'revokeObjectURL').mockImplementation(() => {});
	vi.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(function (
		this: HTMLAnchorElement
	) {
		saved.push({ name: this.download, blob: blobs.get(this.getAttribute('href') ?? '') });
	});
	return saved;
}

const button = (name: RegExp) =>
	[...document.querySelectorAll('button')].find((b) => name.test(b.textContent ?? ''))!;
const status = () => document.querySelector('[role="status"]')?.textContent ?? '';

describe('<ExportPicture lesson step>', () => {
	let app: ReturnType<typeof mount> | null = null;
	afterEach(() => {
		if (app) unmount(app);
		vi.restoreAllMocks();
		vi.useRealTimers();
	});

	it('saves the step on show as an SVG named like the command line names it', async () => {
		const lesson = (await readLessonFiles('lessons', 'gather-deadlock')) as Lesson;
		const saved = recordDownloads();
		app = mount(ExportPicture, { target: document.body, props: { lesson, step: 3 } });
		button(/This step/).click();
		await vi.waitFor(() => expect(status()).toBe('Saved gather-deadlock-step-4.svg.'));
		expect(saved.map((s) => s.name)).toEqual(['gather-deadlock-step-4.svg']);
		expect(saved[0].blob?.type).toBe('image/svg+xml');
		const svg = await saved[0].blob!.text();
		expect(svg).toMatch(/^<svg xmlns="http:\/\/www.w3.org\/2000\/svg"/);
		expect(svg).toContain('Step 4 of 19');
	});

	it('saves every step, one file each, in the chosen theme', async () => {
		const lesson = (await readLessonFiles('lessons', 'restaurant')) as Lesson;
		const saved = recordDownloads();
		vi.useFakeTimers({ toFake: ['setTimeout'] });
		app = mount(ExportPicture, { target: document.body, props: { lesson, step: 0 } });
		const theme = document.querySelectorAll('select')[1];
		theme.value = 'dark';
		theme.dispatchEvent(new Event('change', { bubbles: true }));
		flushSync();
		button(/All \d+ steps/).click();
		await vi.waitFor(async () => {
			await vi.runAllTimersAsync();
			expect(status()).toBe(`Saved ${lesson.steps.length} pictures.`);
		});
		vi.useRealTimers();
		expect(saved.map((s) => s.name)).toEqual(
			lesson.steps.map((_, i) => `restaurant-step-${i + 1}.svg`)
		);
		expect(await saved[0].blob!.text()).toContain('fill="#121417"');
	});
});
