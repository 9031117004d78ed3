/**
 * The seed reference data (docs/domain-model.md, "Reference data") as typed constants: categories, deadline table, fine
 * schedule, authority caps, holidays, provinces and agencies. Administrators own the live
 * copies in the database; these seed it and serve tests. Rows marked verify come from
 * secondary sources.
 */
export { ITEM_CATEGORIES } from './reference/categories.js';
export { DEADLINE_POLICIES } from './reference/deadlines.js';
export { FINE_SCHEDULE, OFFENCE } from './reference/fine-schedule.js';
export { AUTHORITY_CAPS } from './reference/authority-caps.js';
export { HOLIDAYS, MAKE_UP_WORKDAYS, WORK_CALENDAR, type Holiday } from './reference/holidays.js';
export { PROVINCES, AGENCIES, INSPECTORATES_ABOLISHED } from './reference/agencies.js';
export { REFERENCE_CORRECTIONS } from './reference/corrections.js';
export { INDIVIDUAL_FACTOR, LATE_INTEREST_BPS_PER_DAY } from './fines.js';
