// The fake Jira, in one import: the sites (site.ts), the gateway in front of Cloud sites
// (gateway.ts) and their switches (switches.ts). The REST API is api-router.ts and the
// routes-*.ts files it dispatches to; json-*.ts build Jira's JSON.
export { JiraGateway } from './gateway';
export { JiraSite, type SiteConfig } from './site';
export { HostSwitches, type CannedAnswer } from './switches';
