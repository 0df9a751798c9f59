# Apple Health's --prefer is the person's choice of device (issue 13): a
# night of the preferred source replaces the stored one even when it is
# shorter, where without --prefer the longer stored night is kept.
$ mgtrack init --age 40 --sex female
@ printf '%s\n' '<?xml version="1.0" encoding="UTF-8"?>' '<HealthData locale="en_GB">' ' <ExportDate value="2026-11-23 08:00:00 +0100"/>' ' <Record type="HKCategoryTypeIdentifierSleepAnalysis" sourceName="Watch" startDate="2026-11-19 23:00:00 +0100" endDate="2026-11-20 07:00:00 +0100" value="HKCategoryValueSleepAnalysisAsleepCore"/>' ' <Record type="HKCategoryTypeIdentifierSleepAnalysis" sourceName="Ring" startDate="2026-11-20 02:00:00 +0100" endDate="2026-11-20 06:00:00 +0100" value="HKCategoryValueSleepAnalysisAsleepCore"/>' '</HealthData>' > export.xml
# Without a preference the source with the most sleep gives the night.
$ TZ=Europe/Berlin mgtrack import apple-health export.xml
~ 1 nights written
$ TZ=Europe/Berlin MGTRACK_TODAY=2026-11-24 mgtrack night --show --date 2026-11-20 --json
~ "wake": "07:00",
# The same import again changes nothing.
$ TZ=Europe/Berlin mgtrack import apple-health export.xml --json
~ "nights_unchanged": 1,
# Preferring the ring replaces it, shorter as it is.
$ TZ=Europe/Berlin mgtrack import apple-health export.xml --prefer Ring --json
~ "nights_updated": 1,
~ "nights_kept_longer": 0,
$ TZ=Europe/Berlin MGTRACK_TODAY=2026-11-24 mgtrack night --show --date 2026-11-20 --json
~ "bed": "02:00",
~ "wake": "06:00",
