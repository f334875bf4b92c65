import { EMBED_KEYS } from '../url/params';
import { embedUrl } from './embed-url';

// Built on its own (vite.element.config.ts) into one file beside embed.html; a `base` attribute
// points elsewhere (the lab's own docs page bundles this module, so its URL says nothing).
const EMBED = new URL(import.meta.env.DEV ? '../../embed.html' : './embed.html', import.meta.url);
const STYLE =
	':host{display:block}iframe{display:block;width:100%;border:0}iframe[hidden]{display:none}p{margin:0;padding:1em;border:2px solid #b3261e;border-radius:4px;font:1rem/1.4 system-ui,sans-serif}';

/**
 * `<event-loop-lesson lesson="…" step="…" …>`: a lesson embedded in any page, with the options
 * of embed.html as attributes. It wraps the embed in an iframe (the lab's styles and scripts
 * stay out of the host page), sizes it to its content, re-emits each step as a `step` event, and
 * `goto(n)` moves it.
 */
export class EventLoopLesson extends HTMLElement {
	static observedAttributes = [...EMBED_KEYS, 'title', 'height', 'base'];
	private frame = document.createElement('iframe');
	/** Says why nothing loads (a `base` that is no web address) where the lesson would be. */
	private notice = document.createElement('p');

	connectedCallback(): void {
		if (!this.shadowRoot) {
			const root = this.attachShadow({ mode: 'open' });
			const sheet = new CSSStyleSheet();
			sheet.replaceSync(STYLE);
			root.adoptedStyleSheets = [sheet];
			this.frame.loading = 'lazy';
			this.frame.style.height = `${Number(this.getAttribute('height')) || 720}px`;
			this.notice.setAttribute('role', 'alert');
			this.notice.hidden = true;
			root.append(this.frame, this.notice);
		}
		window.addEventListener('message', this.onMessage);
		this.update();
	}

	disconnectedCallback(): void {
		window.removeEventListener('message', this.onMessage);
	}

	attributeChangedCallback(): void {
		if (this.isConnected) this.update();
	}

	goto(step: number): void {
		this.frame.contentWindow?.postMessage({ type: 'event-loop-lab:goto', step }, '*');
	}

	private update(): void {
		const query = new URLSearchParams();
		for (const key of EMBED_KEYS) {
			const value = this.getAttribute(key);
			if (value !== null) query.set(key, value);
		}
		const embed = embedUrl(this.getAttribute('base'), location.href, EMBED);
		this.notice.hidden = 'url' in embed;
		this.frame.hidden = !('url' in embed);
		if (!('url' in embed)) {
			this.notice.textContent = embed.problem;
			this.frame.removeAttribute('src');
			return;
		}
		const src = `${embed.url.href}?${query}`;
		if (this.frame.src !== src) this.frame.src = src;
		this.frame.title =
			this.getAttribute('title') ?? `Event Loop Lab lesson: ${this.getAttribute('lesson') ?? ''}`;
	}

	private onMessage = (e: MessageEvent): void => {
		if (e.source !== this.frame.contentWindow || typeof e.data !== 'object' || !e.data) return;
		const data = e.data as { type?: unknown; height?: unknown };
		if (data.type === 'event-loop-lab:resize' && typeof data.height === 'number') {
			this.frame.style.height = `${Math.max(120, Math.min(20_000, data.height))}px`;
		} else if (data.type === 'event-loop-lab:step') {
			this.dispatchEvent(new CustomEvent('step', { detail: e.data }));
		}
	};
}

if (!customElements.get('event-loop-lesson')) {
	customElements.define('event-loop-lesson', EventLoopLesson);
}
