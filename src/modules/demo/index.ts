export { seedDemo, DEMO_ACCOUNTS, DEMO_PASSWORD } from './seed.ts';
