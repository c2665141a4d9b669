// Supervisor digests: facts from the ReportStore, text and chart, sent to every supervisor through the outbox.
export { buildDigest, type Digest, type DigestDeps } from './build.js';
export { composeDigest, excerpt, type Period } from './compose.js';
export { renderChart } from './chart.js';
export { supervisorMessages } from './recipients.js';
export { digestJob } from './digest-job.js';
