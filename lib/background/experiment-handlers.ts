/**
 * The Experiments tab's handlers: start, stop and finish experiments, their
 * live results, and the files (an agent's results, the team policy's
 * definitions). Finishing writes the result on the playbook rule tested.
 */
import { assertUnlocked } from './policy-service';
import { HandlerError, type Handlers } from './router';
import type { Playbook } from '../playbooks/types';
import { playbookInForce } from '../playbooks/playbook-item';
import { withMeasuredUplift } from '../experiments/consolidate';
import { enrolledOutcomes, type OutcomeDeps } from '../experiments/customer-outcomes';
import { experimentId, type Experiment } from '../experiments/experiment';
import { experimentsFile } from '../experiments/experiments-item';
import type { Consolidation, ExperimentProtocol, ExperimentsState, ExperimentView } from '../experiments/messages';
import { experimentResult, tallyArms } from '../experiments/results';
import { resultsFile } from '../experiments/results-file';

export interface ExperimentDeps extends OutcomeDeps {
  experiments: { get: () => Promise<Experiment[]>; set: (value: Experiment[]) => Promise<void> };
  storedPlaybook: { get: () => Promise<Playbook | null>; set: (value: Playbook | null) => Promise<void> };
  /** Something the playbook editor or panels show changed. */
  onChange: (what: 'experiments' | 'playbook') => void;
}

const unlocked = (setting: 'experiments' | 'playbook') =>
  assertUnlocked(setting).then(
    () => true,
    () => false,
  );

export function createExperimentHandlers(deps: ExperimentDeps): Pick<Handlers, keyof ExperimentProtocol> {
  async function view(experiment: Experiment, playbook: Playbook): Promise<ExperimentView> {
    const customers = await enrolledOutcomes(deps, experiment);
    const target = experiment.target;
    return {
      experiment,
      result: experimentResult(tallyArms(customers), experiment.plannedSize),
      ruleMissing: target.kind === 'rule' && !playbook.rules.some((rule) => rule.id === target.ruleId),
    };
  }

  async function state(): Promise<ExperimentsState> {
    const [experiments, playbook] = await Promise.all([deps.experiments.get(), deps.storedPlaybook.get().then(playbookInForce)]);
    const views: ExperimentView[] = [];
    // Newest first: the running ones a manager checks daily are on top.
    for (const experiment of [...experiments].sort((a, b) => b.createdAt - a.createdAt)) views.push(await view(experiment, playbook));
    return { experiments: views, locked: !(await unlocked('experiments')) };
  }

  async function find(id: string): Promise<{ list: Experiment[]; experiment: Experiment }> {
    const list = await deps.experiments.get();
    const experiment = list.find((e) => e.id === id);
    if (!experiment) throw new HandlerError('not-found', `No experiment "${id}".`);
    return { list, experiment };
  }

  async function close(id: string, status: 'stopped' | 'finished', extra: Partial<Experiment> = {}): Promise<void> {
    await assertUnlocked('experiments');
    const { list, experiment } = await find(id);
    if (experiment.status !== 'running') throw new HandlerError('bad-request', `"${experiment.name}" is already ${experiment.status}.`);
    await deps.experiments.set(list.map((e) => (e.id === id ? { ...e, ...extra, status, closedAt: deps.now() } : e)));
    deps.onChange('experiments');
  }

  return {
    listExperiments: state,

    async startExperiment({ draft }) {
      await assertUnlocked('experiments');
      const list = await deps.experiments.get();
      if (draft.target.kind === 'rule') {
        const ruleId = draft.target.ruleId;
        const playbook = playbookInForce(await deps.storedPlaybook.get());
        if (!playbook.rules.some((rule) => rule.id === ruleId)) throw new HandlerError('bad-request', `The playbook has no rule "${ruleId}".`);
      }
      const now = deps.now();
      const experiment: Experiment = {
        ...draft,
        id: experimentId(draft.name, draft.startsAt, new Set(list.map((e) => e.id))),
        status: 'running',
        createdAt: now,
      };
      await deps.experiments.set([...list, experiment]);
      deps.onChange('experiments');
      return state();
    },

    async stopExperiment({ id }) {
      await close(id, 'stopped');
      return state();
    },

    async finishExperiment({ id }) {
      const { experiment } = await find(id);
      const playbook = await deps.storedPlaybook.get();
      const { result } = await view(experiment, playbookInForce(playbook));
      const measured = {
        experimentId: id,
        uplift: result.uplift.estimate,
        low: result.uplift.low,
        high: result.uplift.high,
        n: result.customers,
        at: deps.now(),
      };
      await close(id, 'finished', { result: measured });
      let consolidation: Consolidation = 'notARule';
      if (experiment.target.kind === 'rule') {
        const updated = withMeasuredUplift(playbookInForce(playbook), experiment.target.ruleId, measured);
        if (!updated) consolidation = 'ruleMissing';
        else if (!(await unlocked('playbook'))) consolidation = 'playbookLocked';
        else {
          await deps.storedPlaybook.set(updated);
          deps.onChange('playbook');
          consolidation = 'written';
        }
      }
      return { ...(await state()), consolidation };
    },

    async exportExperimentResults({ id, agent }) {
      const { experiment } = await find(id);
      const customers = await enrolledOutcomes(deps, experiment);
      const text = JSON.stringify(resultsFile(experiment, customers, deps.now(), agent || undefined));
      const who = agent ? `-${agent.toLowerCase().replace(/[^a-z0-9]+/g, '-')}` : '';
      return { fileName: `${experiment.id}${who}-results.json`, text, customers: customers.length };
    },

    async exportExperimentsFile() {
      return { fileName: 'churn-radar-experiments.json', text: experimentsFile(await deps.experiments.get()) };
    },
  };
}
