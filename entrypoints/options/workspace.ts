import type { ColumnMapping } from '@/lib/training/column-mapping';
import type { RawRow } from '@/lib/model/types';

/** A training set ready for the worker: what the data section hands the training section. */
export interface PreparedData {
  /** File name, or the observed-customers caption. */
  source: string;
  origin: 'file' | 'observed';
  /** The sites observed rows came from (a model trained on them scores these); [] for a file. */
  sites: string[];
  rows: RawRow[];
  columns: string[];
  label: string;
  positive: string;
  /** The mapping with leakage drops applied. */
  mapping: ColumnMapping[];
  /** Rows with a label value. */
  labelledRows: number;
  positives: number;
  features: number;
}
