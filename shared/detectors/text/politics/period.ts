import type { Election } from '../../../domain/config';

const MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];

/** `29 March – 6 May 2027 (Europe/London)`: an election's pre-election period, as the Town Clerk reads it. */
export function describePeriod(election: Election, timezone: string): string {
  const [fromYear, fromMonth, fromDay] = parts(election.preElectionStart);
  const [toYear, toMonth, toDay] = parts(election.pollingDay);
  const from = `${fromDay} ${MONTHS[fromMonth - 1]}${fromYear === toYear ? '' : ` ${fromYear}`}`;
  return `${from} – ${toDay} ${MONTHS[toMonth - 1]} ${toYear} (${timezone})`;
}

function parts(isoDate: string): [number, number, number] {
  const [year, month, day] = isoDate.split('-').map(Number);
  return [year!, month!, day!];
}
