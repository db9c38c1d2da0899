import { describe, expect, it } from 'vitest';
import { DEFAULT_PLAYBOOK } from '@/lib/playbooks/default-playbook';
import { parsePlaybook, parsePlaybookFile, PlaybookFileError, playbookFileText } from '@/lib/playbooks/playbook-file';

const copy = () => structuredClone(DEFAULT_PLAYBOOK);

describe('playbook file', () => {
  it('round-trips the default playbook through its file text', () => {
    expect(parsePlaybookFile(playbookFileText(DEFAULT_PLAYBOOK))).toEqual(DEFAULT_PLAYBOOK);
  });

  it('tolerates a UTF-8 BOM', () => {
    expect(parsePlaybookFile(`\uFEFF${playbookFileText(DEFAULT_PLAYBOOK)}`).rules).toHaveLength(DEFAULT_PLAYBOOK.rules.length);
  });

  it('says when the text is not JSON or not a playbook', () => {
    expect(() => parsePlaybookFile('{oops')).toThrow('not valid JSON');
    expect(() => parsePlaybookFile('{"format":"churn-radar-model"}')).toThrow('not a Churn Radar playbook');
  });

  it('names the place of a shape problem', () => {
    const bad = copy() as unknown as { rules: { when: { tiers: number[] } }[] };
    bad.rules[3]!.when.tiers = [7];
    expect(() => parsePlaybook(bad)).toThrow(/rules\.3\.when\.tiers\.0/);
    const extra = { ...copy(), extra: true };
    expect(() => parsePlaybook(extra)).toThrow(PlaybookFileError);
  });

  it('rejects a playbook whose rule uses a missing script, or a script with an unknown variable', () => {
    const missing = copy();
    missing.rules[0]!.scriptId = 'nope';
    expect(() => parsePlaybook(missing)).toThrow('Rule "churned-win-back" uses the script "nope", which does not exist');
    const unknown = copy();
    unknown.scripts[0]!.message.en = 'Hi {agent}';
    expect(() => parsePlaybook(unknown)).toThrow('unknown variable {agent}');
  });

  it('rejects an unsupported version', () => {
    expect(() => parsePlaybook({ ...copy(), version: 2 })).toThrow(/version/);
  });
});
