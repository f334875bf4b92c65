import { afterEach, describe, expect, it, vi } from 'vitest';
import { download } from '../../src/export/download';

describe('download(blob, name)', () => {
	afterEach(() => {
		vi.restoreAllMocks();
		vi.useRealTimers();
	});

	it('clicks a link named for the file, and revokes its URL only after the browser has read it', () => {
		vi.useFakeTimers();
		const revoked: string[] = [];
		const clicked: { name: string; href: string; inDocument: boolean }[] = [];
		vi.spyOn(URL, 'createObjectURL').mockReturnValue('blob:test/1');
		vi.spyOn(URL, 'revokeObjectURL').mockImplementation((url) => void revoked.push(url));
		vi.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(function (
			this: HTMLAnchorElement
		) {
			clicked.push({ name: this.download, href: this.href, inDocument: this.isConnected });
		});
		download(new Blob(['{}']), 'scenario.json');
		expect(clicked).toEqual([{ name: 'scenario.json', href: 'blob:test/1', inDocument: true }]);
		expect(document.querySelectorAll('a')).toHaveLength(0);
		vi.advanceTimersByTime(29_999);
		expect(revoked).toEqual([]);
		vi.advanceTimersByTime(1);
		expect(revoked).toEqual(['blob:test/1']);
	});
});
