import { m } from '$lib/paraglide/messages';

export interface NavItem {
	href: string;
	label: () => string;
	role: 'viewer' | 'editor' | 'admin';
}

/** The app's sections, in menu order. A section is listed once its pages exist. */
export const navItems: NavItem[] = [
	{ href: '/', label: m.nav_home, role: 'viewer' },
	{ href: '/admin/users', label: m.nav_admin, role: 'admin' }
];
