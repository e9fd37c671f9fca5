/**
 * The review form's starting values for a draft, under the flat field names that
 * `intakeFormInput` ($lib/schemas/intake) reads back: each draft kept, each partner matched
 * when it is known (or near a known name) and created otherwise.
 */
import { partialDateLabel } from '$lib/dates';
import type { Draft, DraftPartner } from '$lib/server/intake/draft-types';

export type FormValues = Record<string, string | string[]>;

/** UTC ISO → the Seoul wall time a datetime-local input shows (2020-12-02T14:15). */
export function seoulLocal(iso: string | null | undefined): string {
	if (!iso) return '';
	const t = new Date(iso);
	if (Number.isNaN(t.getTime())) return '';
	return new Date(t.getTime() + 9 * 3600_000).toISOString().slice(0, 16);
}

export function partnerAction(p: DraftPartner): string {
	if (p.match) return `match:${p.match.organizationId}`;
	if (p.suggestion?.organizationId) return `match:${p.suggestion.organizationId}`;
	return 'create';
}

export function draftFormValues(d: Draft): FormValues {
	const v: FormValues = {
		'src.title': d.article.title?.value ?? '',
		'src.publisher': d.article.outlet?.value ?? '',
		'src.url': d.article.url?.value ?? '',
		'src.publishedAt': seoulLocal(d.article.publishedAt?.value),
		'src.body': d.text
	};
	d.partners.forEach((p, i) => {
		Object.assign(v, {
			[`p.${i}.key`]: p.key,
			[`p.${i}.action`]: partnerAction(p),
			[`p.${i}.nameKo`]: p.nameKo,
			[`p.${i}.nameEn`]: p.nameEn ?? '',
			[`p.${i}.nameNative`]: p.nameNative ?? '',
			[`p.${i}.country`]: p.country ?? '',
			[`p.${i}.scope`]: p.scope,
			[`p.${i}.level`]: p.level,
			[`p.${i}.aliases`]: p.aliases.join('|'),
			[`p.${i}.counterpartOffice`]: p.counterpartOffice ?? ''
		});
	});
	d.exchanges.forEach((x, i) => {
		const date = x.date.value;
		Object.assign(v, {
			[`x.${i}.keep`]: 'on',
			[`x.${i}.key`]: x.key,
			[`x.${i}.type`]: x.type.value,
			[`x.${i}.status`]: x.status,
			[`x.${i}.date`]: partialDateLabel(date.precision, date.start, date.end),
			[`x.${i}.mode`]: x.mode.value,
			[`x.${i}.title`]: x.title.value,
			[`x.${i}.location`]: x.location?.value ?? '',
			[`x.${i}.participants`]: x.participants ? String(x.participants.value) : '',
			[`x.${i}.participantsApprox`]: x.participants?.approx ? 'on' : '',
			[`x.${i}.institutions`]: x.institutions ? String(x.institutions.value) : '',
			[`x.${i}.recipients`]: x.recipients ? String(x.recipients.value) : '',
			[`x.${i}.recipientsApprox`]: x.recipients?.approx ? 'on' : '',
			[`x.${i}.fields`]: x.fields.map((f) => f.value),
			[`x.${i}.notes`]: x.participantNames.length
				? `참석: ${x.participantNames.map((n) => n.value).join(', ')}`
				: ''
		});
		for (const o of x.organizations) v[`x.${i}.org.${o.partnerKey}`] = o.role;
	});
	d.agreements.forEach((a, i) => {
		Object.assign(v, {
			[`a.${i}.keep`]: 'on',
			[`a.${i}.kind`]: a.kind.value,
			[`a.${i}.status`]: a.status.value,
			[`a.${i}.title`]: a.title.value,
			[`a.${i}.due`]: a.target?.value ?? '',
			[`a.${i}.dueBefore`]: a.targetBefore ?? '',
			[`a.${i}.partners`]: a.partnerKeys.join('|'),
			[`a.${i}.exchange`]: a.exchangeKey ?? '',
			[`a.${i}.fields`]: a.fields.map((f) => f.value).join('|')
		});
	});
	d.ties.forEach((t, i) => {
		Object.assign(v, {
			[`t.${i}.keep`]: 'on',
			[`t.${i}.partner`]: t.partnerKey,
			[`t.${i}.kind`]: t.kind,
			[`t.${i}.since`]: t.since
				? partialDateLabel(t.since.value.precision, t.since.value.start, t.since.value.end)
				: '',
			[`t.${i}.basis`]: t.basis
		});
	});
	return v;
}

/** Form values as the browser would post them (checkboxes left empty are not sent). */
export function toFormData(values: FormValues): FormData {
	const f = new FormData();
	for (const [k, val] of Object.entries(values))
		for (const one of Array.isArray(val) ? val : [val]) if (one !== '') f.append(k, one);
	return f;
}
