import { mount } from 'svelte';
import EmbedPage from './pages/EmbedPage.svelte';
import StatePatterns from './views/stage/StatePatterns.svelte';
import './app.css';

mount(StatePatterns, { target: document.body });
mount(EmbedPage, { target: document.getElementById('app') as HTMLElement });
