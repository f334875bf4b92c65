import { describe, expect, it } from 'vitest';
import type { LessonParam } from '../../src/content/lesson-params';
import {
	fillMarkers,
	markerFields,
	markersIn,
	numberName,
	numberPhrase,
	numberText
} from '../../src/content/number-markers';

const work: LessonParam = {
	name: 'work',
	label: 'Work duration',
	unit: 'ms',
	min: 10,
	max: 2000,
	step: 10,
	value: 1200,
	sets: []
};
const count: LessonParam = { ...work, name: 'count', label: 'Uploads', unit: '', value: 5 };

describe('number markers', () => {
	it('markersIn(lines) finds each {{name}} with its line, bad names too', () => {
		expect(
			markersIn([
				{ text: 'a {{work}} and {{ count }}', line: 4 },
				{ text: 'no marker', line: 5 },
				{ text: '{{Bad name}}', line: 6 }
			])
		).toEqual([
			{ name: 'work', line: 4 },
			{ name: 'count', line: 4 },
			{ name: 'Bad name', line: 6 }
		]);
	});

	it('numberText and numberName write a value and a field name with the unit, if any', () => {
		expect([numberText(work, 1200), numberText(count, 5)]).toEqual(['1,200 ms', '5']);
		expect([numberName(work), numberName(count)]).toEqual(['Work duration, ms', 'Uploads']);
		expect([numberPhrase(work, 50), numberPhrase(count, 8)]).toEqual([
			'work duration 50 ms',
			'8 uploads'
		]);
	});

	it('fillMarkers(text, params) writes the lesson values and leaves unknown markers', () => {
		expect(fillMarkers('{{count}} uploads of {{work}}, {{other}}', [work, count])).toBe(
			'5 uploads of 1,200 ms, {{other}}'
		);
	});

	it('markerFields(html, params) puts a number field with its range and name, the unit after it', () => {
		expect(markerFields('<em>{{work}}</em>', [work])).toBe(
			'<em><input class="param" type="number" data-param="work" value="1200" min="10" max="2000" step="10" aria-label="Work duration, ms" title="Drag sideways or use ↑ ↓ to change; type a number">&nbsp;ms</em>'
		);
	});
});
