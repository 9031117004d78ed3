/**
 * The seed limits of payment relief (LHAV Art. 73(1), 76, 79 as amended): how long a decision may
 * set the payment period, how far a postponement and instalments may run, and the fines that
 * qualify. Every figure is from a secondary source and marked verify until checked against the
 * official text; they are seed data, not yet administered (docs/legal-traceability.md).
 */

/** One limit of payment relief, with its legal basis. */
export interface ReliefLimit {
  value: number;
  basis: string;
  verify: boolean;
}

export interface ReliefLimits {
  /** The shortest payment period a decision states (LHAV Art. 73(1): 10 days, or longer if the decision says so). */
  minPaymentPeriodDays: ReliefLimit;
  /** The longest postponement, in months after the end of the payment period (Art. 76). */
  postponementMonths: ReliefLimit;
  /** The smallest fines that may be postponed, for an individual and an organisation (Art. 76(1)). */
  postponementMinIndividualVnd: ReliefLimit;
  postponementMinOrganisationVnd: ReliefLimit;
  /** Instalments run at most this many months from the decision (Art. 79(1)). */
  instalmentMonths: ReliefLimit;
  /** At most this many instalments (Art. 79(2)). */
  maxInstalments: ReliefLimit;
  /** The first instalment is at least this share of the fine, in per cent (Art. 79(2)). */
  firstInstalmentMinPercent: ReliefLimit;
  /** The smallest fines that may be paid in instalments, for an individual and an organisation (Art. 79(1)). */
  instalmentMinIndividualVnd: ReliefLimit;
  instalmentMinOrganisationVnd: ReliefLimit;
}

export const RELIEF_LIMITS: ReliefLimits = {
  minPaymentPeriodDays: { value: 10, basis: 'LHAV Art. 73(1)', verify: false },
  postponementMonths: { value: 3, basis: 'LHAV Art. 76(1): postponement of no more than 3 months (verify)', verify: true },
  postponementMinIndividualVnd: { value: 2_000_000, basis: 'LHAV Art. 76(1) as amended 2020 (verify)', verify: true },
  postponementMinOrganisationVnd: { value: 100_000_000, basis: 'LHAV Art. 76(1) as amended 2020 (verify)', verify: true },
  instalmentMonths: { value: 12, basis: 'LHAV Art. 79(2): within 12 months of the decision (verify)', verify: true },
  maxInstalments: { value: 3, basis: 'LHAV Art. 79(2): no more than 3 instalments (verify)', verify: true },
  firstInstalmentMinPercent: { value: 40, basis: 'LHAV Art. 79(2): the first at least 40 % of the fine (verify)', verify: true },
  instalmentMinIndividualVnd: { value: 50_000_000, basis: 'LHAV Art. 79(1) as amended 2020 (verify)', verify: true },
  instalmentMinOrganisationVnd: { value: 250_000_000, basis: 'LHAV Art. 79(1) as amended 2020 (verify)', verify: true },
};
