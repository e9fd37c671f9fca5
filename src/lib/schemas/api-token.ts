import { z } from 'zod';
import { requiredText } from './text';

export const tokenLifetimes = ['30', '90', '365', 'never'] as const;

/** A personal API token as the profile form creates it. */
export const apiTokenSchema = z.object({
	name: requiredText(100),
	scope: z.enum(['read', 'write'], 'partner_token_scope_invalid'),
	lifetime: z.enum(tokenLifetimes, 'partner_token_lifetime_invalid').default('90')
});

/** When a token with this lifetime expires, as UTC ISO-8601 (null: never). */
export function tokenExpiry(
	lifetime: (typeof tokenLifetimes)[number],
	now = Date.now()
): string | null {
	return lifetime === 'never' ? null : new Date(now + Number(lifetime) * 86_400_000).toISOString();
}
