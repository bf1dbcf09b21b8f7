// Build the site once before the browser tests when dist/ is missing or older than its sources.
type SiteBuild = { buildSite(log?: (s: string) => void): boolean; staleReason(dir?: string): string | null };

export default async function setup(): Promise<void> {
  if (process.env.E2E_NO_BUILD === '1') return;
  const path = '../scripts/site-build.mjs';
  const { buildSite, staleReason } = (await import(/* @vite-ignore */ path)) as SiteBuild;
  const why = staleReason();
  if (!why) return;
  console.log(`e2e: rebuilding the site (${why})`);
  // Vitest sets NODE_ENV=test, which the build would inherit and then bundle React's development build.
  const env = process.env.NODE_ENV;
  process.env.NODE_ENV = 'production';
  try {
    if (!buildSite()) throw new Error('vite build failed; the browser tests need dist/');
  } finally {
    process.env.NODE_ENV = env;
  }
}
