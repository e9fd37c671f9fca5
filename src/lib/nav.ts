import { m } from '$lib/paraglide/messages';

export interface NavItem {
	href: string;
	label: () => string;
	role: 'viewer' | 'editor' | 'admin';
}

/** The app's sections, in menu order. A section is listed once its pages exist. */
export const navItems: NavItem[] = [
	{ href: '/', label: m.nav_home, role: 'viewer' },
	{ href: '/dashboard', label: m.nav_dashboard, role: 'viewer' },
	{ href: '/exchanges', label: m.nav_exchanges, role: 'viewer' },
	{ href: '/agreements', label: m.nav_agreements, role: 'viewer' },
	{ href: '/partners', label: m.nav_partners, role: 'viewer' },
	{ href: '/people', label: m.nav_people, role: 'viewer' },
	{ href: '/sources', label: m.nav_sources, role: 'viewer' },
	{ href: '/search', label: m.nav_search, role: 'viewer' },
	{ href: '/reports', label: m.nav_reports, role: 'viewer' },
	{ href: '/intake', label: m.nav_intake, role: 'editor' },
	{ href: '/import', label: m.nav_import, role: 'editor' },
	{ href: '/trash', label: m.nav_trash, role: 'editor' },
	{ href: '/admin/users', label: m.nav_admin, role: 'admin' },
	{ href: '/admin/audit', label: m.nav_audit, role: 'admin' }
];
