import { fail } from '@sveltejs/kit';
import type { Actions, PageServerLoad } from './$types';
import { hasRole, requireRole } from '$lib/server/auth/guard';
import { listTrash, purge, restore, trashTables, type TrashType } from '$lib/server/queries/trash';
import {
	listTrashedAttachments,
	purgeAttachment,
	restoreAttachment
} from '$lib/server/queries/attachments';

type Kind = TrashType | 'attachment';
const kinds = [...Object.keys(trashTables), 'attachment'] as Kind[];

export const load: PageServerLoad = (event) => {
	const user = requireRole(event, 'editor');
	const db = event.locals.db;
	const files = listTrashedAttachments(db).map((a) => ({
		type: 'attachment' as const,
		id: a.id,
		label: a.filename,
		deletedAt: a.deletedAt!
	}));
	const items = [...listTrash(db), ...files]
		.sort((a, b) => b.deletedAt.localeCompare(a.deletedAt))
		.slice(0, 300);
	return { items, canPurge: hasRole(user, 'admin') };
};

async function target(request: Request): Promise<{ type: Kind; id: number } | null> {
	const form = await request.formData();
	const type = String(form.get('type') ?? '') as Kind;
	const id = Number(form.get('id'));
	return kinds.includes(type) && Number.isSafeInteger(id) && id > 0 ? { type, id } : null;
}

/** A record others still point at (an agreement at its exchange, …) cannot be purged. */
const isForeignKeyError = (e: unknown) =>
	e instanceof Error && (e as { code?: string }).code === 'SQLITE_CONSTRAINT_FOREIGNKEY';

export const actions: Actions = {
	restore: async (event) => {
		const user = requireRole(event, 'editor');
		const t = await target(event.request);
		if (!t) return fail(400, { error: 'form_invalid_choice' });
		const db = event.locals.db;
		const done =
			t.type === 'attachment' ? restoreAttachment(db, t.id, user) : restore(db, t.type, t.id, user);
		if (!done) return fail(404, { error: 'not_found' });
		return { restored: t };
	},
	purge: async (event) => {
		const user = requireRole(event, 'admin');
		const t = await target(event.request);
		if (!t) return fail(400, { error: 'form_invalid_choice' });
		const { db, config } = event.locals;
		try {
			const done =
				t.type === 'attachment'
					? purgeAttachment(db, config.dataDir, t.id, user)
					: purge(db, t.type, t.id, user);
			if (!done) return fail(404, { error: 'not_found' });
		} catch (e) {
			if (isForeignKeyError(e)) return fail(409, { error: 'trash_purge_blocked' });
			throw e;
		}
		return { purged: t };
	}
};
