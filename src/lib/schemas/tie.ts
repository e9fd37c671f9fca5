import { z } from 'zod';
import { tieKinds, tieStatuses } from '$lib/vocab';
import { LIMITS, optionalText } from './text';
import { optionalDay, optionalPartialDate, requiredId, versionField } from './record-fields';

const fields = {
	organizationId: requiredId,
	kind: z.enum(tieKinds, 'partner_tie_kind_invalid'),
	status: z.enum(tieStatuses, 'partner_tie_status_invalid').default('active'),
	/** When it began: 2008, 2008-10 or 2008-10-27. */
	date: optionalPartialDate,
	dateBasis: optionalText(LIMITS.short),
	signatories: optionalText(LIMITS.short),
	endedOn: optionalDay,
	notes: optionalText(LIMITS.long)
};

/** An end date cannot precede the start; a tie with an end date has ended. */
function tieRules(
	t: { date: { start: string } | null; endedOn: string | null; status: string },
	ctx: z.RefinementCtx
) {
	if (t.endedOn && t.date && t.endedOn < t.date.start)
		ctx.addIssue({ code: 'custom', path: ['endedOn'], message: 'partner_tie_end_before_start' });
	if (t.endedOn && t.status !== 'ended')
		ctx.addIssue({ code: 'custom', path: ['status'], message: 'partner_tie_end_needs_ended' });
}

export const tieSchema = z.object(fields).superRefine(tieRules);
export const tieUpdateSchema = z.object({ ...fields, version: versionField }).superRefine(tieRules);
/** Ending a tie: the day it ended (optional when unknown) and the version seen. */
export const tieEndSchema = z.object({ endedOn: optionalDay, version: versionField });

export type TieFormInput = z.infer<typeof tieSchema>;
