import { mount } from 'svelte';
import App from './App.svelte';
import StatePatterns from './views/stage/StatePatterns.svelte';
import './app.css';

mount(StatePatterns, { target: document.body });
mount(App, { target: document.getElementById('app') as HTMLElement });
