/** Turns a refused write into the form's answer: field messages, a conflict notice, or a 404. */
import { error, fail, type ActionFailure } from '@sveltejs/kit';
import { InvalidReferences, RecordNotFound, VersionConflict } from './queries/write-errors';

export function writeFailure<V, X extends object = object>(
	e: unknown,
	values: V,
	extra?: X
): ActionFailure<X & { values: V; errors: Record<string, string>; conflict?: boolean }> {
	if (e instanceof InvalidReferences)
		return fail(400, { ...(extra as X), values, errors: e.fields });
	if (e instanceof VersionConflict)
		return fail(409, { ...(extra as X), values, errors: { _: 'ex_conflict' }, conflict: true });
	if (e instanceof RecordNotFound) error(404, 'Not found');
	throw e;
}
