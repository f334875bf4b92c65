import { mount } from 'svelte';
import EmbedPage from './pages/EmbedPage.svelte';
import './app.css';

mount(EmbedPage, { target: document.getElementById('app') as HTMLElement });
