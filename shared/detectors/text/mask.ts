const DOT = '•';

/** Keeps the first `visible` letters or digits and masks the rest, keeping spacing: `07700 9•• •••`. */
export function maskKeeping(value: string, visible: number): string {
  let seen = 0;
  return value.replace(/[\p{L}\p{N}]/gu, (ch) => (seen++ < visible ? ch : DOT));
}

/** `jenny.kellow@mailbox.example` becomes `j•••@mailbox.example`. */
export function maskEmail(email: string): string {
  const at = email.lastIndexOf('@');
  if (at <= 0) return maskKeeping(email, 1);
  return `${email[0]}${DOT.repeat(3)}${email.slice(at)}`;
}

/** A person's name with all but the first name's initial letters masked: `Margaret Ellison` → `M••••••• E••••••`. */
export function maskName(name: string): string {
  return name.replace(/[\p{L}]+/gu, (word) => word[0] + DOT.repeat(Math.max(word.length - 1, 1)));
}

/** Shortens a piece of context around evidence for display, on word boundaries. */
export function excerpt(text: string, start: number, end: number, room = 40): string {
  let from = Math.max(0, start - room);
  let to = Math.min(text.length, end + room);
  if (from > 0) from = text.indexOf(' ', from) + 1 || from;
  if (to < text.length) to = text.lastIndexOf(' ', to) > end ? text.lastIndexOf(' ', to) : to;
  return `${from > 0 ? '…' : ''}${text.slice(from, to).trim()}${to < text.length ? '…' : ''}`;
}
