import { escapeXml } from './xml';

type Attrs = Record<string, string | number | null | undefined>;

/** A number as a short, stable attribute value: two decimals at most, never "-0". */
export function num(value: number): string {
	const r = Math.round(value * 100) / 100;
	return String(r === 0 ? 0 : r);
}

function attributes(attrs: Attrs): string {
	return Object.entries(attrs)
		.filter(([, v]) => v !== null && v !== undefined)
		.map(([k, v]) => ` ${k}="${typeof v === 'number' ? num(v) : escapeXml(String(v))}"`)
		.join('');
}

/**
 * An SVG element; `children` is markup already built by these helpers or escaped text, so it is
 * not escaped again. Child elements go one per line, so a golden picture diffs line by line.
 */
export function el(name: string, attrs: Attrs, children?: string): string {
	const open = `<${name}${attributes(attrs)}`;
	if (children === undefined) return `${open}/>`;
	return children.startsWith('<')
		? `${open}>\n${children}\n</${name}>`
		: `${open}>${children}</${name}>`;
}

/** A text element whose content is escaped: the one way untrusted words enter a picture. */
export function textEl(attrs: Attrs, text: string): string {
	return el('text', attrs, escapeXml(text));
}
