/** The follow-up schema: an action someone owes on an agreement, by a day, done or not. */
import { z } from 'zod';
import { isValidDay } from '$lib/dates';
import { LIMITS, optionalText, requiredText } from './text';
import { flag, id, version } from './common';

const dueDate = z
	.preprocess(
		(v) => (v == null || v === '' ? undefined : v),
		z.string('ex_date_invalid').trim().refine(isValidDay, 'ex_date_invalid').optional()
	)
	.transform((v) => v ?? null);

const followUpObject = z.object({
	agreementId: id,
	action: requiredText(LIMITS.action),
	owner: optionalText(LIMITS.name),
	dueDate,
	done: flag
});

export const followUpSchema = followUpObject;
export const followUpUpdateSchema = followUpObject.extend({ version });
export type FollowUpData = z.output<typeof followUpSchema>;
