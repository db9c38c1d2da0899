import { z } from 'zod';
import { jsonHostility, parseUntrustedJson } from '@/lib/files/untrusted-json';
import { CHURN_PATTERNS, INDICATOR_CATEGORIES, LIFECYCLE_STAGES } from '../indicators/types';
import { measuredUpliftSchema } from '../experiments/experiment';
import { STRATEGIES, type Playbook } from './types';
import { playbookProblems } from './validate-playbook';

/**
 * The playbook file: `{ format: "churn-radar-playbook", version: 1, rules, scripts, fallbackScriptId }`,
 * the same shape the extension stores (playbook-item.ts), so an exported file
 * imports unchanged and an IT admin's policy file is applied the same way.
 */
const id = z
  .string()
  .trim()
  .min(1)
  .max(64)
  .regex(/^[A-Za-z0-9_.-]+$/, 'letters, digits, "-", "_" or "." only');
const text = (max: number) => z.string().max(max);
const bilingual = (max: number) => z.strictObject({ en: text(max), zh: text(max) });
const tier = z.union([z.literal(1), z.literal(2), z.literal(3), z.literal(4), z.literal(5)]);
const list = <T extends z.ZodType>(item: T) => z.array(item).max(16).optional();

const playbookRuleSchema = z.strictObject({
  id,
  enabled: z.boolean(),
  when: z.strictObject({
    tiers: list(tier),
    patterns: list(z.enum(CHURN_PATTERNS)),
    drivers: list(z.enum(INDICATOR_CATEGORIES)),
    lifecycle: list(z.enum(LIFECYCLE_STAGES)),
  }),
  scriptId: id,
  note: bilingual(500).optional(),
  measured: measuredUpliftSchema.optional(),
});

const scriptTemplateSchema = z.strictObject({
  id,
  strategy: z.enum(STRATEGIES),
  title: bilingual(120),
  message: bilingual(4000),
  call: bilingual(4000),
});

export const playbookSchema = z.strictObject({
  format: z.literal('churn-radar-playbook'),
  version: z.literal(1),
  rules: z.array(playbookRuleSchema).max(200),
  scripts: z.array(scriptTemplateSchema).min(1).max(100),
  fallbackScriptId: id,
});

export class PlaybookFileError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'PlaybookFileError';
  }
}

/** "rules.3.scriptId: Required" — where in the file, then what is wrong. */
function describe(error: z.ZodError): string {
  return error.issues
    .slice(0, 3)
    .map((issue) => `${issue.path.length ? issue.path.join('.') : 'file'}: ${issue.message}`)
    .join('; ');
}

/**
 * A playbook from unknown JSON (a stored value, a message payload): the shape
 * (zod) and the playbook's own consistency (validate.ts: every rule's script
 * exists, scripts are well-formed). Throws PlaybookFileError naming the problem.
 */
export function parsePlaybook(json: unknown): Playbook {
  if (json && typeof json === 'object' && (json as { format?: unknown }).format !== 'churn-radar-playbook') {
    throw new PlaybookFileError('This is not a Churn Radar playbook file (format must be "churn-radar-playbook").');
  }
  const hostile = jsonHostility(json);
  if (hostile) throw new PlaybookFileError(`The playbook file is not valid: ${hostile}`);
  const parsed = playbookSchema.safeParse(json);
  if (!parsed.success) throw new PlaybookFileError(`The playbook file is not valid: ${describe(parsed.error)}`);
  const playbook = parsed.data as Playbook;
  const problems = playbookProblems(playbook);
  if (problems.length)
    throw new PlaybookFileError(
      `The playbook has problems: ${problems
        .slice(0, 3)
        .map((p) => p.message.en)
        .join('; ')}`,
    );
  return playbook;
}

/** A playbook file's text (exported file, policy file); a UTF-8 BOM is tolerated. */
export function parsePlaybookFile(text: string): Playbook {
  const json = parseUntrustedJson(text, 'playbook');
  if (!json.ok) throw new PlaybookFileError(`The playbook file is refused: ${json.problem}.`);
  return parsePlaybook(json.value);
}

export function playbookFileText(playbook: Playbook): string {
  return `${JSON.stringify(playbook, null, 2)}\n`;
}

export const PLAYBOOK_FILE_NAME = 'churn-radar-playbook.json';
