/**
 * The largest file each importer reads: one figure per kind of file, used by
 * the file picker (before reading, in bytes), the message schema that carries
 * the text to the background and the parser (in characters). UTF-8 text has
 * at most as many characters as bytes, so a file the picker lets through is
 * never refused later for its size.
 */
export const FILE_LIMITS = {
  /** A trained model (churn-radar-model JSON); the bundled ones are < 1 MB, a 5,000-input ensemble stays well under. */
  model: 20_000_000,
  /** A playbook: at most 100 scripts of 3 bilingual texts of ≤ 4,000 characters, 200 rules. */
  playbook: 5_000_000,
  /** A field-mapping file: labels of every site. */
  mapping: 2_000_000,
  /** "Export everything" JSON; Chrome's message limit is 64 MB, bigger exports are split by site before import. */
  dataExport: 60_000_000,
  /** An agent's experiment results: one short row per enrolled customer (100,000 rows ≈ 12 MB). */
  experimentResults: 30_000_000,
  /** A CRM export for training (CSV); parsed in the options page, all rows in memory. */
  trainingCsv: 50_000_000,
} as const;

export type FileKind = keyof typeof FILE_LIMITS;

/** "20 MB" */
export const megabytes = (chars: number) => `${Math.round(chars / 1e5) / 10} MB`;

/** Why a text of this length is refused for this kind of file, or null. */
export function sizeProblem(kind: FileKind, chars: number): string | null {
  const limit = FILE_LIMITS[kind];
  return chars > limit ? `the file is too large: ${(chars / 1e6).toFixed(1)} MB, more than the ${megabytes(limit)} this import reads` : null;
}
