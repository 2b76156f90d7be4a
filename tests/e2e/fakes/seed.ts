// Seed data of the fakes, in one import: people and credentials (seed-people.ts), the data
// shapes and the issue generator (seed-issues.ts), what each site holds (seed-sites.ts) and
// the rich issues (seed-cloud-rich.ts, seed-dc-rich.ts). HOSTS here adds, to the sites of
// seed-people.ts, the hosts that front them: a company domain in front of Jira Cloud and an
// http-only Data Center.
import { HOSTS as SITE_HOSTS } from './seed-people';

export * from './seed-issues';
export * from './seed-people';
export * from './seed-sites';

/**
 * Every host name the fakes answer for (Chromium's host rules and Firefox's
 * network.dns.localDomains map them all to the fakes). This declaration takes precedence over
 * seed-people's HOSTS, which it extends.
 */
export const HOSTS = {
  ...SITE_HOSTS,
  /**
   * A company domain in front of the acme Cloud site (docs/jira-api.md#custom-domains): its
   * serverInfo says Cloud with acme's atlassian.net base URL; it accepts no API token (401).
   */
  acmeCompanyDomain: 'jira.acme-corp.example',
  /** An intranet Data Center served over plain http only, nothing on https (docs/jira-api.md#deployments). */
  intranet: 'jira.intranet.test',
} as const;

/** The acme Cloud site under its company domain. */
export const ACME_COMPANY_DOMAIN_URL = `https://${HOSTS.acmeCompanyDomain}`;
/** The http-only Data Center, under a context path like the https one. */
export const INTRANET_URL = `http://${HOSTS.intranet}/jira`;
