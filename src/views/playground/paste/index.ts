// What the playground loads once "Paste your handler" is opened: the reader brings the Python grammar.
export { default as PasteHandlerPanel } from './PasteHandler.svelte';
export { PasteHandler } from '../../../state/paste-handler.svelte';
export { default as sampleHandler } from '../../../handler-import/sample-handler.py?raw';
