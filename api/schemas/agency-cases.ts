/**
 * The bodies of the agencies' own ways into the pipeline (domain/case-origins.ts): an emergency
 * stop (TH §7(b)), an inspection finding (CT 28 §3, §5, §8; TH §1(b), §2(b)) and a tip (TH §5(b),
 * §6); and the tip as answered. Objects are strict: unknown fields are refused.
 */
import { z } from 'zod';
import { detectionInstant, instant, isoDate, provinceCode, text, upperCode } from './fields.js';
import { inspectionFinding, originKind, stage } from './vocabulary.js';

const carrierId = text(64).meta({ description: 'The carrier (its id in GET /v1/carriers)' });
const legalBasis = text(500).meta({ description: 'The legal basis the agency acts on, e.g. "Chỉ thị UBND tỉnh Thanh Hóa, mục 7 điểm b"' });
const tipId = text(64).optional().meta({ description: 'The tip this case comes from (GET /v1/tips), one of the caller’s agency' });

/** POST /v1/emergency-stops: an agency asks a carrier to hold a named item. */
export const EmergencyStopBody = z
  .object({
    carrierId,
    trackingNumber: text(64),
    provinceCode,
    categoryCode: upperCode('BANNED_TRADE').meta({ description: 'The suspected category: routes the case’s other agencies' }),
    reason: text(4000).meta({ description: 'Why the item is to be held' }),
    legalBasis,
    servicePoint: text(200).optional().meta({ description: 'Where the item is believed to be, if known' }),
    stage: stage.default('TRANSIT').meta({ description: 'Where in the chain the item is believed to be' }),
    crossBorder: z.boolean().default(false),
    signsOfCrime: z.boolean().default(false),
    tipId,
  })
  .strict()
  .meta({ id: 'EmergencyStop' });

/** POST /v1/inspection-findings: a violation found while inspecting a carrier or one of its service points. */
export const InspectionFindingBody = z
  .object({
    carrierId,
    provinceCode,
    finding: inspectionFinding.meta({ description: 'What the carrier or its service point failed to do' }),
    description: text(4000).meta({ description: 'What the inspection found' }),
    legalBasis,
    servicePoint: text(200)
      .optional()
      .meta({ description: 'The service point inspected (its registered code, or free text); absent: the carrier itself' }),
    categoryCode: upperCode('OTHER').default('OTHER').meta({ description: 'The category of goods the failure concerned, if any' }),
    stage: stage.default('ACCEPTANCE').meta({ description: 'The step of the chain the failure concerns' }),
    inspectedAt: detectionInstant.optional().meta({ description: 'When the inspection found it (at most 30 days back); now if absent' }),
    violationDate: isoDate
      .optional()
      .meta({ description: 'When the violation was committed, if established; the day of the inspection otherwise' }),
    tipId,
  })
  .strict()
  .meta({ id: 'InspectionFinding' });

/** POST /v1/tips */
export const TipBody = z
  .object({
    source: text(500).meta({ description: 'Who gave the information: another agency, a body, a person' }),
    content: text(8000).meta({ description: 'What they said; stored sealed' }),
    provinceCode: provinceCode.optional().meta({ description: 'The province it concerns; the officer’s own if absent' }),
  })
  .strict()
  .meta({ id: 'NewTip' });

/** GET /v1/tips */
export const TipListQuery = z
  .object({
    limit: z.coerce.number().int().min(1).max(200).default(50),
    cursor: z.string().max(500).optional(),
  })
  .strict();

export const TipSchema = z
  .object({
    id: z.string(),
    agencyId: z.string(),
    provinceCode: z.string(),
    source: z.string(),
    content: z.string(),
    recordedBy: z.string(),
    recordedAt: instant,
    cases: z
      .array(z.object({ id: z.string(), number: z.string(), origin: originKind }))
      .meta({ description: 'Emergency stops and inspection findings opened from this tip' }),
  })
  .meta({ id: 'Tip', description: 'A tip from another body (TH §5(b), §6)' });

export const TipPageSchema = z
  .object({ items: z.array(TipSchema), next: z.string().nullable().meta({ description: 'The next page, or null on the last one' }) })
  .meta({ id: 'TipPage' });
