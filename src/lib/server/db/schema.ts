/**
 * The whole data model. Dates of events are stored as a precision plus the first and last
 * day they cover (see $lib/dates). Timestamps are UTC ISO-8601 text.
 * Record tables carry `version` (optimistic locking) and `deleted_at` (soft delete).
 */
import { sql } from 'drizzle-orm';
import {
	sqliteTable,
	text,
	integer,
	index,
	uniqueIndex,
	primaryKey
} from 'drizzle-orm/sqlite-core';

const now = sql`(strftime('%Y-%m-%dT%H:%M:%fZ', 'now'))`;

const recordColumns = () => ({
	createdAt: text('created_at').notNull().default(now),
	updatedAt: text('updated_at').notNull().default(now),
	createdBy: integer('created_by').references(() => users.id),
	updatedBy: integer('updated_by').references(() => users.id),
	deletedAt: text('deleted_at'),
	version: integer('version').notNull().default(1)
});

const precisionEnum = { enum: ['day', 'month', 'year'] as const };

// ---------------------------------------------------------------- users & auth

export const users = sqliteTable('users', {
	id: integer('id').primaryKey({ autoIncrement: true }),
	email: text('email').notNull().unique(),
	displayName: text('display_name').notNull(),
	role: text('role', { enum: ['admin', 'editor', 'viewer'] }).notNull(),
	department: text('department'),
	passwordHash: text('password_hash').notNull(),
	disabled: integer('disabled', { mode: 'boolean' }).notNull().default(false),
	totpKey: text('totp_key'),
	createdAt: text('created_at').notNull().default(now),
	updatedAt: text('updated_at').notNull().default(now)
});

export const sessions = sqliteTable(
	'sessions',
	{
		/** SHA-256 of the token, hex: the token itself is never stored. */
		id: text('id').primaryKey(),
		userId: integer('user_id')
			.notNull()
			.references(() => users.id, { onDelete: 'cascade' }),
		expiresAt: integer('expires_at').notNull(),
		twoFactorVerified: integer('two_factor_verified', { mode: 'boolean' }).notNull().default(false),
		createdAt: text('created_at').notNull().default(now)
	},
	(t) => [index('sessions_user_idx').on(t.userId)]
);

export const signInAttempts = sqliteTable(
	'sign_in_attempts',
	{
		id: integer('id').primaryKey({ autoIncrement: true }),
		userId: integer('user_id').references(() => users.id, { onDelete: 'cascade' }),
		email: text('email').notNull(),
		ip: text('ip').notNull(),
		userAgent: text('user_agent'),
		success: integer('success', { mode: 'boolean' }).notNull(),
		at: text('at').notNull().default(now)
	},
	(t) => [index('sign_in_email_idx').on(t.email, t.at), index('sign_in_ip_idx').on(t.ip, t.at)]
);

export const apiTokens = sqliteTable(
	'api_tokens',
	{
		id: integer('id').primaryKey({ autoIncrement: true }),
		userId: integer('user_id')
			.notNull()
			.references(() => users.id, { onDelete: 'cascade' }),
		name: text('name').notNull(),
		tokenHash: text('token_hash').notNull().unique(),
		scope: text('scope', { enum: ['read', 'write'] })
			.notNull()
			.default('write'),
		expiresAt: text('expires_at'),
		lastUsedAt: text('last_used_at'),
		revokedAt: text('revoked_at'),
		createdAt: text('created_at').notNull().default(now)
	},
	(t) => [index('api_tokens_user_idx').on(t.userId)]
);

export const recoveryCodes = sqliteTable('recovery_codes', {
	id: integer('id').primaryKey({ autoIncrement: true }),
	userId: integer('user_id')
		.notNull()
		.references(() => users.id, { onDelete: 'cascade' }),
	codeHash: text('code_hash').notNull(),
	usedAt: text('used_at')
});

// ---------------------------------------------------------------- settings

export const settings = sqliteTable('settings', {
	key: text('key').primaryKey(),
	value: text('value', { mode: 'json' }).notNull()
});

// ---------------------------------------------------------------- partners

export const organizations = sqliteTable(
	'organizations',
	{
		id: integer('id').primaryKey({ autoIncrement: true }),
		nameKo: text('name_ko').notNull(),
		nameEn: text('name_en'),
		nameNative: text('name_native'),
		/** ISO 3166-1 alpha-2; null for international bodies. */
		country: text('country'),
		scope: text('scope', { enum: ['foreign', 'domestic', 'international'] }).notNull(),
		level: text('level').notNull().default('other'),
		counterpartOffice: text('counterpart_office'),
		notes: text('notes'),
		...recordColumns()
	},
	(t) => [
		index('organizations_name_idx').on(t.nameKo),
		index('organizations_country_idx').on(t.country)
	]
);

export const organizationAliases = sqliteTable(
	'organization_aliases',
	{
		id: integer('id').primaryKey({ autoIncrement: true }),
		organizationId: integer('organization_id')
			.notNull()
			.references(() => organizations.id, { onDelete: 'cascade' }),
		alias: text('alias').notNull(),
		/** Lower-cased, NFKC, spaces and punctuation removed: what matching compares. */
		normalized: text('normalized').notNull()
	},
	(t) => [
		uniqueIndex('org_alias_unique').on(t.organizationId, t.normalized),
		index('org_alias_normalized_idx').on(t.normalized)
	]
);

export const ties = sqliteTable(
	'ties',
	{
		id: integer('id').primaryKey({ autoIncrement: true }),
		organizationId: integer('organization_id')
			.notNull()
			.references(() => organizations.id),
		kind: text('kind', { enum: ['sister', 'friendship', 'mou', 'other'] }).notNull(),
		status: text('status', { enum: ['active', 'dormant', 'ended'] })
			.notNull()
			.default('active'),
		datePrecision: text('date_precision', precisionEnum),
		dateStart: text('date_start'),
		dateEnd: text('date_end'),
		/** What fixes the date: signing, council approval (의회 동의), … */
		dateBasis: text('date_basis'),
		signatories: text('signatories'),
		endedOn: text('ended_on'),
		notes: text('notes'),
		...recordColumns()
	},
	(t) => [index('ties_org_idx').on(t.organizationId)]
);

// ---------------------------------------------------------------- exchanges

export const exchanges = sqliteTable(
	'exchanges',
	{
		id: integer('id').primaryKey({ autoIncrement: true }),
		type: text('type').notNull(),
		status: text('status', { enum: ['planned', 'held', 'postponed', 'cancelled'] })
			.notNull()
			.default('held'),
		titleKo: text('title_ko').notNull(),
		titleEn: text('title_en'),
		datePrecision: text('date_precision', precisionEnum).notNull(),
		dateStart: text('date_start').notNull(),
		dateEnd: text('date_end').notNull(),
		mode: text('mode', { enum: ['in_person', 'online', 'hybrid'] }),
		location: text('location'),
		participants: integer('participants'),
		participantsApprox: integer('participants_approx', { mode: 'boolean' })
			.notNull()
			.default(false),
		institutions: integer('institutions'),
		recipients: integer('recipients'),
		recipientsApprox: integer('recipients_approx', { mode: 'boolean' }).notNull().default(false),
		topics: text('topics', { mode: 'json' }).$type<string[]>().notNull().default([]),
		department: text('department'),
		summaryKo: text('summary_ko'),
		summaryEn: text('summary_en'),
		outcomes: text('outcomes'),
		notes: text('notes'),
		visibility: text('visibility', { enum: ['normal', 'confidential'] })
			.notNull()
			.default('normal'),
		...recordColumns()
	},
	(t) => [
		index('exchanges_date_idx').on(t.deletedAt, t.dateStart, t.id),
		index('exchanges_type_idx').on(t.type, t.dateStart),
		// Live, visible and dated: a large set of ids (a partner's thousands of exchanges) is
		// filtered and ordered from this narrow index instead of the wide rows.
		index('exchanges_live_idx').on(t.id, t.deletedAt, t.visibility, t.dateStart)
	]
);

export const exchangeOrganizations = sqliteTable(
	'exchange_organizations',
	{
		exchangeId: integer('exchange_id')
			.notNull()
			.references(() => exchanges.id, { onDelete: 'cascade' }),
		organizationId: integer('organization_id')
			.notNull()
			.references(() => organizations.id),
		role: text('role', { enum: ['partner', 'organizer', 'presenter', 'participant'] })
			.notNull()
			.default('partner')
	},
	(t) => [
		primaryKey({ columns: [t.exchangeId, t.organizationId, t.role] }),
		index('exchange_org_org_idx').on(t.organizationId, t.exchangeId)
	]
);

export const exchangeFields = sqliteTable(
	'exchange_fields',
	{
		exchangeId: integer('exchange_id')
			.notNull()
			.references(() => exchanges.id, { onDelete: 'cascade' }),
		field: text('field').notNull()
	},
	(t) => [
		primaryKey({ columns: [t.exchangeId, t.field] }),
		index('exchange_fields_field_idx').on(t.field)
	]
);

// ---------------------------------------------------------------- people

export const people = sqliteTable(
	'people',
	{
		id: integer('id').primaryKey({ autoIncrement: true }),
		nameKo: text('name_ko').notNull(),
		nameEn: text('name_en'),
		nameNative: text('name_native'),
		title: text('title'),
		organizationId: integer('organization_id').references(() => organizations.id),
		email: text('email'),
		phone: text('phone'),
		notes: text('notes'),
		...recordColumns()
	},
	(t) => [index('people_org_idx').on(t.organizationId), index('people_name_idx').on(t.nameKo)]
);

export const exchangePeople = sqliteTable(
	'exchange_people',
	{
		exchangeId: integer('exchange_id')
			.notNull()
			.references(() => exchanges.id, { onDelete: 'cascade' }),
		personId: integer('person_id')
			.notNull()
			.references(() => people.id),
		role: text('role', { enum: ['counterpart', 'delegation', 'contact'] })
			.notNull()
			.default('counterpart')
	},
	(t) => [
		primaryKey({ columns: [t.exchangeId, t.personId] }),
		index('exchange_people_person_idx').on(t.personId)
	]
);

// ---------------------------------------------------------------- agreements

export const agreements = sqliteTable(
	'agreements',
	{
		id: integer('id').primaryKey({ autoIncrement: true }),
		exchangeId: integer('exchange_id').references(() => exchanges.id),
		kind: text('kind').notNull(),
		titleKo: text('title_ko').notNull(),
		titleEn: text('title_en'),
		status: text('status').notNull(),
		agreedPrecision: text('agreed_precision', precisionEnum),
		agreedStart: text('agreed_start'),
		agreedEnd: text('agreed_end'),
		duePrecision: text('due_precision', precisionEnum),
		dueStart: text('due_start'),
		dueEnd: text('due_end'),
		signedPrecision: text('signed_precision', precisionEnum),
		signedStart: text('signed_start'),
		signedEnd: text('signed_end'),
		visibility: text('visibility', { enum: ['normal', 'confidential'] })
			.notNull()
			.default('normal'),
		notes: text('notes'),
		...recordColumns()
	},
	(t) => [
		index('agreements_exchange_idx').on(t.exchangeId),
		index('agreements_status_idx').on(t.status),
		// A partner's thousands of agreements, filtered and ordered without reading the wide rows.
		index('agreements_live_idx').on(t.id, t.deletedAt, t.visibility, t.agreedStart, t.dueStart)
	]
);

export const agreementOrganizations = sqliteTable(
	'agreement_organizations',
	{
		agreementId: integer('agreement_id')
			.notNull()
			.references(() => agreements.id, { onDelete: 'cascade' }),
		organizationId: integer('organization_id')
			.notNull()
			.references(() => organizations.id)
	},
	(t) => [
		primaryKey({ columns: [t.agreementId, t.organizationId] }),
		index('agreement_org_org_idx').on(t.organizationId)
	]
);

export const agreementFields = sqliteTable(
	'agreement_fields',
	{
		agreementId: integer('agreement_id')
			.notNull()
			.references(() => agreements.id, { onDelete: 'cascade' }),
		field: text('field').notNull()
	},
	(t) => [primaryKey({ columns: [t.agreementId, t.field] })]
);

/** Every status an agreement has had, dated: "postponed 2020 → 2021" keeps both. */
export const agreementStatusHistory = sqliteTable(
	'agreement_status_history',
	{
		id: integer('id').primaryKey({ autoIncrement: true }),
		agreementId: integer('agreement_id')
			.notNull()
			.references(() => agreements.id, { onDelete: 'cascade' }),
		status: text('status').notNull(),
		changedOn: text('changed_on').notNull(),
		/** For a postponement: the target before and after, as partial-date labels (2020 → 2021). */
		dueFrom: text('due_from'),
		dueTo: text('due_to'),
		note: text('note'),
		createdBy: integer('created_by').references(() => users.id),
		createdAt: text('created_at').notNull().default(now)
	},
	(t) => [index('agreement_history_idx').on(t.agreementId)]
);

export const followUps = sqliteTable(
	'follow_ups',
	{
		id: integer('id').primaryKey({ autoIncrement: true }),
		agreementId: integer('agreement_id')
			.notNull()
			.references(() => agreements.id),
		action: text('action').notNull(),
		owner: text('owner'),
		dueDate: text('due_date'),
		doneAt: text('done_at'),
		...recordColumns()
	},
	(t) => [
		index('follow_ups_agreement_idx').on(t.agreementId),
		index('follow_ups_due_idx').on(t.dueDate)
	]
);

// ---------------------------------------------------------------- provenance & files

export const sources = sqliteTable(
	'sources',
	{
		id: integer('id').primaryKey({ autoIncrement: true }),
		title: text('title').notNull(),
		publisher: text('publisher'),
		url: text('url'),
		/** UTC ISO-8601; shown in Asia/Seoul. */
		publishedAt: text('published_at'),
		body: text('body'),
		...recordColumns()
	},
	(t) => [index('sources_url_idx').on(t.url)]
);

export const recordTypes = [
	'organization',
	'tie',
	'exchange',
	'agreement',
	'follow_up',
	'person',
	'source',
	'user',
	'attachment',
	'import_batch',
	'export'
] as const;
export type RecordType = (typeof recordTypes)[number];

/** Which source a record was made from. */
export const sourceLinks = sqliteTable(
	'source_links',
	{
		sourceId: integer('source_id')
			.notNull()
			.references(() => sources.id),
		entityType: text('entity_type').notNull(),
		entityId: integer('entity_id').notNull()
	},
	(t) => [
		primaryKey({ columns: [t.sourceId, t.entityType, t.entityId] }),
		index('source_links_entity_idx').on(t.entityType, t.entityId)
	]
);

export const attachments = sqliteTable(
	'attachments',
	{
		id: integer('id').primaryKey({ autoIncrement: true }),
		entityType: text('entity_type').notNull(),
		entityId: integer('entity_id').notNull(),
		sha256: text('sha256').notNull(),
		filename: text('filename').notNull(),
		mimeType: text('mime_type').notNull(),
		size: integer('size').notNull(),
		uploadedBy: integer('uploaded_by').references(() => users.id),
		createdAt: text('created_at').notNull().default(now),
		deletedAt: text('deleted_at')
	},
	(t) => [index('attachments_entity_idx').on(t.entityType, t.entityId)]
);

// ---------------------------------------------------------------- history

export const importBatches = sqliteTable('import_batches', {
	id: integer('id').primaryKey({ autoIncrement: true }),
	kind: text('kind').notNull(),
	filename: text('filename'),
	summary: text('summary', { mode: 'json' }),
	createdBy: integer('created_by').references(() => users.id),
	createdAt: text('created_at').notNull().default(now),
	undoneAt: text('undone_at')
});

export const auditLog = sqliteTable(
	'audit_log',
	{
		id: integer('id').primaryKey({ autoIncrement: true }),
		at: text('at').notNull().default(now),
		userId: integer('user_id').references(() => users.id),
		action: text('action').notNull(),
		entityType: text('entity_type').notNull(),
		entityId: integer('entity_id'),
		before: text('before', { mode: 'json' }),
		after: text('after', { mode: 'json' }),
		batchId: integer('batch_id').references(() => importBatches.id)
	},
	(t) => [
		index('audit_entity_idx').on(t.entityType, t.entityId),
		index('audit_at_idx').on(t.at),
		index('audit_user_idx').on(t.userId, t.at)
	]
);
