import { maskKeeping } from '../mask';
import { allMatches } from './clues';
import type { PiiScan } from './types';

/**
 * A current-format registration (2001 on): two letters for the area (never I, Q or Z), a two-digit
 * age identifier (March 02–49, September 51–99), and three random letters (never I or Q).
 */
const REGISTRATION = /(?<![A-Za-z0-9])([A-HJ-PR-Y]{2})(\d{2}) ?([A-HJ-PR-Z]{3})(?![A-Za-z0-9])/g;
/** A registration matters when it is tied to a complaint or a person, not a fleet list or a bus route. */
const COMPLAINT_OR_PERSON =
  /\b(?:complain\w*|complaints?|reported|reporting|report|parked|parking|abandoned|obstruct\w*|blocking|blocked|fly-?tip\w*|speeding|nuisance|driver|owner|owned|registered (?:keeper|to)|belongs? to|neighbour\w*|cctv|police|dvla|enforcement|penalty|pcn|ticketed|clamped|towed|caught|spotted|seen|dumped|dumping)\b|['’]s (?:car|van|vehicle|lorry|motorbike|truck)\b/i;

/** Vehicle registrations tied to a person or a complaint: "the van KX21 BHD reported on the promenade". */
export function findVehicleRegistrations(scan: PiiScan): void {
  const { text } = scan;
  for (const m of allMatches(REGISTRATION, text)) {
    const age = Number(m[2]);
    if (age < 2 || age === 50) continue;
    const start = m.index;
    const end = start + m[0].length;
    const around = text.slice(Math.max(0, start - 120), Math.min(text.length, end + 120));
    const tie = COMPLAINT_OR_PERSON.exec(around);
    if (!tie) continue;
    const plate = `${m[1]}${m[2]} ${m[3]}`;
    const evidence = maskKeeping(plate, 4);
    scan.add({
      kind: 'vehicle',
      start,
      end,
      key: `vehicle:${plate}`,
      evidence,
      signal: `vehicle registration ${evidence} tied to a person or complaint ("${tie[0].toLowerCase()}")`,
    });
  }
}
