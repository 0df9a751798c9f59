# Apple Health: the real 2017 export (ashtom/hkimport, MIT; tests/fixtures/apple-health/README,
# copied from ../shared/data/external) and the project's iOS 16+ fixture
# (stages, HKTimeZone, the broken version-12 DTD, overlapping sources, a
# Correlation, a stray control character, an iOS 8 date, a bad date).
$ mgtrack init --age 40 --sex female
$ mgtrack import apple-health "$FIXTURES/apple-health/hkimport-export-v3.xml" --json
~ "records_read": 11101,
~ "nights_written": 57,
~ "in_correlation": 162,
# Seven sleeps of 1-2 hours (07:03-09:03 on 2017-04-05 and the like) are
# naps or too short for a night, as for every other device.
~ "nap": 2,
~ "too_short": 7,
# Checked by hand against the file: lark, 2017-06-15 20:28 to 2017-06-16 01:17:56.
$ MGTRACK_TODAY=2017-12-31 mgtrack night --show --date 2017-06-16 --json
~ "bed": "20:28",
~ "wake": "01:17",
~ "tst_min": 289,
~ "source": "apple-health"
# Health wrote only InBed on 2017-03-07: time in bed is not sleep.
$ MGTRACK_TODAY=2017-12-31 mgtrack night --show --date 2017-03-07
? 66
$ mgtrack import apple-health "$FIXTURES/apple-health/hkimport-export-v3.xml"
~ 0 nights written, 0 updated, 57 unchanged
# The iOS 16+ fixture, in a second profile.
$ mgtrack --profile b init --age 40 --sex female
$ mgtrack --profile b import apple-health "$FIXTURES/apple-health/export-v12.xml" --json
~ "nights_written": 3,
~ "in_correlation": 1,
~ "bad_date": 1,
~ "name": "Tom's Watch",
~ "dietary_magnesium_records": 1,
~ "intake_days": 1,
~ "hrv_sdnn_records": 1,
$ mgtrack --profile b night --show --date 2026-11-20 --json
~ "bed": "22:50",
~ "sol": 20,
~ "awakenings": 1,
~ "waso": 10,
~ "wake": "06:40",
~ "up": "06:55",
~ "tst_min": 440,
~ "deep": 80,
~ "light": 300,
~ "rem": 60,
~ "hrv": 42,
~ "hrv_kind": "sdnn",
~ "hr_low": 54,
$ mgtrack --profile b night --show --date 2026-11-21 --json
~ "tst_min": 430,
$ mgtrack --profile b night --show --date 2026-11-22 --json
~ "bed": "23:15",
~ "tst_min": 450,
# The user's own entry wins field by field.
$ mgtrack --profile b night --date 2026-11-20 --sol 35 --quality 4
$ mgtrack --profile b night --show --date 2026-11-20 --json
~ "sol": 35,
~ "wake": "06:40",
~ "source": "manual"
# --prefer, --since, --dry-run.
$ mgtrack --profile c init --age 40 --sex female
$ mgtrack --profile c import apple-health "$FIXTURES/apple-health/export-v12.xml" --prefer iPhone --since 2026-11-20 --dry-run --json
~ "nights_written": 3,
~ "dry_run": true
$ mgtrack --profile c night --list --json
> []
$ mgtrack --profile c import apple-health "$FIXTURES/apple-health/export-v12.xml" --prefer iPhone --since 2026-11-21 --json
~ "nights_written": 2,
~ "before_since": 1,
$ mgtrack --profile c import apple-health "$FIXTURES/apple-health/export-v12.xml" --prefer iPhone
$ mgtrack --profile c night --show --date 2026-11-20 --json
~ "tst_min": 390,
# A truncated file: what came before the cut is imported, and it says so.
$ mgtrack --profile d init --age 40 --sex female
$ mgtrack --profile d import apple-health "$FIXTURES/apple-health/export-truncated.xml" --json
~ "nights_written": 2,
~ "truncated": true
# export.zip with a localised XML name and export_cda.xml beside it.
@ python3 -c 'import zipfile,os; z=zipfile.ZipFile("export.zip","w"); z.writestr("apple_health_export/export_cda.xml","<ClinicalDocument/>"); z.write(os.environ["FIXTURES"]+"/apple-health/export-v12.xml","apple_health_export/eksport.xml"); z.close()'
$ mgtrack --profile e init --age 40 --sex female
$ mgtrack --profile e import apple-health export.zip --json
~ "nights_written": 3,
# Not an export at all, or nothing usable.
@ printf '<?xml version="1.0"?><foo/>' > other.xml
$ mgtrack --profile e import apple-health other.xml
? 65
e~ not an Apple Health export
@ printf '<HealthData><Record type="HKQuantityTypeIdentifierStepCount" sourceName="x" startDate="2026-11-20 10:00:00 +0100" endDate="2026-11-20 10:01:00 +0100" value="3"/></HealthData>' > steps.xml
$ mgtrack --profile e import apple-health steps.xml
? 65
e~ no usable sleep or dietary magnesium records
$ mgtrack --profile e import apple-health missing.zip
? 66
# Dietary magnesium: stored apart from the food log, counted once (the
# record repeated inside the Food correlation is not), and counted as
# food only when the profile says so.
$ mgtrack --profile b intake --json
~ "food_source": "log",
~ "food_mg": 0,
~ "imported_food_mg": 80,
$ mgtrack --profile b profile set --food-source apple-health
$ mgtrack --profile b intake --json
~ "food_source": "apple-health",
~ "food_mg": 80,
~ "food": "apple-health \(dietary magnesium\)",
$ mgtrack --profile b profile set --food-source myfitnesspal
? 64
e~ --food-source "myfitnesspal" must be log, apple-health or cronometer
# The Watch is chosen (the iPhone has no sleep), the iPhone's in-bed
# record 23:00-07:10 gives the bed time; the 13-minute afternoon segment
# is a nap, never a night.
$ mgtrack --profile w init --age 40 --sex female
$ mgtrack --profile w import apple-health "$FIXTURES/apple-health/watch-iphone-inbed.xml" --json
~ "nights_written": 1,
~ "nap": 1,
$ mgtrack --profile w night --show --date 2026-11-20 --json
~ "bed": "23:00",
~ "sol": 40,
~ "awakenings": 1,
~ "waso": 10,
~ "wake": "06:50",
~ "up": "07:10",
~ "tst_min": 420,
~ "deep": 220,
~ "light": 200,
