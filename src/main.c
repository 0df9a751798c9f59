/*
 * mgtrack's entry point: global options, the command table and dispatch.
 * Start here. Each command lives in src/cmd/cmd-NAME.c; its summary and
 * --help text live in its row of mg_commands below, which also feeds
 * `mgtrack help` and the man page check in the tests.
 *
 * Exit codes (sysexits): 0 ok, 64 usage, 65 bad data, 66 missing input,
 * 69 unavailable, 70 internal error, 74 I/O error.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "cmd/cmd.h"
#include "core/tables.h"
#include "util/paths.h"
#include "util/strbuf.h"
#include "util/text.h"
#include "util/banned.h"

#define COMMON_OPTS \
	"Global options (anywhere on the line):\n" \
	"  --db PATH         journal file (default $MGTRACK_DB or $XDG_DATA_HOME/mgtrack/journal.db)\n" \
	"  --foods-db PATH   food database (default $MGTRACK_FOODS_DB, else $XDG_DATA_HOME/mgtrack/foods.db,\n" \
	"                    else the one installed with mgtrack; see 'mgtrack doctor')\n" \
	"  --profile NAME    which profile in the journal (default \"default\")\n"

#define PROFILE_FLAGS \
	"  --born YYYY-MM-DD | --age N      date of birth, or age in years\n" \
	"  --sex female|male\n" \
	"  --pregnant, --lactating          (use --no-pregnant, --no-lactating to clear)\n" \
	"  --training none|regular|heavy    raises the food target by 0/10/20 %\n" \
	"  --region us|eu                   US RDA and UL, or EFSA AI and SCF UL\n" \
	"  --clinician-guided               a clinician guides the plan (pregnancy, lactation)\n" \
	"  --goal LIST                      sleep,cramps,stress,energy,recovery,regularity,focus\n" \
	"  --condition NAME                 kidney-disease, dialysis, egfr-below-30, heart-block,\n" \
	"                                   myasthenia-gravis, low-blood-pressure, arrhythmia,\n" \
	"                                   pre-eclampsia, hypertension-in-pregnancy (repeatable;\n" \
	"                                   --no-condition NAME drops one)\n" \
	"  --egfr N|unknown                 kidney function from a blood test, 1-200 mL/min/1.73 m2\n" \
	"                                   (a lab's \">90\" is read as 90), or unknown; below 30 stops\n" \
	"                                   the plan, 30-59 is a caution, and at 65 and over or with a\n" \
	"                                   diuretic, digoxin or lithium the plan asks for it\n" \
	"                                   (--no-egfr forgets it)\n" \
	"  --med NAME@HH:MM[,HH:MM]         a medicine and the times you take it (repeatable); any\n" \
	"                                   name: generic, brand, UK name, with its salt or strength,\n" \
	"                                   a combination as A/B; an unknown name is said (caution);\n" \
	"                                   NAME@HH:MM/weekly:mon for a medicine taken once a week\n" \
	"  --wake HH:MM, --bed HH:MM        usual times (a day past midnight is fine: shift work)\n" \
	"  --train-at HH:MM[,HH:MM]         usual training starts, up to 4 (morning training moves a dose)\n" \
	"  --zinc-mg N                      supplemental zinc per day (over 40 mg, the zinc upper\n" \
	"                                   limit, is flagged and separated from magnesium)\n" \
	"  --food-source log|apple-health|cronometer\n" \
	"                                   what counts as food: the food log (default) or the\n" \
	"                                   dietary magnesium imported from Apple Health or from\n" \
	"                                   Cronometer's daily summary (never two added together)\n" \
	"  --gi-sensitive                   a sensitive gut (no laxative forms)\n" \
	"  --diet omnivore|pescatarian|vegetarian|vegan   food ideas leave out what the diet does not eat\n" \
	"  --avoid LIST                     nuts,peanuts,sesame,soy,gluten,dairy,egg,fish,shellfish:\n" \
	"                                   never suggested (repeatable; --no-avoid LIST takes them back)\n"

/* Sorted by name: cmd_find uses binary search. */
const struct cmd mg_commands[] = {
	{"backup", cmd_backup, "a consistent copy of the journal, safe while serve runs",
	 "usage: mgtrack backup FILE [--json]\n\n"
	 "Writes a copy of the journal (--db, MGTRACK_DB or the default) to FILE with\n"
	 "SQLite's online backup API: one snapshot of what was committed, safe while\n"
	 "'mgtrack serve' or another command writes. The copy is checked with SQLite's\n"
	 "integrity check and only then renamed over FILE (mode 0600). Restore by\n"
	 "copying it back while mgtrack is not running, or read it with --db FILE.\n"},
	{"course", cmd_course, "the course: where you are in the programme, start, stop, resume",
	 "usage: mgtrack course [show] [--json]\n"
	 "       mgtrack course start [--date YYYY-MM-DD] [--json]\n"
	 "       mgtrack course stop [--reason TEXT] [--json]\n"
	 "       mgtrack course resume [--json]\n\n"
	 "start adopts today's plan (see 'mgtrack plan') as version 1 of a course; --date\n"
	 "is the day you began, if that was in the past (day 1; checkpoints on days 14\n"
	 "and 42). Refused while the plan's status is clinician or pause, without a\n"
	 "product, or while a course runs. From then on the course follows your log:\n"
	 "after 7 days at a step it steps up, only while stools stay formed (Bristol 5\n"
	 "or below, 3 nights with stool form logged) and no red flag appears; loose\n"
	 "stools on 3 of the last 7 logged nights split the dose, then lower it; a red\n"
	 "flag pauses it until you resume. Every change is a version with its reason\n"
	 "and rule; versions are never edited.\n"
	 "show: the day, phase, today's intakes and what you logged of them, a held step\n"
	 "and why, the next step or checkpoint, adherence (magnesium taken against the\n"
	 "version in force each day) and every version.\n"
	 "stop ends the course. resume ends a pause once the red flag has gone: the\n"
	 "course restarts at its start dose. 'mgtrack review --apply' turns a review's\n"
	 "decision into the next version.\n"},
	{"doctor", cmd_doctor, "which journal and food database are in use, and whether they are sound",
	 "usage: mgtrack doctor [--json]\n\n"
	 "Says which files this mgtrack reads: the journal (path, size, schema version,\n"
	 "SQLite's integrity check) and the food database with the step that found it:\n"
	 "--foods-db, then MGTRACK_FOODS_DB, then your own $XDG_DATA_HOME/mgtrack/foods.db\n"
	 "when it exists, then the one installed with mgtrack (BINDIR/../share/mgtrack/\n"
	 "foods.db), with its schema, food rules and number of foods. It only reads.\n"
	 "Exit 65 when a file fails its check.\n"},
	{"dose", cmd_dose, "log a supplement dose taken or a planned intake skipped; list or delete doses",
	 "usage: mgtrack dose [--at \"YYYY-MM-DD HH:MM\"] [PRODUCT [SERVINGS]] [--json]\n"
	 "       mgtrack dose --skip [--at \"YYYY-MM-DD HH:MM\"] [PRODUCT]\n"
	 "       mgtrack dose --list [--date YYYY-MM-DD | --days N] [--json]\n"
	 "       mgtrack dose --delete DOSE_ID\n\n"
	 "With a course running (see 'mgtrack course'), 'mgtrack dose' alone logs the\n"
	 "next planned intake of the day, with its capsules; --skip records it as\n"
	 "skipped. Otherwise it logs SERVINGS (default 1) of a product (name or id, see\n"
	 "'mgtrack product list') taken now or at --at: a multivitamin, an antacid or a\n"
	 "laxative is welcome too, and counts against the upper limit for supplements.\n"
	 "Doses count in 'mgtrack intake' as supplement_mg. A day above the upper limit\n"
	 "is recorded and warned about.\n"},
	{"eat", cmd_eat, "log food, list or delete food log entries",
	 "usage: mgtrack eat [--date YYYY-MM-DD] FOOD_ID AMOUNT [MEASURE|g]\n"
	 "       mgtrack eat --list [--date YYYY-MM-DD | --days N] [--json]\n"
	 "       mgtrack eat --delete ENTRY_ID\n\n"
	 "Logs AMOUNT of a food (default unit grams) for today or --date. MEASURE is\n"
	 "one of the food's household measures (see 'mgtrack food show ID'), or g,\n"
	 "oz, lb, kg. Example: mgtrack eat 12016 1 oz\n"
	 "A food with no magnesium value is logged all the same: intake counts its\n"
	 "energy, leaves its magnesium out and says so, never as 0 mg.\n"},
	{"export", cmd_export, "everything you logged, as JSON (for import backup) or as CSV for a spreadsheet",
	 "usage: mgtrack export --json FILE|- [--all-profiles]\n"
	 "       mgtrack export --csv DIR [--all-profiles]\n\n"
	 "--json writes one JSON document (docs/EXPORT.md; schema in\n"
	 "docs/export.schema.json): the profile (--profile, default \"default\") or with\n"
	 "--all-profiles every profile, each with its settings, medicines, food log,\n"
	 "doses, nights, courses with every plan version, and trials with their designs\n"
	 "and allocations; a blinded trial not yet unblinded stays sealed. Products and\n"
	 "custom foods belong to the journal and are always included. FILE is written\n"
	 "whole or not at all (mode 0600); - writes to standard output.\n"
	 "'mgtrack import backup FILE' reads it back into an empty journal or merges it\n"
	 "into one; export, import and export again give the same bytes.\n\n"
	 "--csv writes the profile's journal as five CSV files in DIR, made (mode 0700)\n"
	 "when missing: nights.csv, doses.csv, food-log.csv, products.csv and\n"
	 "plan-versions.csv (one row per intake of each course's plan versions). All\n"
	 "five are read in one transaction, so they agree with each other, and each is\n"
	 "written whole through a temporary file; other files in DIR are left alone.\n"
	 "UTF-8 with a byte-order mark, dates YYYY-MM-DD, 24-hour times, RFC 4180\n"
	 "quoting, CRLF rows. Text that begins with = + - @, a tab or a carriage return\n"
	 "gets a ' in front, so no spreadsheet runs it as a formula; a plain number such\n"
	 "as -2 or 0.5 stays a number. nights.csv and doses.csv are what 'import diary'\n"
	 "and 'import doses' read, the guard and each night's source included: a night\n"
	 "goes back under the source it came from (manual, oura, ...). Add the products\n"
	 "(products.csv) before importing doses into another journal.\n"
	 "--all-profiles writes one folder per profile, DIR/NAME, each with the same five\n"
	 "files ('/', '%', control characters and a leading '.' in a name are written as\n"
	 "%XX). A DIR that is a file is refused (exit 74); a missing profile exits 66.\n"
	 "See docs/EXPORT.md for every column.\n"},
	{"food", cmd_food, "the food database: import, search, show, add",
	 "usage: mgtrack food import --sr24 PATH | --fdc DIR\n"
	 "       mgtrack food search TEXT... [--limit N] [--json]\n"
	 "       mgtrack food show ID [--json]\n"
	 "       mgtrack food add --name NAME --mg MG_PER_100G|unknown [--kcal KCAL_PER_100G]\n"
	 "                        [--measure \"NAME=GRAMS\"]... [--json]\n\n"
	 "import rebuilds foods.db from the USDA SR24 archive (usda_sr24.jar, shipped by\n"
	 "Debian's cronometer package) or a FoodData Central CSV download folder,\n"
	 "keeping the other source's foods. search ranks foods by how well their name\n"
	 "answers the words (the last word may be unfinished). add creates a custom\n"
	 "food in the journal; --mg unknown for a label that gives no magnesium: its\n"
	 "portions can be logged and are listed, never counted as 0 mg.\n"},
	{"help", cmd_help, "list the commands, or show one command's help",
	 "usage: mgtrack help [COMMAND]\n"},
	{"import", cmd_import, "import a backup, a diary, doses, a Cronometer diary or device sleep",
	 "usage: mgtrack import backup FILE.json [--dry-run] [--json]\n"
	 "       mgtrack import diary FILE.csv [--json]\n"
	 "       mgtrack import doses FILE.csv [--json]\n"
	 "       mgtrack import cronometer servings.csv|dailysummary.csv [--json]\n"
	 "       mgtrack import apple-health export.zip|export.xml [--since DATE] [--prefer SOURCE]\n"
	 "                                  [--dry-run] [--json]\n"
	 "       mgtrack import oura sleepmodel.csv|oura_sleep.csv|sleep.json [--since DATE] [--dry-run]\n"
	 "                                  [--json]\n"
	 "       mgtrack import fitbit TAKEOUT_DIR|TAKEOUT.zip|sleep-DATE.json [--since DATE]\n"
	 "                                  [--dry-run] [--json]\n"
	 "       mgtrack import sleep-as-android sleep-export.csv|ZIP [--since DATE] [--dry-run] [--json]\n"
	 "       mgtrack import garmin EXPORT_DIR|FILE_sleepData.json [--since DATE] [--dry-run] [--json]\n"
	 "       mgtrack import withings sleep.csv [--since DATE] [--dry-run] [--json]\n"
	 "       mgtrack import whoop sleeps.csv|sleeps.json [--since DATE] [--dry-run] [--json]\n"
	 "       mgtrack import health-connect sleep.json [--since DATE] [--dry-run] [--json]\n\n"
	 "backup: a file from 'mgtrack export --json', into an empty journal or merged\n"
	 "into this one: what the journal already has is left alone, a row it has with\n"
	 "other values (a night, a profile, a course) is a conflict; conflicts are\n"
	 "listed and nothing is written. --dry-run checks and counts without writing.\n"
	 "diary: a header of night fields (the 'mgtrack night' flags without the dashes\n"
	 "in front), any subset in any order, 'date' required, e.g.\n"
	 "  date,bed,sol,awakenings,waso,wake,quality,stress,energy,cramps,bristol,red-flag\n"
	 "  2026-11-20,23:10,20,2,15,06:40,4,3,6,0,4,\n"
	 "An empty cell means not recorded; red-flag may hold several values separated\n"
	 "by ';'. Nights you typed with 'mgtrack night' win over imported ones. An\n"
	 "optional source column (as 'export --csv' writes it) keeps each night's\n"
	 "source, one night per date and source; without it they are diary-csv.\n"
	 "doses: at,product,servings with at as \"YYYY-MM-DD HH:MM\" and product a\n"
	 "product name (servings defaults to 1).\n"
	 "cronometer: servings.csv rows become food-log entries with their own\n"
	 "magnesium and energy; dailysummary.csv days become dietary magnesium that\n"
	 "counts as food with --food-source cronometer. A serving without a magnesium\n"
	 "value is logged with none ('intake' names it, never 0 mg); a day without one is\n"
	 "left out; 0 g placeholders are skipped.\n"
	 "The whole file is one transaction: a bad line is reported with its number\n"
	 "and nothing is written. Importing the same file again changes nothing.\n"
	 "apple-health: sleep from the Health app's export (the zip, or the XML in it\n"
	 "whatever its localised name). One source per night: --prefer SOURCE, else the\n"
	 "one with the most minutes asleep; overlapping records are merged; in-bed time\n"
	 "is not sleep, but gives the bed time (another source's when the chosen one\n"
	 "has none). iOS 8/9 exports (source=, in-bed records without a value) too.\n"
	 "Every device's sessions become nights by one rule: a session under 5 min is a\n"
	 "tracking test; a short sleep in your day (4 h after your usual wake to 8 h\n"
	 "before it) is a nap; sessions at most 3 h apart are one night (the gap is\n"
	 "awake time and one awakening); a night needs 3 h from sleep to final wake;\n"
	 "a morning keeps its longest night, and a stored night stays unless the new\n"
	 "one covers 75 % of it (a corrected export) or comes from the --prefer source.\n"
	 "The summary counts each choice. A night belongs to the morning it ends.\n"
	 "Your own 'night' entries win field by field. Damaged or truncated files\n"
	 "import what is sound.\n"
	 "oura: sleepmodel.csv (membership export, ';') or the web dashboard's CSV\n"
	 "(',', days as 7/11/2024); long sleeps are sessions, naps, rests and rows\n"
	 "with an empty type are skipped; HRV is kept as RMSSD. Also the API's JSON\n"
	 "sleep documents ({\"data\": [...]} or {\"sleep\": [...]}).\n"
	 "fitbit: every sleep-*.json of a Google Takeout folder or zip; a log that\n"
	 "is not the main sleep is a nap unless it joins a night. Awakenings are\n"
	 "wake periods of 5 min or more between sleep onset and the final wake, as\n"
	 "a diary counts them (not Fitbit's wake count, which counts every brief\n"
	 "wake).\n"
	 "sleep-as-android: the app's CSV export (or its zip): every tracking is a\n"
	 "session; times from Id unless it is not an integer or disagrees with From\n"
	 "(then From/To); blank rows are skipped; the star rating is the quality.\n"
	 "garmin: the *_sleepData.json files of the data export (GMT times, shown in\n"
	 "this machine's time zone). withings: sleep.csv (English or German headers).\n"
	 "whoop: the export's sleeps.csv, or its rows as JSON; rows marked Nap are\n"
	 "naps unless they join a night. health-connect: Health Connect sleep\n"
	 "sessions as JSON (at their zone offsets, else UTC shown in this zone;\n"
	 "overlapping sessions from two apps are one sleep, the longer kept).\n"},
	{"init", cmd_init, "create a profile",
	 "usage: mgtrack init (--born YYYY-MM-DD | --age N) --sex female|male [flags]\n\n"
	 "Creates the profile (--profile NAME, default \"default\") in the journal.\n\n"
	 "Flags:\n" PROFILE_FLAGS},
	{"intake", cmd_intake, "magnesium intake, target and gap over recent days",
	 "usage: mgtrack intake [--date YYYY-MM-DD | --days N] [--json]\n\n"
	 "Average daily magnesium from the food log over the last N days (default 7)\n"
	 "or one day, against the target. The average counts logged days only; with\n"
	 "fewer than 3 logged days the food intake is reported as unknown. A day whose\n"
	 "entries record under 500 kcal (800 for men; the lower limit under 18) is only\n"
	 "part of a day's food: it does not count, and the log is said to look\n"
	 "incomplete. A day with no energy value at all (imported totals) counts.\n"},
	{"night", cmd_night, "the nightly log: record, show, list or delete a night",
	 "usage: mgtrack night [--date YYYY-MM-DD] [FIELD FLAGS] [--json]\n"
	 "       mgtrack night --show --date YYYY-MM-DD [--json]\n"
	 "       mgtrack night --list [--days N] [--json]\n"
	 "       mgtrack night --delete --date YYYY-MM-DD\n\n"
	 "Records the night that ended on the morning of --date (default today), within\n"
	 "an hour of getting up; entering a night again updates it. Without flags on a\n"
	 "terminal it asks the questions one by one (Enter skips). Every field is\n"
	 "optional:\n"
	 "  --bed --tried --wake --up HH:MM   into bed, tried to sleep, final awakening, out of bed\n"
	 "  --sol MIN --waso MIN              minutes to fall asleep, minutes awake after\n"
	 "  --awakenings N                    times woken, not counting the final one\n"
	 "  --quality 1-5                     sleep quality, very poor to very good\n"
	 "  --rested --rls --tightness --stress --mood --energy 0-10\n"
	 "  --cramps N   --bristol 1-7        leg cramps; stool form (Bristol scale)\n"
	 "  --red-flag diarrhoea|dizziness|palpitations   (repeatable)\n"
	 "  --caffeine-after-noon[=yes|no]  --headache[=yes|no]  --alcohol N\n"
	 "  --training none|light|hard  --note TEXT\n"
	 "Derived: time in bed, total sleep, sleep efficiency (Consensus Sleep Diary),\n"
	 "across midnight and daylight-saving changes.\n"},
	{"plan", cmd_plan, "the supplement plan: whether, which form, how much, when",
	 "usage: mgtrack plan [--days N] [--explain] [--json] [--ics FILE]\n\n"
	 "Turns the profile, its target, the food log's last 7 days and your products into\n"
	 "a plan: status (ok, caution, clinician, pause), the daily elemental magnesium,\n"
	 "the form, a start-low titration, dose times kept out of medicine windows,\n"
	 "checkpoints on day 14 and day 42, and a day-by-day plan (default 7 days, at\n"
	 "most 28) with foods, movement, breathing and sleep times. With fewer than 3\n"
	 "whole days of food logged (see 'mgtrack intake --help': a day too low in\n"
	 "energy does not count, and the plan says the log looks incomplete) food is\n"
	 "unknown: 200 mg a day, starting at 100.\n\n"
	 "  --explain   every decision with its rule id and source\n"
	 "  --ics FILE  write the doses, medicine windows and checkpoints as an\n"
	 "              iCalendar file with alarms, for any calendar app\n"},
	{"product", cmd_product, "supplement products: add, list, show, check a label",
	 "usage: mgtrack product add --name NAME --form FORM [--hydrate HYDRATE]\n"
	 "                           [--compound-mg MG] [--elemental-mg MG] [--per-serving-units N]\n"
	 "                           [--third-party] [--proprietary-blend] [--taking[=SERVINGS]]\n"
	 "                           [--divisible] [--json]\n"
	 "       mgtrack product set NAME|ID [--taking[=SERVINGS] | --not-taking]\n"
	 "                           [--divisible | --not-divisible] [--json]\n"
	 "       mgtrack product list [--json]\n"
	 "       mgtrack product show NAME|ID [--json]\n"
	 "       mgtrack product check NAME|ID [--json]\n\n"
	 "Records a product as its label states it, per serving: the elemental magnesium\n"
	 "(Supplement Facts) and/or the compound weight, and the capsules per serving.\n"
	 "Without a declared elemental figure it is computed from the form's %Mg and\n"
	 "marked estimated. Forms: oxide, hydroxide, carbonate, chloride, citrate,\n"
	 "hydrogen-citrate, lactate, gluconate, glycinate, malate, dimagnesium-malate,\n"
	 "buffered-chelate, taurate, threonate, sulfate, orotate, aspartate, pidolate,\n"
	 "glycerophosphate, acetate. Hydrates: anhydrous, dihydrate, trihydrate,\n"
	 "tetrahydrate, hexahydrate, heptahydrate, nonahydrate (where the form has them).\n"
	 "check warns about the label against your profile's limit and plan, and says\n"
	 "why the plan does not use the product (too strong for it, oxide, taken).\n"
	 "--taking marks a product you take regularly (SERVINGS a day, default 1): a\n"
	 "multivitamin, a Cal-Mag tablet, an antacid. Its magnesium counts against the\n"
	 "upper limit for supplements every day, and the plan sizes its own supplement\n"
	 "to what is left; doses you log of any product count the same way.\n"
	 "--divisible marks a scored tablet: the plan may then use half tablets\n"
	 "(\"1.5 tablets\"). The plan rounds its dose to what your product gives, but\n"
	 "never past the rules: about 1.5 times the gap at most, never above the\n"
	 "upper limit, a low start, no intake above the split threshold. A product\n"
	 "whose units give more is too strong for the plan: it says so, keeps its dose\n"
	 "in elemental magnesium, and names the smaller unit to look for (or\n"
	 "--divisible, when halves would do). A running course keeps the units it\n"
	 "started with.\n"},
	{"profile", cmd_profile, "show, change or list profiles",
	 "usage: mgtrack profile show [--json]\n"
	 "       mgtrack profile set [flags]\n"
	 "       mgtrack profile list [--json]\n\n"
	 "Flags for set (the same as init):\n" PROFILE_FLAGS},
	{"report", cmd_report, "a printable HTML report of intake, nights and the review",
	 "usage: mgtrack report --html FILE [--days N | --for-clinician]\n\n"
	 "Writes one self-contained HTML file (inline charts, no scripts, printable):\n"
	 "magnesium intake against the target; the course (a timeline of the dose\n"
	 "planned and taken, its checkpoints, and every version with its reason); each\n"
	 "recorded outcome over the last N days on its own scale with a 7-night mean,\n"
	 "the doses taken, the first dose, and the course's phases (or the nights before\n"
	 "and on magnesium, or the trial periods) shaded with their means; and the\n"
	 "checkpoint review with its effects drawn. N defaults to the whole course and\n"
	 "the two weeks before it (at least 42 days, at most 366), else 42.\n"
	 "--for-clinician writes one printable page for a doctor or pharmacist instead:\n"
	 "the person (age, sex, pregnancy, eGFR, conditions, who must not self-dose),\n"
	 "the regimen and its versions, medicines and their spacing, intakes taken,\n"
	 "skipped and missed, tolerance, the outcome before magnesium and over the last\n"
	 "14 days, the review's decision, and food and supplements against the RDA and\n"
	 "the supplemental upper limit, each rule-like line with its rule id.\n"},
	{"review", cmd_review, "checkpoint review: is magnesium helping, and what next",
	 "usage: mgtrack review [--at DAY] [--outcome NAME] [--json]\n"
	 "       mgtrack review --apply [--product NAME] [--json]\n\n"
	 "Compares nights before the first dose (baseline) with nights from the third day\n"
	 "of dosing, up to day DAY of dosing (default today; the checkpoints are days 14\n"
	 "and 42). For each outcome: the change, its 95 % interval and the probability\n"
	 "that it beats the meaningful difference, from a model that allows for\n"
	 "day-to-day correlation. The decision: continue, split_dose, change_form, pause,\n"
	 "stop, extend or insufficient_data, with its reasons. Outcomes: quality, sol,\n"
	 "waso, cramps, rested, rls, tightness, stress, mood, energy (default: from your\n"
	 "goals, else quality). A before/after comparison cannot separate magnesium from\n"
	 "time and expectation; a trial can. Loose stools are looked at first, however\n"
	 "few the nights.\n"
	 "With a course running (see 'mgtrack course') the review counts from the\n"
	 "course's day 1, measures adherence in magnesium against the version in force\n"
	 "each day, and says what applying its decision would change. --apply makes\n"
	 "that the next version: split_dose (the same mg in two intakes), change_form (to\n"
	 "a product of another form: --product NAME, or one of yours), lower_dose, pause,\n"
	 "stop; continue at day 42 or later steps down one step for two weeks, and the\n"
	 "review after that keeps the lower dose if the benefit held, else goes back up.\n"
	 "insufficient_data has nothing to apply (exit 65).\n"},
	{"serve", cmd_serve, "the web app: log, plan and review from a browser",
	 "usage: mgtrack serve [--bind 127.0.0.1] [--port 8737] [--token TOKEN] [--insecure-http]\n"
	 "                     [--open]\n\n"
	 "Serves the web app (Today, Plan, Review, Trial, Foods, Profile) and its JSON API\n"
	 "(docs/API.md) for one profile of this journal (--profile, default \"default\"),\n"
	 "and prints the URL to open; Ctrl-C stops it.\n"
	 "Only this machine can reach it unless --bind names another IPv4 address (e.g.\n"
	 "0.0.0.0 to let your phone in on the home network): then every request needs a\n"
	 "token, --token TOKEN (16-64 letters, digits, - or _) or one generated and printed\n"
	 "in the URL, and the server speaks HTTPS with a self-signed certificate made on\n"
	 "first use and kept beside the journal (JOURNAL.tls-key.pem, JOURNAL.tls-cert.pem,\n"
	 "mode 0600); its SHA-256 fingerprint is printed under the URL: accept the\n"
	 "browser's warning only if it shows the same. --insecure-http serves plain HTTP\n"
	 "there instead: the token and everything you log cross the network in clear text.\n"
	 "--port 0 picks a free port. --open starts your browser.\n"
	 "The command line can write to the journal while the server runs.\n"},
	{"suggest", cmd_suggest, "everyday foods that close the magnesium gap",
	 "usage: mgtrack suggest [--days N] [--by serving|kcal] [--limit N] [--json]\n\n"
	 "Everyday foods that close the gap between the target and the food log's\n"
	 "average over the last N days (default 7), one usual serving each: the\n"
	 "staples first (seeds, nuts, beans, greens, grains, fish ...), one of each\n"
	 "kind in turn, each kind's richest per usual serving (or per 100 kcal with\n"
	 "--by kcal) first; then other foods that pass the exclusions (branded and\n"
	 "fortified products, bars, concentrates, restaurant dishes, luxury items,\n"
	 "herbs, sea vegetables, salty servings), one per food. A food you have\n"
	 "logged is never excluded. Two or three foods a day close a larger gap.\n"},
	{"targets", cmd_targets, "daily magnesium target and supplement upper limit",
	 "usage: mgtrack targets [--json]\n\n"
	 "The RDA (US) or adequate intake (EU) for the profile, the training-adjusted\n"
	 "target, and the upper limit for supplemental magnesium, with the rule ids\n"
	 "and sources they come from.\n"},
	{"trial", cmd_trial, "a personal n-of-1 trial: design, status, today, unblind",
	 "usage: mgtrack trial design --outcome NAME [--blocks 4] [--period-days 7] [--washin-days 2]\n"
	 "                            [--baseline-days 7] [--control none|placebo] [--blind]\n"
	 "                            [--seed N] [--start YYYY-MM-DD] [--force] [--json]\n"
	 "       mgtrack trial status [--json]\n"
	 "       mgtrack trial today [--json]\n"
	 "       mgtrack trial unblind [--force]\n"
	 "       mgtrack trial analyze [--outcome NAME] [--json]\n"
	 "       mgtrack trial report --html FILE\n\n"
	 "A baseline, then blocks of two periods (magnesium and control) in an order drawn\n"
	 "at random within each block from a recorded seed. The first --washin-days of\n"
	 "each period are left out of the primary analysis. The primary outcome and a\n"
	 "hash of the design are stored before the first period (pre-registration); a\n"
	 "trial that has started can be redesigned only with --force, and the old design\n"
	 "stays on record as abandoned. --blind (with --control placebo) prints a sealed\n"
	 "allocation sheet for a helper and hides the arms until 'trial unblind'.\n"
	 "analyze: paired comparison of period means within blocks, the exact\n"
	 "randomisation test, a Bayesian model with AR(1) errors and block effects, and\n"
	 "the same with wash-in days included (sensitivity). report: a CENT-style HTML\n"
	 "report (design, periods, adherence, results, limitations).\n"},
	{"version", cmd_version, "print the version",
	 "usage: mgtrack version\n"},
};
const size_t mg_n_commands = sizeof(mg_commands) / sizeof(mg_commands[0]);

static int by_name(const void *key, const void *elem)
{
	return strcmp(key, ((const struct cmd *)elem)->name);
}

const struct cmd *cmd_find(const char *name)
{
	return bsearch(name, mg_commands, mg_n_commands, sizeof(mg_commands[0]), by_name);
}

static void print_overview(FILE *f)
{
	fputs("usage: mgtrack [--db PATH] [--foods-db PATH] [--profile NAME] COMMAND [ARGS]\n\n"
	      "mgtrack plans, tracks and tests magnesium intake, locally.\n\nCommands:\n", f);
	for (size_t i = 0; i < mg_n_commands; i++)
		fprintf(f, "  %-9s %s\n", mg_commands[i].name, mg_commands[i].summary);
	fputs("\nRun 'mgtrack COMMAND --help' for one command.\n\n" COMMON_OPTS, f);
}

int cmd_help(int argc, char **argv, struct cmd_ctx *ctx)
{
	if (argc < 2) {
		print_overview(stdout);
		return 0;
	}
	const struct cmd *c = cmd_find(argv[1]);
	if (!c) {
		cmd_say("unknown command \"%s\"; see 'mgtrack help'\n", argv[1]);
		return MG_EUSAGE;
	}
	fputs(c->usage, stdout);
	fputs("\n" COMMON_OPTS, stdout);
	return 0;
}

int cmd_version(int argc, char **argv, struct cmd_ctx *ctx)
{
	printf("mgtrack %s\n", MGTRACK_VERSION);
	return 0;
}

/* Takes --db, --foods-db and --profile out of argv wherever they are (up
 * to a "--"), so they work before or after the command. */
static int take_global(int *argc, char **argv, const char **db, const char **foods, const char **profile)
{
	int out = 1;
	for (int i = 1; i < *argc; i++) {
		const char *a = argv[i];
		const char **slot = NULL;
		const char *name = NULL;
		if (strcmp(a, "--") == 0) {
			while (i < *argc)
				argv[out++] = argv[i++];
			break;
		}
		static const char *const names[] = {"--db", "--foods-db", "--profile"};
		const char **slots[] = {db, foods, profile};
		for (size_t k = 0; k < 3 && !slot; k++) {
			size_t l = strlen(names[k]);
			if (strncmp(a, names[k], l) == 0 && (a[l] == '\0' || a[l] == '=')) {
				slot = slots[k];
				name = names[k];
				if (a[l] == '=') {
					*slot = a + l + 1;
				} else if (i + 1 < *argc) {
					*slot = argv[++i];
				} else {
					cmd_say("option \"%s\" needs a value; see 'mgtrack help'\n", name);
					return MG_EUSAGE;
				}
			}
		}
		if (slot && !**slot) {
			cmd_say("option \"%s\" needs a value; see 'mgtrack help'\n", name);
			return MG_EUSAGE;
		}
		if (!slot)
			argv[out++] = argv[i];
	}
	*argc = out;
	argv[out] = NULL;
	return 0;
}

static int wants_help(int argc, char **argv)
{
	for (int i = 1; i < argc; i++) {
		if (strcmp(argv[i], "--") == 0)
			return 0;
		if (strcmp(argv[i], "--help") == 0 || strcmp(argv[i], "-h") == 0)
			return 1;
	}
	return 0;
}

int main(int argc, char **argv)
{
	const char *db = NULL, *foods = NULL, *profile = "default";
	/* Names, notes and values go into the journal and out as JSON, which
	 * holds UTF-8 only: a Latin-1 byte would be stored and then vanish. */
	for (int i = 1; i < argc; i++)
		if (!mg_utf8_valid(argv[i], strlen(argv[i]))) {
			char shown[64];
			mg_strlcpy(shown, argv[i], sizeof(shown));
			mg_text_printable(shown);
			cmd_say("argument %d (\"%s\") is not UTF-8 text\n", i, shown);
			return MG_EUSAGE;
		}
	int rc = take_global(&argc, argv, &db, &foods, &profile);
	if (rc)
		return rc;
	if (argc < 2) {
		print_overview(stderr);
		return MG_EUSAGE;
	}
	const char *name = argv[1];
	if (strcmp(name, "--help") == 0 || strcmp(name, "-h") == 0)
		name = "help";
	else if (strcmp(name, "--version") == 0 || strcmp(name, "-V") == 0)
		name = "version";
	const struct cmd *c = cmd_find(name);
	if (!c) {
		cmd_say("unknown command \"%s\"; see 'mgtrack help'\n", name);
		return MG_EUSAGE;
	}
	if (c->run != cmd_help && wants_help(argc - 1, argv + 1)) {
		fputs(c->usage, stdout);
		fputs("\n" COMMON_OPTS, stdout);
		return 0;
	}
	struct mg_err e = {0};
	if (tables_load(&e) < 0)
		return cmd_fail(&e);
	struct cmd_ctx ctx = {.profile = profile, .name = c->name};
	if (paths_resolve("--db", db, "MGTRACK_DB", "journal.db", ctx.journal_path, sizeof(ctx.journal_path), &e) < 0 ||
	    paths_resolve("--foods-db", foods, "MGTRACK_FOODS_DB", "foods.db", ctx.foods_import_path,
			  sizeof(ctx.foods_import_path), &e) < 0 ||
	    paths_foods(foods, ctx.foods_path, sizeof(ctx.foods_path), &ctx.foods_step, &e) < 0) {
		tables_unload();
		return cmd_fail(&e);
	}
	rc = c->run(argc - 1, argv + 1, &ctx);
	tables_unload();
	if (fflush(stdout) != 0 || ferror(stdout)) {
		fprintf(stderr, "mgtrack: cannot write output\n");
		return rc ? rc : MG_EIO;
	}
	return rc;
}
