/**
 * The manager's churn & tiers messages (options → background): stored
 * customers with their latest scores and labels, a live count of what a churn
 * definition would label, saving that definition (policy locks apply), and
 * saving tier thresholds so open CRM tabs re-badge. Declared here and merged into the one Protocol; types only.
 */
import type { SiteKey, Tier } from '../domain';
import type { ChurnDefinition } from '../indicators/types';
import type { DefinitionCounts, FieldValueCount } from '../risk/churn-definition';

export interface RiskCustomer {
  site: SiteKey;
  crmId: string;
  name: string;
  /** Latest calibrated churn probability. */
  probability: number;
  /** Tier it was last shown at (the current thresholds re-tier it in the UI). */
  tier: Tier;
  /** Monthly value when the CRM shows one. */
  monthlyValue: number | null;
  /** Under the manager's churn definition (or a recorded outcome): true/false, null = unknown. */
  churned: boolean | null;
  url: string | null;
}

export interface RiskCustomersView {
  customers: RiskCustomer[];
  /** Customers stored (scored or not). */
  stored: number;
  thresholds: number[];
}

export interface ChurnPreview {
  counts: DefinitionCounts;
  /** Values seen in the status field of stored customers (site mapping first, else synonyms). */
  statusValues: FieldValueCount[];
  /** Field labels that can hold a churn reason, with the values seen. */
  reasonFields: { label: string; values: FieldValueCount[] }[];
}

export interface RiskProtocol {
  getRiskCustomers: { request: Record<string, never>; response: RiskCustomersView };
  previewChurnDefinition: { request: { definition: ChurnDefinition }; response: ChurnPreview };
  saveChurnDefinition: { request: { definition: ChurnDefinition }; response: { definition: ChurnDefinition } };
  saveTierThresholds: { request: { thresholds: number[] }; response: { thresholds: number[] } };
}
