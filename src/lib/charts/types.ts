/** A ranked bar: a country, a partner, a field or a status, with its count. */
export interface RankRow {
	key: string;
	label: string;
	n: number;
	/** The exchange list behind the bar, or null when no list filter reproduces it. */
	href: string | null;
	/** Where the name in the table leads (a partner's page), if anywhere. */
	nameHref?: string;
}
