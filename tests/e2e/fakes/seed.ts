// Seed data of the fakes, in one import: people and credentials (seed-people.ts), the data
// shapes and the issue generator (seed-issues.ts), what each site holds (seed-sites.ts) and
// the rich issues (seed-cloud-rich.ts, seed-dc-rich.ts).
export * from './seed-issues';
export * from './seed-people';
export * from './seed-sites';
