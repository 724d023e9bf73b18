// A date written the way people write it by hand (2/27/2024, 27.2.2024,
// 2024/02/27), read as YYYY-MM-DD when only one reading is possible. When day
// and month could swap (3/4/2024), both readings are offered and neither is
// chosen: that is for the person who knows which day it was.

const MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];

interface DateReading {
  /** The date as YYYY-MM-DD. */
  iso: string;
  /** The same date in words, to tell two readings apart ("4 March 2024"). */
  words: string;
}

/** The readings of a hand-written date: one (certain), two (day and month could swap) or none. */
export function readDate(text: string): DateReading[] {
  const trimmed = text.trim();
  const yearFirst = /^(\d{4})[/.-](\d{1,2})[/.-](\d{1,2})$/.exec(trimmed);
  if (yearFirst) return readings([[Number(yearFirst[1]), Number(yearFirst[2]), Number(yearFirst[3])]]);
  const yearLast = /^(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})$/.exec(trimmed);
  if (!yearLast) return [];
  const [first, second, year] = [Number(yearLast[1]), Number(yearLast[2]), Number(yearLast[3])];
  // Month then day (2/27/2024), or day then month (27/2/2024).
  return readings([[year, first, second], [year, second, first]]);
}

function readings(candidates: [number, number, number][]): DateReading[] {
  const found: DateReading[] = [];
  for (const [year, month, day] of candidates) {
    if (!isDate(year, month, day)) continue;
    const iso = `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
    if (!found.some((reading) => reading.iso === iso)) found.push({ iso, words: `${day} ${MONTHS[month - 1]} ${year}` });
  }
  return found;
}

function isDate(year: number, month: number, day: number): boolean {
  if (month < 1 || month > 12 || day < 1 || year < 1) return false;
  const leap = (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
  const days = [31, leap ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31][month - 1]!;
  return day <= days;
}
