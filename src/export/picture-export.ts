import type { Lesson } from '../content/types';
import { download } from './download';
import { PNG_WIDTH, pictureFileName, stepPictureInputs } from './lesson-step-picture';
import type { PictureTheme } from './picture-palette';
import { stepPicture } from './step-picture';

// The browser side of picture export: the lesson page loads this module only when asked to
// export, so the picture builder adds nothing to the page's first load.

/** Draws an SVG document into a canvas `width` pixels wide and encodes it as PNG. */
async function svgToPng(svg: string, width: number): Promise<Blob> {
	const url = URL.createObjectURL(new Blob([svg], { type: 'image/svg+xml' }));
	try {
		const img = new Image();
		img.src = url;
		await img.decode();
		const canvas = document.createElement('canvas');
		canvas.width = width;
		canvas.height = Math.round((img.naturalHeight * width) / img.naturalWidth);
		const context = canvas.getContext('2d');
		if (!context) throw new Error('this browser cannot draw into a canvas');
		context.drawImage(img, 0, 0, canvas.width, canvas.height);
		return await new Promise((resolve, reject) =>
			canvas.toBlob(
				(b) => (b ? resolve(b) : reject(new Error('the PNG encoder failed'))),
				'image/png'
			)
		);
	} finally {
		URL.revokeObjectURL(url);
	}
}

/**
 * Saves pictures of the given steps (0-based) of a lesson, one file per step, named as the
 * command line names them; resolves with the file names.
 */
export async function exportStepPictures(
	lesson: Lesson,
	steps: number[],
	format: 'svg' | 'png',
	theme: PictureTheme
): Promise<string[]> {
	const inputs = stepPictureInputs(lesson);
	const names: string[] = [];
	for (const index of steps) {
		const svg = stepPicture(inputs(index), theme);
		const blob =
			format === 'svg'
				? new Blob([svg], { type: 'image/svg+xml' })
				: await svgToPng(svg, PNG_WIDTH);
		const name = pictureFileName(lesson.slug, index + 1, format);
		// Downloads fired in one burst are dropped by some browsers; a short pause keeps each one.
		if (names.length > 0) await new Promise((resolve) => setTimeout(resolve, 250));
		download(blob, name);
		names.push(name);
	}
	return names;
}
