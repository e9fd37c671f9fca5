/** Labels for vocabulary values (types, modes, fields…), looked up in the message catalogue. */
import { m } from '$lib/paraglide/messages';

type Vocab =
	| 'type'
	| 'mode'
	| 'exstatus'
	| 'scope'
	| 'level'
	| 'field'
	| 'tie'
	| 'tiestatus'
	| 'agkind'
	| 'agstatus'
	| 'orgrole'
	| 'role'
	| 'visibility';

const messages = m as unknown as Record<string, (() => string) | undefined>;

export function label(vocab: Vocab, value: string | null | undefined): string {
	if (!value) return '';
	return messages[`${vocab}_${value}`]?.() ?? value;
}

/** A message by its key, e.g. a validation error code; the key itself when it has no text. */
export function text(key: string | null | undefined): string {
	if (!key) return '';
	return messages[key]?.() ?? key;
}
