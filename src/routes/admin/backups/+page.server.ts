import { fail } from '@sveltejs/kit';
import type { Actions, PageServerLoad } from './$types';
import { requireRole } from '$lib/server/auth/guard';
import { listBackups } from '$lib/server/backup';
import { backupService } from '$lib/server/backup-schedule';

export const load: PageServerLoad = (event) => {
	requireRole(event, 'admin');
	const { config } = event.locals;
	const service = backupService();
	return {
		backups: listBackups(config.backupDir).map((b) => ({
			name: b.name,
			createdAt: b.createdAt,
			bytes: b.bytes,
			verified: b.verified,
			counts: b.manifest?.counts ?? null,
			files: b.manifest?.files.count ?? 0,
			missingFiles: b.manifest?.files.missing.length ?? 0
		})),
		dir: config.backupDir,
		keep: config.backupKeep,
		intervalHours: config.backupIntervalHours,
		running: service?.running ?? false,
		lastError: service?.lastError ?? null
	};
};

export const actions: Actions = {
	backupNow: async (event) => {
		requireRole(event, 'admin');
		const service = backupService();
		if (!service) return fail(409, { error: 'backup_unavailable' });
		try {
			const info = await service.backupNow();
			return { made: info.name };
		} catch (e) {
			return fail(409, { error: e instanceof Error ? e.message : String(e) });
		}
	}
};
