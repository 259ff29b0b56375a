import type { DetectionContext } from '../../context';
import { findHomeAddresses } from './addresses';
import { findIdentifiedChildren } from './children';
import { findEmailAddresses, findPhoneNumbers } from './contacts';
import { findDatesOfBirth } from './dates-of-birth';
import { findSpecialCategoryDetail } from './health';
import {
  findCardNumbers,
  findIbans,
  findNationalInsuranceNumbers,
  findNhsNumbers,
  findSortCodeAndAccount,
} from './identifiers';
import { findPlainWordDetails } from './plain-words';
import { PiiScan, type PiiMatch } from './types';
import { findVehicleRegistrations } from './vehicles';

export type { PiiKind, PiiMatch } from './types';

const DIGIT = /\d/;
/** Six digits, each pair at most one space, dot or hyphen apart: every phone, bank and identity number has them. */
const SIX_DIGITS = /\d[ .-]?\d[ .-]?\d[ .-]?\d[ .-]?\d[ .-]?\d/;
const BIRTH_WORDS = /\bborn\b|\bd\.?o\.?b\b|\bbirth/i;
const REGISTRATION_TAIL = /\d\d ?[A-Z]{3}/;

/**
 * Every item of personal data in one piece of text. Recognisers run from the most specific shape
 * to the least, and a later one skips text an earlier one has claimed: the digits of an IBAN are
 * not also a card number, the digits of a card not also a phone number.
 */
export function findPersonalData(text: string, context: DetectionContext, year: number): readonly PiiMatch[] {
  const scan = new PiiScan(text, context, year);
  if (DIGIT.test(text)) {
    if (SIX_DIGITS.test(text)) {
      findIbans(scan);
      findCardNumbers(scan);
      findNationalInsuranceNumbers(scan);
      findNhsNumbers(scan);
      findSortCodeAndAccount(scan);
      findPhoneNumbers(scan);
    }
    if (BIRTH_WORDS.test(text)) findDatesOfBirth(scan);
    if (REGISTRATION_TAIL.test(text)) findVehicleRegistrations(scan);
    findHomeAddresses(scan);
  }
  if (text.includes('@')) findEmailAddresses(scan);
  findIdentifiedChildren(scan);
  findSpecialCategoryDetail(scan);
  // The same kinds said in plain words, where the shaped recognisers need a fixed word order.
  findPlainWordDetails(scan);
  return scan.found;
}
