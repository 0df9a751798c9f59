# Apple Health edges (issue 15 items 4 and 6): dietary magnesium in the
# unit the app wrote (0.3 g is 300 mg), implausible days refused, nights
# after today skipped, and an export with nothing usable writes nothing.
$ mgtrack init --age 40 --sex female
$ printf '%s\n' '<?xml version="1.0"?>' '<HealthData locale="en_US">' '<Record type="HKQuantityTypeIdentifierDietaryMagnesium" sourceName="MyFitnessPal" unit="g" startDate="2026-11-20 12:00:00 +0100" endDate="2026-11-20 12:00:00 +0100" value="0.3"/>' '<Record type="HKQuantityTypeIdentifierDietaryMagnesium" sourceName="MyFitnessPal" unit="mcg" startDate="2026-11-21 12:00:00 +0100" endDate="2026-11-21 12:00:00 +0100" value="150000"/>' '<Record type="HKQuantityTypeIdentifierDietaryMagnesium" sourceName="MyFitnessPal" unit="mg" startDate="2026-11-22 12:00:00 +0100" endDate="2026-11-22 12:00:00 +0100" value="499900"/>' '<Record type="HKQuantityTypeIdentifierDietaryMagnesium" sourceName="MyFitnessPal" unit="kcal" startDate="2026-11-23 12:00:00 +0100" endDate="2026-11-23 12:00:00 +0100" value="80"/>' '</HealthData>' > mg-only.xml
# No sleep in it, but dietary magnesium: that is imported, and it succeeds.
$ mgtrack import apple-health mg-only.xml --json
~ "intake_days": 2,
~ "dietary_unit": 1,
~ "dietary_implausible": 1$
~ "nights_written": 0,
@ [ "$(sqlite3 "$MGTRACK_DB" "SELECT group_concat(date || '=' || magnesium_mg, ' ') FROM (SELECT * FROM imported_intake ORDER BY date)")" = "2026-11-20=300.0 2026-11-21=150.0" ]
# Nights in 2027 and 9999 are never stored; a file with nothing usable fails and writes nothing.
$ printf '%s\n' '<?xml version="1.0"?>' '<HealthData locale="en_US">' '<Record type="HKCategoryTypeIdentifierSleepAnalysis" sourceName="Watch" startDate="2027-03-01 23:00:00 +0100" endDate="2027-03-02 07:00:00 +0100" value="HKCategoryValueSleepAnalysisAsleepCore"/>' '<Record type="HKCategoryTypeIdentifierSleepAnalysis" sourceName="Watch" startDate="9999-03-01 23:00:00 +0100" endDate="9999-03-02 07:00:00 +0100" value="HKCategoryValueSleepAnalysisAsleepCore"/>' '</HealthData>' > future.xml
$ mgtrack import apple-health future.xml --json
? 65
~ "after_today": 
e~ nothing was saved
@ [ "$(sqlite3 "$MGTRACK_DB" 'SELECT count(*) FROM night')" = 0 ]
# A --prefer that names no source of the export is refused, not ignored.
$ mgtrack import apple-health "$FIXTURES/apple-health/export-v12.xml" --prefer Nope
? 64
e~ --prefer "Nope" is not a source in .*its sources: "Tom's Watch"
@ [ "$(sqlite3 "$MGTRACK_DB" 'SELECT count(*) FROM night')" = 0 ]
