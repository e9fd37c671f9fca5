import { eq } from 'drizzle-orm';
import type { Conn } from '../db';
import { settings } from '../db/schema';

/** The government this installation belongs to: the app's own side, never a partner. */
export interface Home {
	nameKo: string;
	nameEn: string;
	country: string;
	unit: string;
}

export const defaultHome: Home = {
	nameKo: '경기도',
	nameEn: 'Gyeonggi Province',
	country: 'KR',
	unit: '외교통상과'
};

export function getHome(db: Conn): Home {
	const row = db.select().from(settings).where(eq(settings.key, 'home')).get();
	return (row?.value as Home | undefined) ?? defaultHome;
}

export function setHome(db: Conn, home: Home): void {
	db.insert(settings)
		.values({ key: 'home', value: home })
		.onConflictDoUpdate({ target: settings.key, set: { value: home } })
		.run();
}
