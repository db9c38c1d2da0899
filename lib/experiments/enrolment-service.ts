/**
 * The experiments' background side that scoring, the popover, the side panel
 * and the worklist call: enrol customers as they are scored, and say who is
 * held out. Reads the experiments item through a cached getter (called on
 * every page scan) and the enrolments table.
 */
import type { ChurnRadarDb } from '../db/db';
import { customerKey } from '../db/customer-key';
import type { EnrolmentRow } from '../db/schema';
import { armOf } from './assignment';
import { isLive, type Experiment } from './experiment';
import { controlHold, needsRule, newEnrolments, type Candidate, type ControlHold } from './outcomes';

export interface EnrolmentDeps {
  db: ChurnRadarDb;
  experiments: () => Promise<Experiment[]>;
  now: () => number;
}

export function createEnrolmentService(deps: EnrolmentDeps) {
  async function live(): Promise<Experiment[]> {
    const now = deps.now();
    return (await deps.experiments()).filter((e) => isLive(e, now));
  }

  return {
    /** Whether enrolling needs each candidate's playbook rule (costly: reasons and indicators). */
    async needsRule(): Promise<boolean> {
      return needsRule(await deps.experiments(), deps.now());
    },

    /** Enrol the candidates live experiments are looking for; returns the rows added. */
    async enrol(candidates: readonly Candidate[]): Promise<EnrolmentRow[]> {
      const experiments = await live();
      if (!experiments.length || !candidates.length) return [];
      const enrolled = new Map<string, { count: number; has: (site: string, crmId: string) => boolean }>();
      for (const experiment of experiments) {
        const count = await deps.db.enrolments.where('experimentId').equals(experiment.id).count();
        const existing = await deps.db.enrolments.bulkGet(candidates.map((c) => [experiment.id, c.site, c.crmId] as [string, string, string]));
        const keys = new Set(existing.flatMap((row) => (row ? [customerKey(row.site, row.crmId)] : [])));
        enrolled.set(experiment.id, { count, has: (site, crmId) => keys.has(customerKey(site, crmId)) });
      }
      const rows = newEnrolments(experiments, candidates, enrolled, (e, site, crmId) => armOf(e.id, customerKey(site, crmId), e.controlShare), deps.now());
      // bulkPut: a second browser tab scanning the same customer at the same moment writes the same row.
      if (rows.length) await deps.db.enrolments.bulkPut(rows);
      return rows;
    },

    /** The customer's hold when they are in a running experiment's control group. */
    async holdOf(site: string, crmId: string): Promise<ControlHold | null> {
      const rows = await deps.db.enrolments.where('[site+crmId]').equals([site, crmId]).toArray();
      return rows.length ? controlHold(rows, await deps.experiments(), deps.now()) : null;
    },

    /** Keys (site + CRM id) of every customer held out now: kept off the worklist. */
    async heldKeys(): Promise<Set<string>> {
      const now = deps.now();
      const held = new Set<string>();
      for (const experiment of await deps.experiments()) {
        if (experiment.status !== 'running' || now >= experiment.endsAt) continue;
        await deps.db.enrolments
          .where('experimentId')
          .equals(experiment.id)
          .each((row) => void (row.arm === 'control' && held.add(customerKey(row.site, row.crmId))));
      }
      return held;
    },
  };
}
