import 'fake-indexeddb/auto';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createModelProvider, type ModelProvider } from '@/lib/background/model-provider';
import type { SiteScoring } from '@/lib/background/site-starter';
import { openDatabase, type ChurnRadarDb } from '@/lib/db/db';
import { DEMO_CRM_ORIGIN } from '@/lib/demo-origin';
import { parseModelArtifact } from '@/lib/model/artifact';
import { createScorecardScorer, DEFAULT_SCORECARD, scorecardArtifact } from '@/lib/model/scorecard';
import { createScorer } from '@/lib/model/scorer';

const SHOP = 'https://shop.example.org';
/** Scorecards stand in for trained models: cheap to build and score. */
const bundled = scorecardArtifact({ ...DEFAULT_SCORECARD, name: 'Bundled demo model' });
const team = scorecardArtifact({ ...DEFAULT_SCORECARD, name: 'Team model', intercept: -1 });
const starterScoring: SiteScoring = {
  scorers: [createScorecardScorer({ ...DEFAULT_SCORECARD, name: 'starter' })],
  thresholds: [0.2, 0.3, 0.4, 0.5],
  ranking: true,
};

let db: ChurnRadarDb;
let provider: ModelProvider;
let observed: string[];
let counter = 0;

beforeEach(() => {
  db = openDatabase({ name: `model-sites-${counter++}` });
  observed = [];
  provider = createModelProvider({
    db,
    loadBundled: async () => [structuredClone(bundled)],
    parse: parseModelArtifact,
    createScorer,
    later: () => undefined,
    starter: {
      scoringFor: async () => starterScoring,
      observe: async (site) => (observed.push(site), starterScoring),
      invalidate: () => undefined,
    },
  });
});
afterEach(async () => {
  await db.delete();
});

const names = (scoring: SiteScoring) => scoring.scorers.map((s) => s.artifact.name);

describe('model provider: which sites a model scores', () => {
  it('bundled models score the demo CRM only; another site gets its label-free first score', async () => {
    const demo = await provider.scoringFor(DEMO_CRM_ORIGIN);
    expect(names(demo)).toEqual(['Bundled demo model']);
    expect(demo).toMatchObject({ thresholds: null, ranking: false });
    expect(await provider.scoringFor(SHOP)).toBe(starterScoring);
    expect((await provider.list()).models[0]!.sites).toEqual([DEMO_CRM_ORIGIN]);
  });

  it("a model trained on a site's customers scores that site once active; a CSV-trained one no site", async () => {
    await provider.store(team, 'trained', null, [SHOP]);
    await provider.activate(team.id);
    expect(names(await provider.scoringFor(SHOP))).toEqual(['Team model']);
    expect(names(await provider.scoringFor(DEMO_CRM_ORIGIN))).toEqual(['Bundled demo model']);

    const csv = scorecardArtifact({ ...DEFAULT_SCORECARD, name: 'From a CSV', intercept: -2 });
    await provider.store(csv, 'trained', null);
    await provider.activate(csv.id);
    expect((await provider.list()).models.find((m) => m.id === csv.id)!.sites).toEqual([]);
    expect(names(await provider.scoringFor('https://other.example'))).toEqual(['starter']);
  });

  it("a new version trained from a file does not take its previous version's sites", async () => {
    const { id } = (await provider.list()).models[0]!;
    const retrained = scorecardArtifact({ ...DEFAULT_SCORECARD, name: 'Retrained from an export', intercept: -3 });
    const { summary } = await provider.store(retrained, 'trained', id);
    expect(summary).toMatchObject({ parent: id, sites: [] });
  });

  it('a manager assigns a model to a site, and takes it away', async () => {
    const { id } = (await provider.list()).models[0]!;
    await provider.assignSites(id, [DEMO_CRM_ORIGIN, SHOP, SHOP]);
    expect((await provider.list()).models[0]!.sites).toEqual([DEMO_CRM_ORIGIN, SHOP]);
    expect(names(await provider.scoringFor(SHOP))).toEqual(['Bundled demo model']);
    await provider.assignSites(id, [DEMO_CRM_ORIGIN]);
    expect(await provider.scoringFor(SHOP)).toBe(starterScoring);
  });

  it('pages teach the label-free model only on sites no model is assigned to', async () => {
    expect(await provider.observe(DEMO_CRM_ORIGIN, [{ crmId: 'a', inputs: {} }])).toBeNull();
    expect(await provider.observe(SHOP, [{ crmId: 'b', inputs: {} }])).toBe(starterScoring);
    expect(observed).toEqual([SHOP]);
  });
});
