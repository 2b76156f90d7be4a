// Content script on id.atlassian.com's API tokens page (top frame, isolated world; see
// manifest.json). When the page shows a newly created token, offers to send it to Client
// for Jira with one click. Opens no channel to the page: no window messages, no DOM events,
// nothing on window. The only trigger is a trusted click on our own button.
import { startTokenPage } from './capture-page';

startTokenPage(document);
