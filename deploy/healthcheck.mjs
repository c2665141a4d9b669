// The container's HEALTHCHECK: GET /health on the port the service serves it on (HTTP_PORT, else HEALTH_PORT, else
// 8080). Healthy on a 2xx answer; unhealthy on 503 (a channel is down), any other answer, or none within 5 seconds.
const port = process.env.HTTP_PORT || process.env.HEALTH_PORT || '8080';
try {
  const res = await fetch(`http://127.0.0.1:${port}/health`, { signal: AbortSignal.timeout(5000) });
  process.exit(res.ok ? 0 : 1);
} catch {
  process.exit(1);
}
